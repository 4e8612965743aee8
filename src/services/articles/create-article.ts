import { articleDraftSchema, type ArticleDraft } from '../../domain/article/article-draft.js';
import { slugify, uniqueSlug } from '../../domain/article/slug.js';
import { invalid } from '../../domain/errors.js';
import { authorize } from '../../domain/roles/permissions.js';
import type { Actor } from '../../domain/roles/role.js';
import { parseWith } from '../../domain/validation.js';
import { assertReferencesExist, columnsFor, writeLinks } from './article-draft-of.js';
import { assertEmbedsAllowed } from './assert-embeds-allowed.js';
import type { NewsroomDeps } from './newsroom-deps.js';

/**
 * Starts a draft from text not yet checked (an import, a script): validated here, as these
 * callers have no edge that does it.
 */
export const createArticle = (deps: NewsroomDeps, actor: Actor, input: unknown) =>
  startArticle(deps, actor, parseWith(articleDraftSchema, input));

/** Starts a draft owned by the actor; its first revision is the text as given. */
export async function startArticle(deps: NewsroomDeps, actor: Actor, draft: ArticleDraft) {
  authorize(actor, 'article.create');
  // A writer's own profile is the byline unless an editor chooses others.
  if (
    draft.bylines.length > 0 &&
    !(draft.bylines.length === 1 && draft.bylines[0] === actor.authorId)
  ) {
    if (actor.role === 'contributor' || actor.role === 'writer') {
      throw invalid('bylines: only editors choose other people’s bylines', 'bylines');
    }
  }
  if (draft.bylines.length === 0 && actor.authorId !== null) draft.bylines = [actor.authorId];
  const now = deps.clock.now();
  return deps.storage.transaction(async (stores) => {
    await assertReferencesExist(stores, draft);
    await assertEmbedsAllowed(stores, draft.body);
    if (draft.slug && (await stores.articles.slugTaken(draft.slug))) {
      throw invalid(`slug: ${draft.slug} is already used by another article`, 'slug');
    }
    const slug =
      draft.slug ??
      (await uniqueSlug(slugify(draft.headline), (s) => stores.articles.slugTaken(s)));
    const id = await stores.articles.create(
      { ...columnsFor(draft), slug, status: 'draft', publishedAt: null, authorIds: [], tagIds: [] },
      now,
    );
    await stores.desk.setCreatedBy(id, actor.userId);
    await writeLinks(stores, id, draft);
    await stores.desk.saveIfAt(id, 0, 1, {}, now);
    const snapshot = { ...draft, slug };
    await stores.revisions.add(id, {
      number: 1,
      kind: 'save',
      basedOn: null,
      userId: actor.userId,
      createdAt: now,
      snapshot,
    });
    return { id, revision: 1 };
  });
}
