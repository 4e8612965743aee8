import type { ArticleDraft } from '../../domain/article/article-draft.js';
import { diffDrafts, readableDraft, type DraftNames } from '../../domain/article/draft-diff.js';
import { notFound } from '../../domain/errors.js';
import { authorize } from '../../domain/roles/permissions.js';
import type { Actor } from '../../domain/roles/role.js';
import { withNames } from '../accounts/with-names.js';
import type { Reads, Stores } from '../ports.js';
import { accessOf, loadArticle } from './load-article.js';
import type { UseCaseDeps } from './newsroom-deps.js';
import { saveArticle, type SaveStores } from './save-article.js';

/** The stores reading the revisions and their differences touches. */
export type RevisionReadStores = Pick<
  Stores,
  'articles' | 'revisions' | 'users' | 'sections' | 'authors' | 'media'
>;

async function readable(stores: Pick<Stores, 'articles'>, actor: Actor, id: number) {
  const article = await loadArticle(stores, id);
  authorize(actor, 'article.read', accessOf(article));
  return article;
}

/** Every revision of an article, newest first: who saved it, when, and of what kind. */
export async function listRevisions(
  deps: { storage: Reads<RevisionReadStores> },
  actor: Actor,
  id: number,
) {
  const stores = deps.storage.stores;
  const article = await readable(stores, actor, id);
  const revisions = await stores.revisions.list(id);
  return { current: article.revision, revisions: await withNames(stores, revisions) };
}

/** The names of the sections, bylines and photos two versions name. */
async function namesIn(
  stores: Pick<Stores, 'sections' | 'authors' | 'media'>,
  drafts: ArticleDraft[],
): Promise<DraftNames> {
  const photoIds = new Set(
    drafts.flatMap((d) => [d.lead?.mediaId, d.socialImageId]).filter((id) => id != null),
  );
  const [sections, authors, photos] = await Promise.all([
    stores.sections.list(),
    stores.authors.findByIds([...new Set(drafts.flatMap((d) => d.bylines))]),
    Promise.all([...photoIds].map((id) => stores.media.findById(id))),
  ]);
  const nameOf = <T extends { id: number }>(list: (T | undefined)[], name: (item: T) => string) => {
    const names = new Map(list.flatMap((item) => (item ? [[item.id, name(item)] as const] : [])));
    return (id: number) => names.get(id) ?? `#${id} (deleted)`;
  };
  return {
    section: nameOf(sections, (s) => s.name),
    author: nameOf(authors, (a) => a.name),
    photo: nameOf(photos, (p) => `Photo #${p.id}: ${p.alt || p.originalName}`),
  };
}

/** What changed between two revisions, field by field, the text word by word. */
export async function diffRevisions(
  deps: { storage: Reads<RevisionReadStores> },
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
  const names = await namesIn(stores, [a.snapshot, b.snapshot]);
  const changes = diffDrafts(readableDraft(a.snapshot, names), readableDraft(b.snapshot, names));
  return { from, to, changes };
}

/** Brings an earlier revision back as the newest one (nothing is overwritten). */
export async function restoreRevision(
  deps: UseCaseDeps<SaveStores> & { storage: Reads<Pick<Stores, 'revisions'>> },
  actor: Actor,
  id: number,
  number: number,
  basedOn: number,
) {
  const revision = await deps.storage.stores.revisions.get(id, number);
  if (!revision) throw notFound(`Article ${id} has no revision ${number}`);
  return saveArticle(deps, actor, id, { basedOn, changes: revision.snapshot, kind: 'restore' });
}
