import { z } from 'zod';
import { invalid } from '../../domain/errors.js';
import { isLive } from '../../domain/roles/article-actions.js';
import { authorize } from '../../domain/roles/permissions.js';
import type { Actor } from '../../domain/roles/role.js';
import type { Stores } from '../ports.js';
import { accessOf, loadArticle } from './load-article.js';
import type { UseCaseDeps } from './newsroom-deps.js';

/** The stores a correction touches. */
export type CorrectStores = Pick<Stores, 'articles' | 'corrections' | 'events'>;

export const correctionSchema = z
  .object({
    kind: z.enum(['correction', 'clarification']).default('correction'),
    text: z.string().trim().min(1, 'must say what was corrected').max(2000),
  })
  .strict();

export type CorrectionRequest = z.infer<typeof correctionSchema>;

/**
 * Adds a correction or clarification note, dated, at the foot of a published article; the
 * article counts as updated.
 */
export async function correctArticle(
  deps: UseCaseDeps<CorrectStores>,
  actor: Actor,
  id: number,
  correction: CorrectionRequest,
) {
  const now = deps.clock.now();
  return deps.storage.transaction(async (stores) => {
    const article = await loadArticle(stores, id);
    authorize(actor, 'article.correct', accessOf(article));
    if (!isLive(article.status)) {
      throw invalid('Only a published article takes corrections; edit a draft instead');
    }
    const added = await stores.corrections.add(id, { ...correction, createdAt: now }, actor.userId);
    await stores.articles.update(id, { liveChangedAt: now }, now);
    await stores.events.record(
      {
        type: 'article.corrected',
        articleId: id,
        userId: actor.userId,
        payload: { correctionId: added.id },
      },
      now,
    );
    return added;
  });
}
