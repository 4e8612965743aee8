import { articleDraftSchema, type ArticleDraft } from '../../domain/article/article-draft.js';
import type { Article } from '../../domain/article/article.js';
import {
  mergeRevisions,
  type MergeChoices,
  type MergeConflict,
} from '../../domain/article/merge-revisions.js';
import { assertPublishable } from '../../domain/article/publishable.js';
import { conflict, gone, invalid } from '../../domain/errors.js';
import { authorize } from '../../domain/roles/permissions.js';
import type { Actor } from '../../domain/roles/role.js';
import { parseWith } from '../../domain/validation.js';
import type { Stores } from '../ports.js';
import { assertReferencesExist, columnsFor, writeLinks } from './article-draft-of.js';
import { assertEmbedsAllowed } from './assert-embeds-allowed.js';
import { accessOf, loadArticle } from './load-article.js';
import type { UseCaseDeps } from './newsroom-deps.js';
import { latestDraft } from './publish-changes.js';

export interface SaveRequest {
  /** The revision the writer's text is based on. */
  basedOn: number;
  changes: Partial<ArticleDraft>;
  /** An autosave while typing, or bringing back an earlier revision; a plain save otherwise. */
  kind?: 'save' | 'autosave' | 'restore';
  /** After a conflict: the side to keep for each conflict, by its key. */
  choices?: MergeChoices;
}

/** The stores a save touches. */
export type SaveStores = Pick<
  Stores,
  'articles' | 'desk' | 'revisions' | 'tags' | 'sections' | 'authors' | 'media' | 'settings'
>;

type SaveOutcome =
  | { saved: true; revision: number; pendingChanges: boolean; merged?: string[] }
  | { saved: false; current: number; kept: number; conflicts: MergeConflict[] };

/** The text to save: the writer's changes, merged three ways when based on an older revision. */
async function mergedText(
  stores: Pick<Stores, 'revisions'>,
  article: Article,
  newest: ArticleDraft,
  request: SaveRequest,
) {
  const stale = request.basedOn !== article.revision;
  const base = stale ? await stores.revisions.get(article.id, request.basedOn) : undefined;
  if (!base) {
    const draft = parseWith(articleDraftSchema, { ...newest, ...request.changes });
    return { draft, basedOn: request.basedOn, conflicts: [] };
  }
  const yours = parseWith(articleDraftSchema, { ...base.snapshot, ...request.changes });
  const merge = mergeRevisions(base.snapshot, newest, yours, request.choices);
  // A conflict keeps the writer's whole text, as they saw it, for them to compare.
  if (merge.conflicts.length) return { ...merge, draft: yours, basedOn: request.basedOn };
  return { ...merge, basedOn: article.revision };
}

const sameIds = (a: number[], b: number[]) =>
  a.length === b.length && a.every((id, i) => id === b[i]);

async function checkedDraft(stores: SaveStores, actor: Actor, id: number, request: SaveRequest) {
  const article = await loadArticle(stores, id);
  if (article.killedAt) throw gone('This story was killed; it can no longer be edited');
  authorize(actor, 'article.edit', accessOf(article));
  const { draft: before } = await latestDraft(stores, article);
  const merge = await mergedText(stores, article, before, request);
  const { draft } = merge;
  // A refused text is only kept; the rules apply to the text the writer then resolves to.
  if (merge.conflicts.length) return { article, draft, merge };
  if (!sameIds(before.bylines, draft.bylines))
    authorize(actor, 'article.set_bylines', accessOf(article));
  if (draft.slug !== before.slug && draft.slug && (await stores.articles.slugTaken(draft.slug))) {
    throw invalid(`slug: ${draft.slug} is already used by another article`, 'slug');
  }
  await assertReferencesExist(stores, draft);
  await assertEmbedsAllowed(stores, draft.body, before.body);
  // What readers already see must stay publishable after the edit.
  if (article.status === 'published' || article.status === 'scheduled') assertPublishable(draft);
  return { article, draft, merge };
}

/**
 * Saves a new revision of an article. No lost updates: a save based on a revision that is no
 * longer the latest is merged with the newer one (ADR 0017); where both changed the same field
 * or block differently it is refused with Conflict, and its text is kept as a conflicting
 * revision the writer can compare and resolve.
 */
export async function saveArticle(
  deps: UseCaseDeps<SaveStores>,
  actor: Actor,
  id: number,
  request: SaveRequest,
) {
  const now = deps.clock.now();
  const outcome = await deps.storage.transaction(async (stores): Promise<SaveOutcome> => {
    const { article, draft, merge } = await checkedDraft(stores, actor, id, request);
    const number = (await stores.revisions.latestNumber(id)) + 1;
    const { basedOn, conflicts } = merge;
    const record = {
      basedOn: request.basedOn,
      userId: actor.userId,
      createdAt: now,
      snapshot: draft,
    };
    const kind = request.kind ?? 'save';
    // Readers keep seeing a live story as it was until an editor publishes the changes.
    const live = article.status === 'published';
    const written =
      conflicts.length === 0 &&
      (live
        ? await stores.desk.saveWaitingIfAt(id, basedOn, number)
        : await saveDraftIfAt(stores, id, basedOn, number, article.slug, draft, now));
    if (written) {
      await stores.revisions.add(id, { ...record, number, kind });
      const merged = 'merged' in merge ? { merged: merge.merged } : {};
      return { saved: true, revision: number, pendingChanges: live, ...merged };
    }
    // Someone saved first: keep this text too, under the next number, then refuse.
    const kept = (await stores.revisions.latestNumber(id)) + 1;
    await stores.revisions.add(id, { ...record, number: kept, kind: 'conflict' });
    const current = (await stores.articles.findById(id))?.revision ?? article.revision;
    return { saved: false, current, kept, conflicts };
  });
  if (!outcome.saved) {
    const { current, kept, conflicts } = outcome;
    throw conflict(
      `Someone else saved this article while you were editing (their revision ${current} is newer than your ${request.basedOn}) and changed the same ${conflicts.length ? conflicts.map((c) => c.key).join(', ') : 'text'}. Your text is kept as revision ${kept}: choose which version to keep.`,
      { revision: current, conflictRevision: kept, conflicts },
    );
  }
  const { revision, pendingChanges, merged } = outcome;
  // Only a live story's save says so: the text then waits for "Publish changes".
  return { revision, ...(merged && { merged }), ...(pendingChanges && { pendingChanges: true }) };
}

/** Writes the text of a story readers do not see yet straight into the article. */
async function saveDraftIfAt(
  stores: Pick<Stores, 'desk' | 'tags'>,
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
