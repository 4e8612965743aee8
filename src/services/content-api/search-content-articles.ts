import { findStories, type FoundStories } from '../search/find-stories.js';
import { searchRequestOf } from '../search/search-request.js';
import type { ContentApiDeps } from './content-api-deps.js';

export interface ContentSearchPage extends FoundStories {
  page: number;
  pageCount: number;
}

/**
 * One page of a search of the articles readers may see now, for Content API clients: the same
 * results as the reader's /search (see services/search), `limit` to a page.
 */
export async function searchContentArticles(
  deps: Pick<ContentApiDeps, 'stores' | 'clock' | 'publication'>,
  input: Record<string, unknown> & { page: number; limit: number },
): Promise<ContentSearchPage> {
  const request = searchRequestOf(input);
  const publication = await deps.publication.current();
  const result = await findStories(deps.stores, request, {
    asOf: deps.clock.now(),
    limit: input.limit,
    offset: (input.page - 1) * input.limit,
    sections: publication.sections,
  });
  return {
    ...result,
    page: input.page,
    pageCount: Math.max(1, Math.ceil(result.total / input.limit)),
  };
}
