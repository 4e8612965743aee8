import { articlePath } from '../domain/article/article.js';
import type { ArticleDraft } from '../domain/article/article-draft.js';
import { signOffSource } from '../domain/article/sign-off.js';
import { slugify, uniqueSlug } from '../domain/article/slug.js';
import type { AuthorProfile } from '../domain/author/author.js';
import { bodyFromHtml } from '../domain/body/body-from-html.js';
import { bodyFromMarkdown } from '../domain/body/body-from-markdown.js';
import { bodyFromParagraphs } from '../domain/body/body-from-paragraphs.js';
import { parseBodyDocument, type BodyDocument } from '../domain/body/body-document.js';
import { invalid, isDomainError } from '../domain/errors.js';
import { sectionSlugFor, type Section } from '../domain/section/section.js';
import { authorize } from '../domain/roles/permissions.js';
import { COMMAND_LINE, type MachineActor } from '../domain/roles/role.js';
import { refuseUnstorableText } from '../domain/storable-text.js';
import { parseWith } from '../domain/validation.js';
import { loadArticle } from './articles/load-article.js';
import { moveArticle } from './articles/transition-article.js';
import { writeNewArticle } from './articles/write-new-article.js';
import { importedArticleSchema, type ImportedArticle } from './article-import-schema.js';
import { acceptPhoto, recordPhoto, type AcceptedPhoto } from './media/accept-photo.js';
import type { MediaDeps, PhotoStores } from './media/media-deps.js';
import type { Stores } from './ports.js';

export interface ImportDeps extends Pick<
  MediaDeps,
  'storage' | 'clock' | 'images' | 'files' | 'limits' | 'wakeJobs'
> {
  /** Reads a file named by an item (its lead photo), relative to where the items came from. */
  readAsset(path: string): Promise<Uint8Array>;
}

export interface ImportReport {
  imported: { id: number; url: string }[];
  failed: { item: number | string; error: string; field?: string }[];
}

/** Where an import's outcomes go as they happen, and the number its first item reports as. */
export interface ArticleImportOptions {
  report?: ImportReport;
  firstItem?: number;
}

export function bodyOf(item: ImportedArticle): BodyDocument {
  if (Array.isArray(item.body)) return bodyFromParagraphs(item.body);
  if (typeof item.body === 'object') return parseBodyDocument(item.body);
  return item.bodyFormat === 'html' ? bodyFromHtml(item.body) : bodyFromMarkdown(item.body);
}

type SectionNamed = ImportedArticle['section'];

/**
 * The section the item names, by slug or name; a new one is added at the end of the list,
 * with the slug, description and visibility the item gives it.
 */
export async function sectionNamed(
  stores: Pick<Stores, 'sections'>,
  by: MachineActor,
  named: SectionNamed,
): Promise<Section> {
  const wanted =
    typeof named === 'string' ? { name: named, description: '', hidden: false } : named;
  const { name, description, hidden } = wanted;
  const position = 'position' in wanted ? wanted.position : undefined;
  const sections = await stores.sections.list();
  const slug = sectionSlugFor(('slug' in wanted && wanted.slug) || slugify(name));
  const found = sections.find(
    (s) => s.slug === slug || s.name.toLowerCase() === name.toLowerCase(),
  );
  if (found) return found;
  authorize(by, 'section.manage');
  return stores.sections.create({
    slug,
    name,
    description,
    hidden,
    position: position ?? sections.length,
  });
}

/** The byline profiles the item names, adding those the paper does not have yet. */
export async function bylinesOf(
  stores: Pick<Stores, 'authors'>,
  by: MachineActor,
  item: ImportedArticle,
): Promise<AuthorProfile[]> {
  const authors: AuthorProfile[] = [];
  for (const byline of item.bylines) {
    const profile =
      typeof byline === 'string'
        ? { name: byline, kind: 'staff' as const, bio: '', links: [] }
        : byline;
    const slug = slugify(profile.name);
    const found = await stores.authors.findBySlug(slug);
    if (!found) authorize(by, 'author.manage');
    authors.push(found ?? (await stores.authors.create({ slug, ...profile })));
  }
  return authors;
}

async function readLeadPhoto(deps: ImportDeps, file: string): Promise<Uint8Array> {
  try {
    return await deps.readAsset(file);
  } catch (error) {
    // An uploaded file may name no file on the server: the reader says so itself.
    const why = isDomainError(error) ? error.message : `cannot read ${file}`;
    throw invalid(`leadImage.file: ${why}`, 'leadImage.file');
  }
}

/** Checks and stores the lead photo's file, before the item's transaction (as an upload does). */
async function acceptLeadPhoto(
  deps: ImportDeps,
  by: MachineActor,
  file: string,
): Promise<AcceptedPhoto> {
  authorize(by, 'media.upload');
  const bytes = await readLeadPhoto(deps, file);
  return acceptPhoto(deps, bytes, photoNameOf(file)).catch((error: unknown) => {
    if (!isDomainError(error)) throw error;
    throw invalid(`leadImage.file: ${error.message}`, 'leadImage.file');
  });
}

const photoNameOf = (file: string) => file.split('/').pop() || file;

type LeadImage = NonNullable<ImportedArticle['leadImage']>;

export async function recordLead(
  stores: PhotoStores,
  photo: AcceptedPhoto,
  lead: LeadImage,
  now: Date,
): Promise<ArticleDraft['lead']> {
  const details = { originalName: photoNameOf(lead.file), ...lead };
  const { media, created } = await recordPhoto(stores, photo, details, null, now);
  if (created && lead.focalPoint)
    await stores.media.update(media.id, { focalPoint: lead.focalPoint });
  return { mediaId: media.id, caption: lead.caption, credit: lead.credit, alt: lead.alt };
}

