import { articleDraftSchema, type ArticleDraft } from '../../domain/article/article-draft.js';
import { assertPublishable } from '../../domain/article/publishable.js';
import { conflict, gone, invalid } from '../../domain/errors.js';
import { authorize } from '../../domain/roles/permissions.js';
import type { Actor } from '../../domain/roles/role.js';
import { parseWith } from '../../domain/validation.js';
import type { ScheduledUpdate, Stores } from '../ports.js';
import { columnsFor, draftOf, writeLinks } from './article-draft-of.js';
import { assertEmbedsAllowed } from './assert-embeds-allowed.js';
import { accessOf, loadArticle } from './load-article.js';
import type { UseCaseDeps } from './newsroom-deps.js';

/** The stores scheduling an update touches. */
export type ScheduleUpdateStores = Pick<
  Stores,
  'articles' | 'revisions' | 'scheduledUpdates' | 'settings'
>;

/** The stores that putting a due update live touches. */
export type ApplyUpdateStores = Pick<
  Stores,
  'articles' | 'desk' | 'revisions' | 'tags' | 'scheduledUpdates' | 'alerts' | 'events'
>;

export interface ScheduleUpdateRequest {
  basedOn: number;
  changes: Partial<ArticleDraft>;
  applyAt: Date;
}

/**
 * Prepares a change to a live story that readers see only from `applyAt` (an embargoed update):
 * the new text is kept as a revision now and put live by the scheduler at its time.
 */
export async function scheduleUpdate(
  deps: UseCaseDeps<ScheduleUpdateStores>,
  actor: Actor,
  id: number,
  request: ScheduleUpdateRequest,
) {
  const now = deps.clock.now();
  if (request.applyAt <= now) throw invalid('applyAt: the time must be in the future', 'applyAt');
  return deps.storage.transaction(async (stores) => {
    const article = await loadArticle(stores, id);
    if (article.killedAt) throw gone('This story was killed; it can no longer be updated');
    if (article.status !== 'published') {
      throw invalid('Only a live story takes scheduled updates; edit the draft instead');
    }
    authorize(actor, 'article.edit', accessOf(article));
    authorize(actor, 'article.schedule', accessOf(article));
    if (request.basedOn !== article.revision) {
      throw conflict(
        `The story changed since you opened it (revision ${article.revision}); reload and schedule again`,
        {
          revision: article.revision,
        },
      );
    }
    const before = draftOf(article);
    const draft = parseWith(articleDraftSchema, { ...before, ...request.changes });
    await assertEmbedsAllowed(stores, draft.body, before.body);
    assertPublishable(draft);
    const number = (await stores.revisions.latestNumber(id)) + 1;
    await stores.revisions.add(id, {
      number,
      kind: 'scheduled',
      basedOn: request.basedOn,
      userId: actor.userId,
      createdAt: now,
      snapshot: draft,
    });
    return stores.scheduledUpdates.add({
      articleId: id,
      revision: number,
      userId: actor.userId,
      applyAt: request.applyAt,
    });
  });
}

/** Puts one due update live; false when it no longer applies (an alert then says why). */
export async function applyScheduledUpdate(
  stores: ApplyUpdateStores,
  update: ScheduledUpdate,
  now: Date,
): Promise<boolean> {
  if (!(await stores.scheduledUpdates.markApplied(update.id, now))) return false;
  const article = await stores.articles.findById(update.articleId);
  const revision = await stores.revisions.get(update.articleId, update.revision);
  if (!article || !revision || article.killedAt || article.status !== 'published') {
    const message = `A scheduled update of article ${update.articleId} was not applied: the story is no longer live`;
    await stores.alerts.raise({
      kind: 'update_failed',
      articleId: update.articleId,
      message,
      createdAt: now,
    });
    return false;
  }
  const draft = revision.snapshot;
  const number = (await stores.revisions.latestNumber(article.id)) + 1;
  // The scheduled text wins over edits made since; those stay in the history.
  const changes = { ...columnsFor(draft), liveChangedAt: now };
  if (!(await stores.desk.saveIfAt(article.id, article.revision, number, changes, now)))
    return false;
  await stores.revisions.add(article.id, {
    number,
    kind: 'save',
    basedOn: article.revision,
    userId: update.userId,
    createdAt: now,
    snapshot: draft,
  });
  await writeLinks(stores, article.id, draft);
  await stores.events.record(
    { type: 'article.updated', articleId: article.id, userId: update.userId },
    now,
  );
  return true;
}
