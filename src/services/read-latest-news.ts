import type { Stores } from './ports.js';
import { readStoryList, type StoryList } from './read-story-list.js';
import type { SiteReads } from './site-context.js';

/** The latest news: every section's stories, newest first, page by page. */
export async function readLatestNews(
  context: SiteReads<Pick<Stores, 'articles'>>,
  page: number,
): Promise<StoryList> {
  return readStoryList(context, await context.publication.current(), {}, page);
}
