import type { ArticleSummary } from '../domain/article/article.js';
import { notFound } from '../domain/errors.js';
import type { PublishedQuery, Stores } from './ports.js';
import type { PublicationSnapshot } from './publication-cache.js';
import { readMasthead, type Masthead } from './read-masthead.js';
import type { SiteReads } from './site-context.js';

export interface StoryList {
  masthead: Masthead;
  publication: PublicationSnapshot;
  stories: ArticleSummary[];
  page: number;
  /** How many pages there are; an uncounted list knows only whether one more follows. */
  pageCount: number;
  /** How many stories the list holds; undefined when it holds more than were counted. */
  total: number | undefined;
}

export type StoryFilter = Pick<
  PublishedQuery,
  'sectionId' | 'authorId' | 'tagId' | 'words' | 'published'
>;

/**
 * How far past the page a list's count looks: a section of a big archive holds tens of thousands
 * of stories, and counting them all cost each front page more than the rest of it together.
 * Beyond this the page says "Page N" and links the next, as an uncounted list does.
 */
const COUNTED_PAGES_AHEAD = 10;

/**
 * One page of published stories matching a filter: the `pinned` ones first, in their order, then
 * the rest newest first; NotFound past the last page. Pinned stories must match the filter.
 */
export async function readStoryList(
  context: SiteReads<Pick<Stores, 'articles'>>,
  publication: PublicationSnapshot,
  filter: StoryFilter,
  page: number,
  pinned: ArticleSummary[] = [],
): Promise<StoryList> {
  const now = context.clock.now();
  const perPage = publication.settings.articlesPerPage;
  const start = (page - 1) * perPage;
  const pinnedHere = pinned.slice(start, start + perPage);
  const countedUpTo = start + perPage * COUNTED_PAGES_AHEAD + 1;
  const [newest, total] = await Promise.all([
    pinnedHere.length === perPage
      ? []
      : context.stores.articles.listPublished({
          ...filter,
          exceptIds: pinned.map((story) => story.id),
          asOf: now,
          limit: perPage - pinnedHere.length,
          offset: Math.max(0, start - pinned.length),
        }),
    context.stores.articles.countPublished({ ...filter, asOf: now }, countedUpTo),
  ]);
  const counted = total < countedUpTo;
  const pageCount = counted ? Math.max(1, Math.ceil(total / perPage)) : page + 1;
  if (page > pageCount) throw notFound('No such page');
  return {
    masthead: readMasthead(publication, now, context.weather),
    publication,
    stories: [...pinnedHere, ...newest],
    page,
    pageCount,
    total: counted ? total : undefined,
  };
}

/**
 * One page of every published story, newest first, without counting them: a count of the whole
 * archive would grow with it. Fetching one story more tells whether an older page follows.
 * NotFound for a page past the last.
 */
export async function readUncountedStoryList(
  context: SiteReads<Pick<Stores, 'articles'>>,
  publication: PublicationSnapshot,
  page: number,
): Promise<StoryList> {
  const now = context.clock.now();
  const perPage = publication.settings.articlesPerPage;
  const found = await context.stores.articles.listPublished({
    asOf: now,
    limit: perPage + 1,
    offset: (page - 1) * perPage,
  });
  if (page > 1 && found.length === 0) throw notFound('No such page');
  return {
    masthead: readMasthead(publication, now, context.weather),
    publication,
    stories: found.slice(0, perPage),
    page,
    pageCount: found.length > perPage ? page + 1 : page,
    total: undefined,
  };
}
