import type { ArticleDraft } from '../../domain/article/article-draft.js';
import { invalid } from '../../domain/errors.js';
import { authorize, can } from '../../domain/roles/permissions.js';
import type { Actor } from '../../domain/roles/role.js';
import type { UseCaseDeps } from './newsroom-deps.js';
import { writeNewArticle, type NewArticleStores } from './write-new-article.js';

/** Starts a draft owned by the actor; its first revision is the text as given, already checked. */
export async function createArticle(
  deps: UseCaseDeps<NewArticleStores>,
  actor: Actor,
  draft: ArticleDraft,
) {
  authorize(actor, 'article.create');
  // A writer's own profile is the byline unless an editor chooses others.
  if (
    draft.bylines.length > 0 &&
    !(draft.bylines.length === 1 && draft.bylines[0] === actor.authorId)
  ) {
    const unsaved = { createdBy: actor.userId, status: 'draft', killed: false } as const;
    if (!can(actor, 'article.set_bylines', unsaved)) {
      throw invalid('bylines: only editors choose other people’s bylines', 'bylines');
    }
  }
  if (draft.bylines.length === 0 && actor.authorId !== null) draft.bylines = [actor.authorId];
  const now = deps.clock.now();
  // The rows themselves are written by writeNewArticle, which the import shares.
  const { id, revision } = await deps.storage.transaction((stores) =>
    writeNewArticle(stores, draft, { createdBy: actor.userId }, now),
  );
  return { id, revision };
}
