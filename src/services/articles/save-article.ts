import { articleDraftSchema, type ArticleDraft } from '../../domain/article/article-draft.js';
import { assertPublishable } from '../../domain/article/publishable.js';
import { conflict, gone, invalid } from '../../domain/errors.js';
import { authorize } from '../../domain/roles/permissions.js';
import type { Actor } from '../../domain/roles/role.js';
import { parseWith } from '../../domain/validation.js';
import type { Stores } from '../ports.js';
import { assertReferencesExist, columnsFor, writeLinks } from './article-draft-of.js';
import { assertEmbedsAllowed } from './assert-embeds-allowed.js';
import { accessOf, loadArticle } from './load-article.js';
import type { NewsroomDeps } from './newsroom-deps.js';
import { latestDraft } from './publish-changes.js';

export interface SaveRequest {
  /** The revision the writer's text is based on. */
  basedOn: number;
  changes: Partial<ArticleDraft>;
  /** An autosave while typing, or bringing back an earlier revision; a plain save otherwise. */
  kind?: 'save' | 'autosave' | 'restore';
}

type SaveOutcome =
  | { saved: true; revision: number; pendingChanges: boolean }
  | { saved: false; current: number; kept: number };

const sameIds = (a: number[], b: number[]) =>
  a.length === b.length && a.every((id, i) => id === b[i]);

async function checkedDraft(
  stores: Stores,
  actor: Actor,
  id: number,
  changes: Partial<ArticleDraft>,
) {
  const article = await loadArticle(stores, id);
  if (article.killedAt) throw gone('This story was killed; it can no longer be edited');
  authorize(actor, 'article.edit', accessOf(article));
  const { draft: before } = await latestDraft(stores, article);
  const draft = parseWith(articleDraftSchema, { ...before, ...changes });
  if (!sameIds(before.bylines, draft.bylines))
    authorize(actor, 'article.set_bylines', accessOf(article));
  if (draft.slug !== before.slug && draft.slug && (await stores.articles.slugTaken(draft.slug))) {
    throw invalid(`slug: ${draft.slug} is already used by another article`, 'slug');
  }
  await assertReferencesExist(stores, draft);
  await assertEmbedsAllowed(stores, draft.body, before.body);
  // What readers already see must stay publishable after the edit.
  if (article.status === 'published' || article.status === 'scheduled') assertPublishable(draft);
  return { article, before, draft };
}

/**
 * Saves a new revision of an article. No lost updates: a save based on a revision that is no
 * longer the latest is refused with Conflict, and its text is kept as a conflicting revision
 * the writer can compare and merge.
 */
export async function saveArticle(
  deps: NewsroomDeps,
  actor: Actor,
  id: number,
  request: SaveRequest,
) {
  const now = deps.clock.now();
  const outcome = await deps.storage.transaction(async (stores): Promise<SaveOutcome> => {
    const { article, draft } = await checkedDraft(stores, actor, id, request.changes);
    const number = (await stores.revisions.latestNumber(id)) + 1;
    const record = {
      basedOn: request.basedOn,
      userId: actor.userId,
      createdAt: now,
      snapshot: draft,
    };
    const kind = request.kind ?? 'save';
    // Readers keep seeing a live story as it was until an editor publishes the changes.
    const live = article.status === 'published';
    const written = live
      ? await stores.desk.saveWaitingIfAt(id, request.basedOn, number)
      : await saveDraftIfAt(stores, id, request.basedOn, number, article.slug, draft, now);
    if (written) {
      await stores.revisions.add(id, { ...record, number, kind });
      return { saved: true, revision: number, pendingChanges: live };
    }
    // Someone saved first: keep this text too, under the next number, then refuse.
    const kept = (await stores.revisions.latestNumber(id)) + 1;
    await stores.revisions.add(id, { ...record, number: kept, kind: 'conflict' });
    const current = (await stores.articles.findById(id))?.revision ?? article.revision;
    return { saved: false, current, kept };
  });
  if (!outcome.saved) {
    throw conflict(
      `Someone else saved this article while you were editing (their revision ${outcome.current} is newer than your ${request.basedOn}). Your text is kept as revision ${outcome.kept}: compare it with revision ${outcome.current} and merge.`,
      { revision: outcome.current, conflictRevision: outcome.kept },
    );
  }
  // Only a live story's save says so: the text then waits for "Publish changes".
  return { revision: outcome.revision, ...(outcome.pendingChanges && { pendingChanges: true }) };
}

/** Writes the text of a story readers do not see yet straight into the article. */
async function saveDraftIfAt(
  stores: Stores,
  id: number,
  basedOn: number,
  number: number,
  liveSlug: string,
  draft: ArticleDraft,
  now: Date,
) {
  const slug = draft.slug !== liveSlug ? { slug: draft.slug } : {};
  const columns = { ...columnsFor(draft), ...slug };
  if (!(await stores.desk.saveIfAt(id, basedOn, number, columns, now))) return false;
  await writeLinks(stores, id, draft);
  return true;
}
