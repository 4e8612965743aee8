import { articlePath } from '../domain/article/article.js';
import type { ArticleDraft } from '../domain/article/article-draft.js';
import { conflict, invalid } from '../domain/errors.js';
import { authorize } from '../domain/roles/permissions.js';
import type { MachineActor } from '../domain/roles/role.js';
import type { ImportedArticle } from './article-import-schema.js';
import { assertReferencesExist, columnsFor, writeLinks } from './articles/article-draft-of.js';
import { loadArticle } from './articles/load-article.js';
import { latestDraft } from './articles/publish-changes.js';
import { moveArticle } from './articles/transition-article.js';
import {
  bodyOf,
  bylinesOf,
  importedDraftOf,
  keepSourceTimes,
  recordLead,
  sectionNamed,
  type ImportedFiling,
} from './import-articles.js';
import type { Stores } from './ports.js';

/** JSON with keys in order: PostgreSQL's jsonb keeps a body's keys in an order of its own. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

/** True when the new text differs from the story's newest saved text. */
const changedText = (before: ArticleDraft, after: ArticleDraft) =>
  canonical(before) !== canonical(after);

/** The source's text, keeping the story's address and, when none came, its lead photo. */
async function sourceDraft(
  stores: Stores,
  by: MachineActor,
  item: ImportedArticle,
  filing: ImportedFiling,
  kept: { slug: string; lead: ArticleDraft['lead'] },
  now: Date,
): Promise<ArticleDraft> {
  const section = await sectionNamed(stores, by, item.section);
  const authors = await bylinesOf(stores, by, item);
  const lead =
    filing.photo && item.leadImage
      ? await recordLead(stores, filing.photo, item.leadImage, now)
      : kept.lead;
  return { ...importedDraftOf(item, bodyOf(item), { section, authors, lead }), slug: kept.slug };
}

/**
 * Brings a story imported before up to its source's newer text, in the caller's transaction:
 * a new revision only when the text changed, written straight to what readers see (the source
 * is the authority on an imported story), announced as an update so webhooks and the CDN hear
 * of it. Its address stays: readers' links and the redirects from the old site lead to it.
 */
export async function updateImportedStory(
  stores: Stores,
  by: MachineActor,
  id: number,
  item: ImportedArticle,
  filing: ImportedFiling,
  now: Date,
): Promise<{ id: number; url: string; changed: boolean }> {
  const article = await loadArticle(stores, id);
  if (article.killedAt)
    throw invalid(`the story it became (${id}) was killed; it is not brought back`, 'item');
  // The command line edits no story of the newsroom's; this one it filed itself from this
  // very source item (import_sources), and only the source's text is written (ADR 0054).
  authorize(by, 'article.create');
  const { draft: before } = await latestDraft(stores, article);
  const lead = before.lead;
  const draft = await sourceDraft(stores, by, item, filing, { slug: article.slug, lead }, now);
  const moves = item.status !== 'draft' && article.status !== item.status;
  if (!changedText(before, draft) && !moves)
    return { id, url: articlePath(article), changed: false };
  if (changedText(before, draft)) await writeRevision(stores, article, draft, now);
  if (moves) await moveArticle(stores, by, await loadArticle(stores, id), { to: item.status }, now);
  const publishedAt = item.status === 'published' ? new Date(item.publishedAt ?? now) : null;
  await keepSourceTimes(stores, id, item, article.publishedAt ?? publishedAt, now);
  return { id, url: articlePath(await loadArticle(stores, id)), changed: true };
}

/** The new text as the next revision, and the story's columns, readers' copy included. */
async function writeRevision(
  stores: Stores,
  article: Awaited<ReturnType<typeof loadArticle>>,
  draft: ArticleDraft,
  now: Date,
) {
  await assertReferencesExist(stores, draft);
  const number = (await stores.revisions.latestNumber(article.id)) + 1;
  if (!(await stores.desk.saveIfAt(article.id, article.revision, number, columnsFor(draft), now)))
    throw conflict('Someone saved this story meanwhile; import the file again');
  await writeLinks(stores, article.id, draft);
  await stores.revisions.add(article.id, {
    number,
    kind: 'save',
    basedOn: article.revision,
    userId: null,
    createdAt: now,
    snapshot: draft,
  });
  if (article.status === 'published')
    await stores.events.record(
      { type: 'article.updated', articleId: article.id, userId: null },
      now,
    );
}
