import type { ArticleSummary } from '../domain/article/article.js';
import { notFound } from '../domain/errors.js';
import type { PublishedQuery } from './ports.js';
import type { PublicationSnapshot } from './publication-cache.js';
import { readMasthead, type Masthead } from './read-masthead.js';
import type { SiteContext } from './site-context.js';

export interface StoryList {
  masthead: Masthead;
  publication: PublicationSnapshot;
  stories: ArticleSummary[];
  page: number;
  pageCount: number;
  /** How many stories the list holds, on every page. */
  total: number;
}

export type StoryFilter = Pick<PublishedQuery, 'sectionId' | 'authorId' | 'tagId' | 'words'>;

/** One page of published stories matching a filter, newest first; NotFound past the last page. */
export async function readStoryList(
  context: SiteContext,
  publication: PublicationSnapshot,
  filter: StoryFilter,
  page: number,
): Promise<StoryList> {
  const now = context.clock.now();
  const perPage = publication.settings.articlesPerPage;
  const [stories, total] = await Promise.all([
    context.stores.articles.listPublished({
      ...filter,
      asOf: now,
      limit: perPage,
      offset: (page - 1) * perPage,
    }),
    context.stores.articles.countPublished({ ...filter, asOf: now }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  if (page > pageCount) throw notFound('No such page');
  return {
    masthead: readMasthead(publication.settings, now, context.weather),
    publication,
    stories,
    page,
    pageCount,
    total,
  };
}
