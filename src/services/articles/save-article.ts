import { articleDraftSchema, type ArticleDraft } from '../../domain/article/article-draft.js';
import { assertPublishable } from '../../domain/article/publishable.js';
import { conflict, gone, invalid } from '../../domain/errors.js';
import { authorize } from '../../domain/roles/permissions.js';
import type { Actor } from '../../domain/roles/role.js';
import { parseWith } from '../../domain/validation.js';
import type { Stores } from '../ports.js';
import { assertReferencesExist, columnsFor, draftOf, writeLinks } from './article-draft-of.js';
import { assertEmbedsAllowed } from './assert-embeds-allowed.js';
import { accessOf, loadArticle } from './load-article.js';
import type { NewsroomDeps } from './newsroom-deps.js';

export interface SaveRequest {
  /** The revision the writer's text is based on. */
  basedOn: number;
  changes: Partial<ArticleDraft>;
  /** An autosave while typing, or bringing back an earlier revision; a plain save otherwise. */
  kind?: 'save' | 'autosave' | 'restore';
}

type SaveOutcome =
  { saved: true; revision: number } | { saved: false; current: number; kept: number };

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
  const before = draftOf(article);
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
    const { article, before, draft } = await checkedDraft(stores, actor, id, request.changes);
    const number = (await stores.revisions.latestNumber(id)) + 1;
    const record = {
      basedOn: request.basedOn,
      userId: actor.userId,
      createdAt: now,
      snapshot: draft,
    };
    const slug = draft.slug !== before.slug ? { slug: draft.slug } : {};
    if (
      await stores.desk.saveIfAt(
        id,
        request.basedOn,
        number,
        { ...columnsFor(draft), ...slug },
        now,
      )
    ) {
      await stores.revisions.add(id, {
        ...record,
        number,
        kind: request.kind ?? 'save',
      });
      await writeLinks(stores, id, draft);
      if (article.status === 'published') {
        await stores.events.record(
          { type: 'article.updated', articleId: id, userId: actor.userId },
          now,
        );
      }
      return { saved: true, revision: number };
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
  return { revision: outcome.revision };
}
