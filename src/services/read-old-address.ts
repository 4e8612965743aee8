import { articlePath } from '../domain/article/article.js';
import { oldPathOf } from '../domain/import/foreign-story.js';
import type { Stores } from './ports.js';
import { isVisible } from './read-article-page.js';
import type { SiteReads } from './site-context.js';

/**
 * Where an address of the site a story was imported from leads now (`/2013/06/07/a-post/`,
 * `/?p=12`, a Ghost `/slug/`): the story's page, for a permanent redirect; undefined when no
 * imported story had it or readers may not see the story.
 */
export async function importedStoryLocation(
  context: SiteReads<Pick<Stores, 'articles' | 'importSources'>>,
  url: string,
): Promise<string | undefined> {
  const path = oldPathOf(url);
  if (!path) return undefined;
  const id = await context.stores.importSources.articleAtOldPath(path);
  const article = id === undefined ? undefined : await context.stores.articles.findById(id);
  if (!article || !isVisible(article, context.clock.now())) return undefined;
  const location = articlePath(article);
  // A story whose own address is its old one is not sent round in a circle.
  return oldPathOf(location) === path ? undefined : location;
}
