import { tagPath } from '../../domain/article/article.js';
import { authorPath } from '../../domain/author/author.js';
import { notFound } from '../../domain/errors.js';
import { feedUrls, type Feed } from '../../domain/feeds/feed.js';
import { latest } from '../../domain/feeds/feed-dates.js';
import { feedEntry } from '../../domain/feeds/feed-entry.js';
import {
  paperPeriodOf,
  periodDescription,
  periodBounds,
  periodPath,
  periodTitle,
  type PaperPeriod,
} from '../../domain/publication/paper-days.js';
import { sectionPath } from '../../domain/section/section.js';
import type { FeedQuery } from '../discovery-ports.js';
import type { PublicationSnapshot } from '../publication-cache.js';
import type { Stores } from '../ports.js';
import type { SiteReads } from '../site-context.js';

/** How many stories a feed carries: a day or two of a daily's news. */
export const FEED_SIZE = 50;

/** Whose stories a feed carries: the whole paper's, or a section's, topic's or author's. */
export type FeedScope =
  | { kind: 'site' }
  | { kind: 'section'; slug: string }
  | { kind: 'tag'; slug: string }
  | { kind: 'author'; slug: string }
  | { kind: 'date'; year: string; month: string; day?: string };

/** What a feed is of: its title, page, filter, and the surrogate key that purges it. */
interface FeedSubject {
  title: string;
  description: string;
  /** Where its feeds are: `${path}/rss.xml`. */
  path: string;
  /** Its page, when not `path` itself. */
  page?: string;
  filter: Pick<FeedQuery, 'sectionId' | 'tagId' | 'authorId' | 'published'>;
  key?: { kind: 'section' | 'tag' | 'author'; id: number } | { kind: 'date'; period: PaperPeriod };
  /** A day or month still going on, whose feed is there before its first story. */
  current?: boolean;
}

/** A day's or a month's feed: found where its archive page is (see read-date-archive.ts). */
function dateSubject(
  publication: PublicationSnapshot,
  scope: Extract<FeedScope, { kind: 'date' }>,
  now: Date,
): FeedSubject {
  const period = paperPeriodOf(scope);
  const span = period && periodBounds(period, publication.settings.timezone);
  if (!period || !span || span.from > now) throw notFound('No such day in the archive');
  const title = periodTitle(period);
  return {
    title: `${title} — ${publication.settings.name}`,
    description: periodDescription(period, publication.settings.name),
    path: periodPath(period).slice(0, -1),
    page: periodPath(period),
    filter: { published: span },
    key: { kind: 'date', period },
    current: now < span.until,
  };
}

async function subjectOf(
  context: SiteReads<Pick<Stores, 'tags' | 'authors' | 'discovery'>>,
  publication: PublicationSnapshot,
  scope: FeedScope,
): Promise<FeedSubject> {
  const paper = publication.settings.name;
  switch (scope.kind) {
    case 'site':
      return {
        title: paper,
        description: publication.settings.tagline || `The latest news from ${paper}.`,
        path: '',
        filter: {},
      };
    case 'section': {
      const section = publication.sectionsBySlug.get(scope.slug);
      if (!section) throw notFound('No such section');
      return {
        title: `${section.name} — ${paper}`,
        description: section.description || `${section.name}: the latest from ${paper}.`,
        path: sectionPath(section),
        filter: { sectionId: section.id },
        key: { kind: 'section', id: section.id },
      };
    }
    case 'tag': {
      const tag = await context.stores.tags.findListedBySlug(scope.slug, context.clock.now());
      if (!tag) throw notFound('No such topic');
      return {
        title: `${tag.name} — ${paper}`,
        description: `Stories about ${tag.name} from ${paper}.`,
        path: tagPath(tag),
        filter: { tagId: tag.id },
        key: { kind: 'tag', id: tag.id },
      };
    }
    case 'author': {
      const author = await context.stores.authors.findBySlug(scope.slug);
      if (!author) throw notFound('No such author');
      return {
        title: `${author.name} — ${paper}`,
        description: author.bio || `Stories by ${author.name} in ${paper}.`,
        path: authorPath(author),
        filter: { authorId: author.id },
        key: { kind: 'author', id: author.id },
      };
    }
    case 'date':
      return dateSubject(publication, scope, context.clock.now());
  }
}

/** A feed and what the transport needs to cache it well. */
export interface FeedResult {
  feed: Feed;
  /** When the newest change in it happened; undefined for an empty feed. */
  lastModified: Date | undefined;
  /** The section, topic, author, day or month the feed is of, for its surrogate key. */
  subject: FeedSubject['key'];
  /** The stories in it, for the keys that make it stale when one of them changes. */
  storyIds: number[];
}

/** The newest visible stories of the scope, as a feed with absolute URLs under `origin`. */
export async function readFeed(
  context: SiteReads<Pick<Stores, 'tags' | 'authors' | 'discovery'>>,
  scope: FeedScope,
  origin: string,
): Promise<FeedResult> {
  const publication = await context.publication.current();
  const subject = await subjectOf(context, publication, scope);
  const now = context.clock.now();
  const stories = await context.stores.discovery.listFeedStories({
    ...subject.filter,
    asOf: now,
    limit: FEED_SIZE,
  });
  if (stories.length === 0 && subject.key?.kind === 'date' && !subject.current)
    throw notFound('No stories on that day');
  const { settings } = publication;
  const options = { origin, fullText: settings.feeds.fullText, publisher: settings.name };
  const entries = stories.map((story) => feedEntry(story, options));
  const lastModified = latest(entries.map((entry) => entry.updated));
  return {
    feed: {
      title: subject.title,
      description: subject.description,
      language: settings.locale,
      homeUrl: `${origin}${subject.page ?? (subject.path || '/')}`,
      urls: feedUrls(origin, subject.path),
      updated: lastModified ?? now,
      publisher: settings.name,
      entries,
    },
    lastModified,
    subject: subject.key,
    storyIds: stories.map((story) => story.id),
  };
}
