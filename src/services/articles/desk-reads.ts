import { z } from 'zod';
import { articleActionsFor } from '../../domain/roles/article-actions.js';
import { can, authorize } from '../../domain/roles/permissions.js';
import type { Actor } from '../../domain/roles/role.js';
import { recordIdParam } from '../../domain/validation.js';
import { withNames } from '../accounts/with-names.js';
import type { Stores, WaitingChanges } from '../ports.js';
import { accessOf, loadArticle } from './load-article.js';
import type { ReadDeps } from './newsroom-deps.js';
import { latestDraft } from './publish-changes.js';
import { readerPathOf, withReaderPaths } from './reader-path.js';
import { withAllowedActions } from './with-allowed-actions.js';

export const deskQuerySchema = z
  .object({
    status: z.enum(['draft', 'in_review', 'scheduled', 'published', 'unpublished']).optional(),
    sectionId: recordIdParam.optional(),
    authorId: recordIdParam.optional(),
    search: z.string().trim().max(200).optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
  })
  .strict();

export type DeskQuery = z.infer<typeof deskQuerySchema>;

const PER_PAGE = 50;

/** The stores the desk's reads of articles touch. */
export type DeskReadStores = Pick<
  Stores,
  'articles' | 'desk' | 'sections' | 'notes' | 'users' | 'scheduledUpdates' | 'revisions'
>;

/**
 * The newsroom's article list with filters, each with where readers find it; contributors see
 * only their own work.
 */
export async function listDeskArticles(
  deps: ReadDeps<Pick<Stores, 'desk' | 'sections'>>,
  actor: Actor,
  query: DeskQuery,
) {
  const createdBy = can(actor, 'article.list_all') ? undefined : actor.userId;
  const stores = deps.storage.stores;
  const entries = await stores.desk.list({
    ...query,
    createdBy,
    limit: PER_PAGE,
    offset: (query.page - 1) * PER_PAGE,
  });
  const placed = await withReaderPaths(stores, deps.clock.now(), entries);
  return {
    page: query.page,
    articles: placed.map(withAllowedActions(actor)),
  };
}

/**
 * One article as the editor opens it: the draft, its workflow state, where readers find it,
 * corrections and notes.
 */
export async function readDeskArticle(deps: ReadDeps<DeskReadStores>, actor: Actor, id: number) {
  const stores = deps.storage.stores;
  const article = await loadArticle(stores, id);
  authorize(actor, 'article.read', accessOf(article));
  const notes = can(actor, 'article.note', accessOf(article))
    ? await withNames(stores, await stores.notes.list(id))
    : [];
  const scheduledUpdates = await stores.scheduledUpdates.pendingFor(id);
  const { draft, waiting } = await latestDraft(stores, article);
  const standing = {
    ...accessOf(article),
    waiting: waiting && { inReview: !!waiting.inReviewSince },
  };
  return {
    id: article.id,
    revision: article.revision,
    status: article.status,
    killed: article.killedAt !== null,
    draft,
    pendingChanges: waiting !== null,
    pending: waiting && (await pendingOf(deps, id, waiting)),
    section: article.section,
    publicPath: readerPathOf(
      { ...article, killed: article.killedAt !== null },
      article.section,
      deps.clock.now(),
    ),
    publishedAt: article.publishedAt,
    updatedAt: article.updatedAt,
    publishAt: article.publishAt,
    unpublishAt: article.unpublishAt,
    createdBy: article.createdBy,
    corrections: article.corrections,
    scheduledUpdates,
    notes,
    allowedActions: articleActionsFor(actor, standing),
  };
}

/** Who saved the waiting changes of a live story, and which revisions to compare. */
async function pendingOf(
  deps: ReadDeps<Pick<Stores, 'revisions' | 'users'>>,
  id: number,
  waiting: WaitingChanges,
) {
  const stores = deps.storage.stores;
  const saved = await stores.revisions.get(id, waiting.revision);
  const user = saved?.userId ? await stores.users.findById(saved.userId) : undefined;
  return {
    revision: waiting.revision,
    liveRevision: waiting.liveRevision,
    savedAt: saved?.createdAt ?? null,
    savedBy: user ? { id: user.id, name: user.name } : null,
    inReview: waiting.inReviewSince !== null,
    diff: `/api/admin/articles/${id}/diff?from=${waiting.liveRevision}&to=${waiting.revision}`,
  };
}

/** Leaves an internal note on an article for colleagues; readers never see notes. */
export async function addArticleNote(
  deps: ReadDeps<Pick<Stores, 'articles' | 'notes' | 'users'>>,
  actor: Actor,
  id: number,
  text: string,
) {
  const stores = deps.storage.stores;
  const article = await loadArticle(stores, id);
  authorize(actor, 'article.note', accessOf(article));
  const note = await stores.notes.add(id, actor.userId, text, deps.clock.now());
  const [named] = await withNames(stores, [note]);
  return named ?? { ...note, name: null };
}
