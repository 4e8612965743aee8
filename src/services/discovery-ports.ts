/**
 * What feeds and sitemaps read: published, visible stories by section, topic, author and month,
 * in queries that stay on indexes however many articles there are.
 */
import type { FeedStory } from '../domain/feeds/feed-entry.js';
import type { PlanSource } from '../domain/media/variant-plan.js';

/** Which stories a feed shows: all, or a section's, a topic's or an author's. */
export interface FeedQuery {
  /** Only stories published at or before this instant (later ones are embargoed). */
  asOf: Date;
  sectionId?: number;
  tagId?: number;
  authorId?: number;
  /** Only stories published in [from, until): a date archive's feed. */
  published?: { from: Date; until: Date };
  limit: number;
}

/** A story as a sitemap lists it. */
export interface SitemapStory {
  slug: string;
  sectionSlug: string;
  headline: string;
  publishedAt: Date;
  updatedAt: Date;
  /** The lead photo, enough to name its variants. */
  leadPhoto: PlanSource | null;
}

/** A month (UTC) with published stories: how many, and when the last of them changed. */
export interface PublishedMonth {
  /** YYYY-MM */
  month: string;
  count: number;
  lastModified: Date;
}

/** A section, topic or author page, and when a story last appeared on it. */
export interface ListingActivity {
  slug: string;
  lastPublished: Date;
}

export interface DiscoveryStore {
  /** The newest visible stories, newest first, with body, bylines and tags. */
  listFeedStories(query: FeedQuery): Promise<FeedStory[]>;
  /** Every month with visible stories, oldest first. */
  listPublishedMonths(asOf: Date): Promise<PublishedMonth[]>;
  /** Visible stories published in [from, until), oldest first unless asked, a page at a time. */
  listStoriesBetween(query: {
    from: Date;
    until: Date;
    asOf: Date;
    limit: number;
    offset: number;
    newestFirst?: boolean;
  }): Promise<SitemapStory[]>;
  /** When the newest visible story with a topic (or a byline) was published; undefined for none. */
  latestLinked(asOf: Date, link: 'tags' | 'authors'): Promise<Date | undefined>;
  /**
   * The first instant after `after` at which a published story appears (its embargo lifts) or
   * comes down (`unpublish_at`) with no event to announce it; undefined when none is due.
   */
  nextVisibilityChange(after: Date): Promise<Date | undefined>;
  /** Sections with visible stories. */
  sectionActivity(asOf: Date): Promise<ListingActivity[]>;
  /** Topics with visible stories, most recently active first. */
  tagActivity(asOf: Date, limit: number): Promise<ListingActivity[]>;
  /** Authors with visible stories, most recently active first. */
  authorActivity(asOf: Date, limit: number): Promise<ListingActivity[]>;
}
