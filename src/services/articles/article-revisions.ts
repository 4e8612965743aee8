import type { ArticleDraft } from '../../domain/article/article-draft.js';
import { diffLines } from '../../domain/article/text-diff.js';
import { bodyPlainText } from '../../domain/body/plain-text.js';
import { notFound } from '../../domain/errors.js';
import { authorize } from '../../domain/roles/permissions.js';
import type { Actor } from '../../domain/roles/role.js';
import { withNames } from '../accounts/with-names.js';
import type { Stores } from '../ports.js';
import { accessOf, loadArticle } from './load-article.js';
import type { NewsroomDeps } from './newsroom-deps.js';
import { saveArticle } from './save-article.js';

async function readable(stores: Stores, actor: Actor, id: number) {
  const article = await loadArticle(stores, id);
  authorize(actor, 'article.read', accessOf(article));
  return article;
}

/** Every revision of an article, newest first: who saved it, when, and of what kind. */
export async function listRevisions(deps: NewsroomDeps, actor: Actor, id: number) {
  const stores = deps.storage.stores;
  const article = await readable(stores, actor, id);
  const revisions = await stores.revisions.list(id);
  return { current: article.revision, revisions: await withNames(stores, revisions) };
}

const textOf = (draft: ArticleDraft) => `${draft.headline}\n\n${bodyPlainText(draft.body)}`;

/** A line diff of the headline and body between two revisions. */
export async function diffRevisions(
  deps: NewsroomDeps,
  actor: Actor,
  id: number,
  from: number,
  to: number,
) {
  const stores = deps.storage.stores;
  await readable(stores, actor, id);
  const [a, b] = await Promise.all([stores.revisions.get(id, from), stores.revisions.get(id, to)]);
  if (!a) throw notFound(`Article ${id} has no revision ${from}`);
  if (!b) throw notFound(`Article ${id} has no revision ${to}`);
  return { from, to, parts: diffLines(textOf(a.snapshot), textOf(b.snapshot)) };
}

/** Brings an earlier revision back as the newest one (nothing is overwritten). */
export async function restoreRevision(
  deps: NewsroomDeps,
  actor: Actor,
  id: number,
  number: number,
  basedOn: number,
) {
  const revision = await deps.storage.stores.revisions.get(id, number);
  if (!revision) throw notFound(`Article ${id} has no revision ${number}`);
  return saveArticle(deps, actor, id, { basedOn, changes: revision.snapshot, kind: 'restore' });
}
