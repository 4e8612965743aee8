import { notFound } from '../../domain/errors.js';
import { readMasthead, type Masthead } from '../read-masthead.js';
import type { PublicationSnapshot } from '../publication-cache.js';
import type { Stores } from '../ports.js';
import type { SiteReads } from '../site-context.js';
import { findStories, type FoundStories } from './find-stories.js';
import { MAX_QUERY_LENGTH, searchRequestOf, type SearchRequest } from './search-request.js';

export { MAX_QUERY_LENGTH };

export interface SearchResults extends FoundStories {
  masthead: Masthead;
  publication: PublicationSnapshot;
  request: SearchRequest;
  page: number;
  pageCount: number;
}

/**
 * The reader's search page: one page of the published stories matching the query and filters
 * (see find-stories.ts). An empty query, or one of punctuation only, finds nothing and shows
 * the search form; any text is searched for as words, never as a database's query syntax.
 */
export async function searchStories(
  context: SiteReads<Pick<Stores, 'search' | 'articles' | 'authors'>>,
  raw: Record<string, unknown>,
  page: number,
): Promise<SearchResults> {
  const request = searchRequestOf(raw);
  const publication = await context.publication.current();
  const now = context.clock.now();
  const perPage = publication.settings.articlesPerPage;
  const result = await findStories(context.stores, request, {
    asOf: now,
    limit: perPage,
    offset: (page - 1) * perPage,
    sections: publication.sections,
  });
  const pageCount = Math.max(1, Math.ceil(result.total / perPage));
  if (page > pageCount) throw notFound('No such page');
  const masthead = readMasthead(publication, now, context.weather);
  return { ...result, masthead, publication, request, page, pageCount };
}
