import { authorize } from '../../domain/roles/permissions.js';
import type { Actor } from '../../domain/roles/role.js';
import { readMasthead } from '../read-masthead.js';
import type { Stores } from '../ports.js';
import type { SiteReads } from '../site-context.js';
import { accessOf, loadArticle } from './load-article.js';

/** The article as readers will see it, whatever its state, for those who may read it. */
export async function readArticlePreview(
  site: SiteReads<Pick<Stores, 'articles'>>,
  actor: Actor,
  id: number,
) {
  const article = await loadArticle(site.stores, id);
  authorize(actor, 'article.read', accessOf(article));
  const publication = await site.publication.current();
  const masthead = readMasthead(publication, site.clock.now(), site.weather);
  return { article, masthead, publication };
}
