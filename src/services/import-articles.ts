import { articlePath } from '../domain/article/article.js';
import { signOffSource } from '../domain/article/sign-off.js';
import { slugify, uniqueSlug } from '../domain/article/slug.js';
import type { AuthorProfile } from '../domain/author/author.js';
import { bodyFromHtml } from '../domain/body/body-from-html.js';
import { bodyFromMarkdown } from '../domain/body/body-from-markdown.js';
import { bodyFromParagraphs } from '../domain/body/body-from-paragraphs.js';
import { parseBodyDocument, type BodyDocument } from '../domain/body/body-document.js';
import { invalid, isDomainError } from '../domain/errors.js';
import { sectionSlugFor, type Section } from '../domain/section/section.js';
import { refuseUnstorableText } from '../domain/storable-text.js';
import { parseWith } from '../domain/validation.js';
import { importedArticleSchema, type ImportedArticle } from './article-import-schema.js';
import { acceptPhoto, recordPhoto, type AcceptedPhoto } from './media/accept-photo.js';
import type { MediaDeps } from './media/media-deps.js';
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
  failed: { item: number; error: string; field?: string }[];
}

function bodyOf(item: ImportedArticle): BodyDocument {
  if (Array.isArray(item.body)) return bodyFromParagraphs(item.body);
  if (typeof item.body === 'object') return parseBodyDocument(item.body);
  return item.bodyFormat === 'html' ? bodyFromHtml(item.body) : bodyFromMarkdown(item.body);
}

async function sectionNamed(stores: Stores, name: string): Promise<Section> {
  const sections = await stores.sections.list();
  const slug = sectionSlugFor(slugify(name));
  const found = sections.find(
    (s) => s.slug === slug || s.name.toLowerCase() === name.toLowerCase(),
  );
  return (
    found ?? stores.sections.create({ slug, name, description: '', position: sections.length })
  );
}

async function bylinesOf(stores: Stores, item: ImportedArticle): Promise<AuthorProfile[]> {
  const authors: AuthorProfile[] = [];
  for (const byline of item.bylines) {
    const profile =
      typeof byline === 'string' ? { name: byline, kind: 'staff' as const, bio: '' } : byline;
    const slug = slugify(profile.name);
    authors.push(
      (await stores.authors.findBySlug(slug)) ??
        (await stores.authors.create({ slug, ...profile })),
    );
  }
  return authors;
}

async function readLeadPhoto(deps: ImportDeps, file: string): Promise<Uint8Array> {
  try {
    return await deps.readAsset(file);
  } catch {
    throw invalid(`leadImage.file: cannot read ${file}`, 'leadImage.file');
  }
}

async function importOne(deps: ImportDeps, input: unknown): Promise<{ id: number; url: string }> {
  // Text SQLite would keep but PostgreSQL refuses must not make an archive that cannot move.
  refuseUnstorableText(input, 'item');
  const item = parseWith(importedArticleSchema, input);
  const body = bodyOf(item);
  const now = deps.clock.now();
  const photoName = item.leadImage && (item.leadImage.file.split('/').pop() ?? item.leadImage.file);
  let photo: AcceptedPhoto | undefined;
  if (item.leadImage && photoName) {
    const bytes = await readLeadPhoto(deps, item.leadImage.file);
    photo = await acceptPhoto(deps, bytes, photoName).catch((error: unknown) => {
      if (!isDomainError(error)) throw error;
      throw invalid(`leadImage.file: ${error.message}`, 'leadImage.file');
    });
  }
  try {
    return await deps.storage.transaction(async (stores) => {
      const section = await sectionNamed(stores, item.section);
      const authors = await bylinesOf(stores, item);
      const tags = await stores.tags.findOrCreate(item.tags);
      let lead = null;
      if (item.leadImage && photo) {
        const { media } = await recordPhoto(
          stores,
          photo,
          { originalName: photoName ?? 'photo', ...item.leadImage },
          null,
          now,
        );
        lead = {
          mediaId: media.id,
          caption: item.leadImage.caption,
          credit: item.leadImage.credit,
          alt: item.leadImage.alt,
        };
      }
      if (item.slug && (await stores.articles.slugTaken(item.slug))) {
        throw invalid(`slug: ${item.slug} is already used by another article`, 'slug');
      }
      const slug =
        item.slug ??
        (await uniqueSlug(slugify(item.headline), (s) => stores.articles.slugTaken(s)));
      const publishedAt = item.status === 'published' ? new Date(item.publishedAt ?? now) : null;
      // An imported story keeps its own history: it was last updated at its source, not now.
      const updatedAt = item.updatedAt ? new Date(item.updatedAt) : (publishedAt ?? now);
      const id = await stores.articles.create(
        {
          slug,
          sectionId: section.id,
          headline: item.headline,
          standfirst: item.standfirst,
          dateline: item.dateline,
          body,
          lead,
          signOff: signOffSource(item.source),
          status: item.status,
          publishedAt,
          seoTitle: item.seoTitle,
          seoDescription: item.seoDescription,
          socialTitle: item.socialTitle,
          socialDescription: item.socialDescription,
          authorIds: authors.map((a) => a.id),
          tagIds: tags.map((t) => t.id),
          updatedAt,
          // Changed at its source after it went live: readers were shown an update.
          liveChangedAt: publishedAt && updatedAt > publishedAt ? updatedAt : null,
        },
        now,
      );
      return { id, url: articlePath({ slug, section }) };
    });
  } catch (error) {
    await photo?.discard();
    throw error;
  }
}

/**
 * Imports articles in the import format. Each item is all-or-nothing: a bad item is reported
 * with the field at fault and leaves nothing behind; the others still go in.
 */
export async function importArticles(deps: ImportDeps, input: unknown): Promise<ImportReport> {
  const items = Array.isArray(input) ? (input as unknown[]) : [input];
  const report: ImportReport = { imported: [], failed: [] };
  for (const [index, item] of items.entries()) {
    try {
      report.imported.push(await importOne(deps, item));
    } catch (error) {
      if (!isDomainError(error)) throw error;
      report.failed.push({
        item: index,
        error: error.message,
        ...(error.field ? { field: error.field } : {}),
      });
    }
  }
  // Photos came in with the articles: their variants can start now.
  if (report.imported.length > 0) deps.wakeJobs?.();
  return report;
}
