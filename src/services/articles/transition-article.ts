import type { Article, ArticleStatus } from '../../domain/article/article.js';
import { assertPublishable } from '../../domain/article/publishable.js';
import { assertMove } from '../../domain/article/workflow.js';
import { entryBy } from '../../domain/audit/audit-entry.js';
import { conflict, gone, invalid } from '../../domain/errors.js';
import { authorize, type ArticleAction } from '../../domain/roles/permissions.js';
import type { Actor, Caller } from '../../domain/roles/role.js';
import type { ArticleEventType, Stores, WorkflowChanges } from '../ports.js';
import { draftOf } from './article-draft-of.js';
import { accessOf, loadArticle } from './load-article.js';
import type { UseCaseDeps } from './newsroom-deps.js';
import { publishChanges } from './publish-changes.js';

export interface TransitionRequest {
  to: ArticleStatus;
  /** For `scheduled`: when it goes live. */
  publishAt?: Date;
  /** When a published article should come down by itself. */
  unpublishAt?: Date | null;
}

/** The stores a move through the workflow touches. */
export type TransitionStores = Pick<
  Stores,
  'articles' | 'desk' | 'revisions' | 'tags' | 'events' | 'alerts'
>;

/** The stores a kill touches. */
export type KillStores = Pick<Stores, 'articles' | 'desk' | 'events' | 'audit'>;

const ACTION_FOR: Record<ArticleStatus, ArticleAction> = {
  draft: 'article.edit',
  in_review: 'article.submit',
  scheduled: 'article.schedule',
  published: 'article.publish',
  unpublished: 'article.unpublish',
};

const EVENT_FOR: Partial<Record<ArticleStatus, ArticleEventType>> = {
  published: 'article.published',
  unpublished: 'article.unpublished',
};

function workflowFor(article: Article, request: TransitionRequest, now: Date): WorkflowChanges {
  const changes: WorkflowChanges = {};
  if (request.unpublishAt !== undefined) {
    if (request.unpublishAt && request.unpublishAt <= now) {
      throw invalid('unpublishAt: the expiry must be in the future', 'unpublishAt');
    }
    changes.unpublishAt = request.unpublishAt;
  }
  if (request.to === 'scheduled') {
    if (!request.publishAt)
      throw invalid('publishAt: say when the article should go live', 'publishAt');
    if (request.publishAt <= now)
      throw invalid('publishAt: the time must be in the future', 'publishAt');
    changes.publishAt = request.publishAt;
  }
  // The first publication fixes the published time; later republishing keeps it.
  if (request.to === 'published') changes.publishedAt = article.publishedAt ?? now;
  if (request.to !== 'scheduled' && article.status === 'scheduled') changes.publishAt = null;
  return changes;
}

/** Moves an article through the workflow, checking the role, the move and the content. */
export async function transitionArticle(
  deps: UseCaseDeps<TransitionStores>,
  actor: Actor,
  id: number,
  request: TransitionRequest,
) {
  const now = deps.clock.now();
  return deps.storage.transaction(async (stores) => {
    const article = await loadArticle(stores, id);
    if (article.killedAt) throw gone('This story was killed; it cannot be brought back');
    if (article.status === 'published' && request.to === 'published' && !request.unpublishAt)
      return publishChanges(stores, actor, article, now);
    return moveArticle(stores, actor, article, request, now);
  });
}

/**
 * The move itself, inside the caller's transaction. Split from transitionArticle so that the
 * import can file and publish a story in one transaction, checked and announced as here.
 */
export async function moveArticle(
  stores: Pick<Stores, 'desk' | 'events' | 'alerts'>,
  caller: Caller,
  article: Article,
  request: TransitionRequest,
  now: Date,
) {
  authorize(caller, ACTION_FOR[request.to], accessOf(article));
  assertMove(article.status, request.to);
  if (request.to === 'scheduled' || request.to === 'published') assertPublishable(draftOf(article));
  const changes = workflowFor(article, request, now);
  if (!(await stores.desk.move(article.id, article.status, request.to, changes, now))) {
    throw conflict('The article changed state meanwhile; reload it and try again');
  }
  await announce(stores, request.to, article.id, caller.userId, now);
  return { status: request.to };
}

export async function announce(
  stores: Pick<Stores, 'events' | 'alerts'>,
  to: ArticleStatus,
  articleId: number,
  userId: number | null,
  now: Date,
) {
  const type = EVENT_FOR[to];
  if (type) await stores.events.record({ type, articleId, userId }, now);
  if (to === 'published') await stores.alerts.resolveFor(articleId, 'schedule_failed', now);
}

/**
 * Kills a story: off every page, feed and API at once, answering 410 Gone from then on.
 * Unlike unpublishing, it cannot be undone.
 */
export async function killArticle(deps: UseCaseDeps<KillStores>, actor: Actor, id: number) {
  const now = deps.clock.now();
  await deps.storage.transaction(async (stores) => {
    const article = await loadArticle(stores, id);
    if (article.killedAt) throw gone('This story was already killed');
    authorize(actor, 'article.kill', accessOf(article));
    if (
      !(await stores.desk.move(
        id,
        article.status,
        'unpublished',
        { killedAt: now, publishAt: null },
        now,
      ))
    ) {
      throw conflict('The article changed state meanwhile; reload it and try again');
    }
    await stores.events.record(
      { type: 'article.killed', articleId: id, userId: actor.userId },
      now,
    );
    const killed = { target: { type: 'article', id }, details: { headline: article.headline } };
    await stores.audit.record(entryBy(actor, 'article.killed', killed), now);
  });
}
