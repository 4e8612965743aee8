import type { Article } from '../../domain/article/article.js';
import type { ArticleDraft } from '../../domain/article/article-draft.js';
import { assertPublishable } from '../../domain/article/publishable.js';
import { conflict, invalid } from '../../domain/errors.js';
import { authorize, can } from '../../domain/roles/permissions.js';
import type { Actor } from '../../domain/roles/role.js';
import type { Stores, WaitingChanges } from '../ports.js';
import { columnsFor, draftOf, writeLinks } from './article-draft-of.js';
import { accessOf } from './load-article.js';

/** The stores that publishing a live story's waiting changes touches. */
export type PublishChangesStores = Pick<
  Stores,
  'articles' | 'desk' | 'revisions' | 'tags' | 'events'
>;

/** The newest saved text of an article: the waiting version of a live story, else its columns. */
export async function latestDraft(
  stores: Pick<Stores, 'desk' | 'revisions'>,
  article: Article,
): Promise<{ draft: ArticleDraft; waiting: WaitingChanges | null }> {
  const waiting = await stores.desk.waitingChanges(article.id);
  const saved = waiting && (await stores.revisions.get(article.id, waiting.revision));
  return { draft: saved ? saved.snapshot : draftOf(article), waiting };
}

/**
 * Puts the saved changes of a live story in front of readers. A writer's request goes to the
 * editors instead (the story stays as readers see it); the change fires `article.updated`.
 */
export async function publishChanges(
  stores: PublishChangesStores,
  actor: Actor,
  article: Article,
  now: Date,
) {
  authorize(actor, 'article.publish', accessOf(article));
  const { draft, waiting } = await latestDraft(stores, article);
  if (!waiting) throw invalid('to: this story has no unpublished changes to publish', 'to');
  assertPublishable(draft);
  if (!can(actor, 'article.publish_changes', accessOf(article))) {
    await stores.desk.askToPublishChanges(article.id, now);
    return { status: article.status, pendingChanges: true, inReview: true };
  }
  const slug = draft.slug !== article.slug ? { slug: draft.slug } : {};
  // Another story may have taken the new address while the change waited.
  if (slug.slug && (await stores.articles.slugTaken(slug.slug)))
    throw invalid(`slug: ${slug.slug} is already used by another article`, 'slug');
  const changes = { ...columnsFor(draft), ...slug, liveChangedAt: now };
  if (!(await stores.desk.saveIfAt(article.id, waiting.revision, waiting.revision, changes, now))) {
    throw conflict('Someone saved this story meanwhile; reload it and publish again', {
      revision: article.revision,
    });
  }
  await writeLinks(stores, article.id, draft);
  await stores.events.record(
    { type: 'article.updated', articleId: article.id, userId: actor.userId },
    now,
  );
  return { status: article.status, pendingChanges: false, inReview: false };
}