/** The item as the newsroom's draft of it, once its section, bylines and photo are on file. */
export const importedDraftOf = (
  item: ImportedArticle,
  body: BodyDocument,
  found: { section: Section; authors: AuthorProfile[]; lead: ArticleDraft['lead'] },
): ArticleDraft => ({
  headline: item.headline,
  slug: item.slug,
  standfirst: item.standfirst,
  dateline: item.dateline,
  body,
  sectionId: found.section.id,
  tags: item.tags,
  bylines: found.authors.map((a) => a.id),
  lead: found.lead,
  signOff: signOffSource(item.source),
  seoTitle: item.seoTitle,
  seoDescription: item.seoDescription,
  socialTitle: item.socialTitle,
  socialDescription: item.socialDescription,
  socialImageId: null,
});

/**
 * An imported story keeps its own history: it was last updated at its source, not now; and
 * when that was after it went live, readers were shown an update.
 */
export async function keepSourceTimes(
  stores: Pick<Stores, 'articles'>,
  id: number,
  item: ImportedArticle,
  publishedAt: Date | null,
  now: Date,
) {
  const updatedAt = item.updatedAt ? new Date(item.updatedAt) : (publishedAt ?? now);
  const liveChangedAt = publishedAt && updatedAt > publishedAt ? updatedAt : null;
  await stores.articles.update(id, { liveChangedAt }, updatedAt);
}

/** How a story from elsewhere is filed beyond its text. */
export interface ImportedFiling {
  /** Its lead photo, checked and stored before the transaction. */
  photo?: AcceptedPhoto | undefined;
  /** A slug another story has gets a suffix (files from other systems) instead of failing. */
  suffixTakenSlug?: boolean;
}

/** The item's slug, made free with a suffix when asked and another story has it. */
async function freeSlug(
  stores: Pick<Stores, 'articles'>,
  slug: string | undefined,
  suffix: boolean | undefined,
) {
  if (!slug || !suffix || !(await stores.articles.slugTaken(slug))) return slug;
  return uniqueSlug(slug, (s) => stores.articles.slugTaken(s));
}

/**
 * Files one parsed item inside the caller's transaction, through the newsroom's own steps:
 * filed as a draft with its first revision, then submitted or published by the workflow,
 * which records the event that sends webhooks and purges the CDN.
 */
export async function fileImportedStory(
  stores: Stores,
  by: MachineActor,
  item: ImportedArticle,
  filing: ImportedFiling,
  now: Date,
): Promise<{ id: number; url: string }> {
  const { photo } = filing;
  const section = await sectionNamed(stores, by, item.section);
  const authors = await bylinesOf(stores, by, item);
  const lead =
    photo && item.leadImage ? await recordLead(stores, photo, item.leadImage, now) : null;
  // Published elsewhere first: the publish transition keeps a published time it finds.
  const publishedAt = item.status === 'published' ? new Date(item.publishedAt ?? now) : null;
  const slug = await freeSlug(stores, item.slug, filing.suffixTakenSlug);
  const draft = { ...importedDraftOf(item, bodyOf(item), { section, authors, lead }), slug };
  const written = await writeNewArticle(stores, draft, { createdBy: null, publishedAt }, now);
  const { id } = written;
  if (item.status !== 'draft')
    await moveArticle(stores, by, await loadArticle(stores, id), { to: item.status }, now);
  for (const { kind, text, date } of item.corrections)
    await stores.corrections.add(id, { kind, text, createdAt: new Date(date) }, null);
  await keepSourceTimes(stores, id, item, publishedAt, now);
  return { id, url: articlePath({ slug: written.slug, section }) };
}

/** One item of our own format in one transaction; nothing of it is left when it fails. */
async function importOne(
  deps: ImportDeps,
  by: MachineActor,
  input: unknown,
): Promise<{ id: number; url: string }> {
  // Text SQLite would keep but PostgreSQL refuses must not make an archive that cannot move.
  refuseUnstorableText(input, 'item');
  const item = parseWith(importedArticleSchema, input);
  authorize(by, 'article.create');
  const now = deps.clock.now();
  const photo = item.leadImage && (await acceptLeadPhoto(deps, by, item.leadImage.file));
  try {
    return await deps.storage.transaction((stores) =>
      fileImportedStory(stores, by, item, { photo }, now),
    );
  } catch (error) {
    await photo?.discard();
    throw error;
  }
}

/**
 * Imports articles in the import format. Each item is all-or-nothing: a bad item is reported
 * with the field at fault and leaves nothing behind; the others still go in. Stories are filed
 * and published as the newsroom's are (revisions, events, webhooks, CDN purges), by `by`.
 * `report` is added to as each item is filed; failed items are numbered from `firstItem`.
 */
export async function importArticles(
  deps: ImportDeps,
  input: unknown,
  by: MachineActor = COMMAND_LINE,
  { report = { imported: [], failed: [] }, firstItem = 0 }: ArticleImportOptions = {},
): Promise<ImportReport> {
  const items = Array.isArray(input) ? (input as unknown[]) : [input];
  for (const [index, item] of items.entries()) {
    try {
      report.imported.push(await importOne(deps, by, item));
    } catch (error) {
      if (!isDomainError(error)) throw error;
      report.failed.push({
        item: firstItem + index,
        error: error.message,
        ...(error.field ? { field: error.field } : {}),
      });
    }
  }
  // Photos' variants and the stories' events (webhooks, CDN purges) can start now.
  if (report.imported.length > 0) deps.wakeJobs?.();
  return report;
}
