import type { Stores } from './ports.js';
import { readUncountedStoryList, type StoryList } from './read-story-list.js';
import type { SiteReads } from './site-context.js';

/** The latest news: every section's stories, newest first, page by page (not counted). */
export async function readLatestNews(
  context: SiteReads<Pick<Stores, 'articles'>>,
  page: number,
): Promise<StoryList> {
  return readUncountedStoryList(context, await context.publication.current(), page);
}
