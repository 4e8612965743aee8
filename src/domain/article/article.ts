import type { BodyDocument } from '../body/body-document.js';
import type { AuthorProfile } from '../author/author.js';
import type { Section } from '../section/section.js';
import type { MediaItem } from '../media/media-item.js';
import type { Correction } from './article-draft.js';

/** Where an article is in its life, from first draft to taken down. */
export type ArticleStatus = 'draft' | 'in_review' | 'scheduled' | 'published' | 'unpublished';

export interface Tag {
  id: number;
  slug: string;
  name: string;
}

/**
 * The lead photo as this article uses it: the media item plus the caption, credit and alt text,
 * which the article may word differently from the library's defaults.
 */
export interface LeadImage {
  media: MediaItem;
  caption: string;
  credit: string;
  alt: string;
}

/** An article as readers see it, with everything its page shows. */
export interface Article {
  id: number;
  slug: string;
  headline: string;
  standfirst: string;
  /** Where the story was filed, e.g. "Ankara"; shown in capitals before the first paragraph. */
  dateline: string;
  body: BodyDocument;
  leadImage: LeadImage | null;
  /** The source named at the end: "Agencies", "Reuters", a staff credit; empty for none. */
  signOff: string;
  section: Section;
  tags: Tag[];
  bylines: AuthorProfile[];
  status: ArticleStatus;
  publishedAt: Date | null;
  updatedAt: Date;
  createdAt: Date;
  seoTitle: string;
  seoDescription: string;
  socialTitle: string;
  socialDescription: string;
  /** The photo shared links show instead of the lead photo; null for the lead photo. */
  socialImage: MediaItem | null;
  /** When what readers see last changed after the story went live; null if it never has. */
  liveChangedAt: Date | null;
  /** Number of the latest saved revision; a save based on an older one is a conflict. */
  revision: number;
  /** The user who started it (its owner in the workflow); null for imported stories. */
  createdBy: number | null;
  /** When a scheduled article goes live. */
  publishAt: Date | null;
  /** When a published article comes down by itself. */
  unpublishAt: Date | null;
  /** Set when the story was killed: gone from every page, feed and API. */
  killedAt: Date | null;
  corrections: Correction[];
  /** Library photos the body shows inline, so pages can render them as <picture>. */
  inlinePhotos: MediaItem[];
}

/** A story as a front's card shows it: its link, headline, standfirst and lead photo. */
export interface FrontStory {
  id: number;
  slug: string;
  headline: string;
  standfirst: string;
  section: Section;
  leadImage: LeadImage | null;
  publishedAt: Date;
}

/** An article as a front or a list shows it; feeds need its bylines too. */
export interface ArticleSummary extends FrontStory {
  bylines: AuthorProfile[];
}

/** The reader's URL path of an article. */
export const articlePath = (article: { slug: string; section: { slug: string } }) =>
  `/${article.section.slug}/${article.slug}`;

/**
 * When readers' version of a story last changed: its last update after going live, else when
 * it went live. Saves waiting to be published are not changes readers saw.
 */
export const lastChangeOf = (
  article: Pick<Article, 'liveChangedAt' | 'publishedAt' | 'updatedAt'>,
) => article.liveChangedAt ?? article.publishedAt ?? article.updatedAt;

/** The reader's URL path of a topic page. */
export const tagPath = (tag: { slug: string }) => `/topic/${tag.slug}`;
