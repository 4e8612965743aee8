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
  const wanted = perPage - pinnedHere.length;
  const offset = Math.max(0, start - pinned.length);
  // The list is counted up to here, the pinned stories and those before the offset included.
  const countedUpTo = start + perPage * COUNTED_PAGES_AHEAD + 1;
  const lookAhead = Math.max(0, countedUpTo - pinned.length - offset - wanted);
  const { stories, found } = await context.stores.articles.listPublishedPage(
    { ...filter, exceptIds: pinned.map((story) => story.id), asOf: now, limit: wanted, offset },
    lookAhead,
  );
  // Past the last page nothing is found, and the total then counts no page as far as this one.
  const total = pinned.length + offset + found;
  const counted = found < wanted + lookAhead;
  const pageCount = counted ? Math.max(1, Math.ceil(total / perPage)) : page + 1;
  if (page > pageCount) throw notFound('No such page');
  return {
    masthead: readMasthead(publication, now, context.weather),
    publication,
    stories: [...pinnedHere, ...stories],
    page,
    pageCount,
    total: counted ? total : undefined,
  };
}

/**
 * One page of every published story, newest first, without counting them: a count of the whole
 * archive would grow with it. Reading one id more tells whether an older page follows.
 * NotFound for a page past the last.
 */
export async function readUncountedStoryList(
  context: SiteReads<Pick<Stores, 'articles'>>,
  publication: PublicationSnapshot,
  page: number,
): Promise<StoryList> {
  const now = context.clock.now();
  const perPage = publication.settings.articlesPerPage;
  const { stories, found } = await context.stores.articles.listPublishedPage(
    { asOf: now, limit: perPage, offset: (page - 1) * perPage },
    1,
  );
  if (page > 1 && found === 0) throw notFound('No such page');
  return {
    masthead: readMasthead(publication, now, context.weather),
    publication,
    stories,
    page,
    pageCount: found > perPage ? page + 1 : page,
    total: undefined,
  };
}
