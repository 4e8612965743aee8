import { articleDraftSchema } from '../../domain/article/article-draft.js';
import { slugify, uniqueSlug } from '../../domain/article/slug.js';
import { invalid } from '../../domain/errors.js';
import { authorize, can } from '../../domain/roles/permissions.js';
import type { Actor } from '../../domain/roles/role.js';
import { parseWith } from '../../domain/validation.js';
import { assertReferencesExist, columnsFor, writeLinks } from './article-draft-of.js';
import { assertEmbedsAllowed } from './assert-embeds-allowed.js';
import type { NewsroomDeps } from './newsroom-deps.js';

/** Starts a draft owned by the actor; its first revision is the text as given. */
export async function createArticle(deps: NewsroomDeps, actor: Actor, input: unknown) {
  authorize(actor, 'article.create');
  const draft = parseWith(articleDraftSchema, input);
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
