/**
 * A story made from agency copy has taken the agency's newer version: the desk says so, the
 * story is no longer marked behind the wire and its `wire_update` alerts are resolved.
 */
import { notFound } from '../../domain/errors.js';
import { authorize } from '../../domain/roles/permissions.js';
import type { Actor } from '../../domain/roles/role.js';
import { accessOf, loadArticle } from '../articles/load-article.js';
import type { UseCaseDeps } from '../articles/newsroom-deps.js';
import type { Stores } from '../ports.js';
import { WIRE_UPDATE_ALERT } from './receive-wire-item.js';

export type CatchUpStores = Pick<Stores, 'wire' | 'articles' | 'alerts'>;

/** Marks the article as made from the item's current version; those who may edit it. */
export async function catchUpWithWire(
  deps: UseCaseDeps<CatchUpStores>,
  actor: Actor,
  wireItemId: number,
  articleId: number,
): Promise<{ madeFromVersion: number }> {
  authorize(actor, 'wire.read');
  const now = deps.clock.now();
  return deps.storage.transaction(async (stores) => {
    const item = await stores.wire.findById(wireItemId);
    if (!item) throw notFound(`Wire item ${wireItemId} not found`);
    const made = await stores.wire.articlesMadeFrom(wireItemId);
    if (!made.some((a) => a.articleId === articleId))
      throw notFound(`Article ${articleId} was not made from wire item ${wireItemId}`);
    authorize(actor, 'article.edit', accessOf(await loadArticle(stores, articleId)));
    await stores.wire.linkArticle(wireItemId, articleId, item.version, now);
    await stores.alerts.resolveFor(articleId, WIRE_UPDATE_ALERT, now);
    return { madeFromVersion: item.version };
  });
}
