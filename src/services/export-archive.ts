import type { MediaItem } from '../domain/media/media-item.js';
import { originalKey } from '../domain/media/variant-plan.js';
import { exportedStatus, importItemOf } from './archive-items.js';
import type { MediaStorage } from './media/media-ports.js';
import type { Stores } from './ports.js';
import { PUBLICATION_KEY } from './publication-cache.js';

/** Where an export goes: files at '/'-separated paths inside one folder. */
export interface ExportFolder {
  write(path: string, content: string | Uint8Array): Promise<void>;
}

export interface ExportDeps {
  stores: Pick<Stores, 'articles' | 'authors' | 'media' | 'sections' | 'settings'>;
  files: Pick<MediaStorage, 'get'>;
}

export interface ExportOptions {
  /** Drafts and stories in review too, not only published ones. */
  drafts: boolean;
  /** Articles read, and written to one file, at a time. */
  pageSize?: number;
}

export interface ExportReport {
  articles: number;
  /** Articles left out: taken down, killed, or unpublished work without `drafts`. */
  skipped: number;
  photos: number;
  sections: number;
  authors: number;
  settings: boolean;
  /** Photos in the library whose original file is missing from the media store. */
  missingPhotos: string[];
}

const EXTENSIONS: Record<MediaItem['format'], string> = {
  jpeg: 'jpg',
  png: 'png',
  webp: 'webp',
  avif: 'avif',
  gif: 'gif',
};

/** A file name safe in any file system that keeps the uploader's name where it can. */
function fileNameOf(photo: MediaItem): string {
  const base = photo.originalName
    .split(/[\\/]/)
    .pop()!
    .replace(/[^\w.-]+/g, '-')
    .replace(/^[.-]+/, '');
  return base ? base : `photo.${EXTENSIONS[photo.format]}`;
}

/** What the library knows of a photo, without this database's ids. */
const photoDetails = (photo: MediaItem) => ({
  originalName: photo.originalName,
  format: photo.format,
  width: photo.width,
  height: photo.height,
  bytes: photo.bytes,
  contentHash: photo.contentHash,
  caption: photo.caption,
  credit: photo.credit,
  creator: photo.creator,
  copyright: photo.copyright,
  alt: photo.alt,
  focalPoint: photo.focalPoint,
  createdAt: photo.createdAt.toISOString(),
});

const PHOTOS_PAGE = 100;
const pageName = (page: number) => `articles/${String(page).padStart(6, '0')}.json`;
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Writes each photo once: its original file, and its library details beside it. */
function photoWriter(deps: ExportDeps, folder: ExportFolder, report: ExportReport) {
  const written = new Map<string, string>();
  return async (photo: MediaItem): Promise<string | undefined> => {
    const done = written.get(photo.contentHash);
    if (done !== undefined || written.has(photo.contentHash)) return done || undefined;
    const bytes = await deps.files.get(originalKey(photo.contentHash, photo.format));
    if (!bytes) {
      report.missingPhotos.push(photo.originalName);
      written.set(photo.contentHash, '');
      return undefined;
    }
    const path = `photos/${photo.contentHash}/${fileNameOf(photo)}`;
    await folder.write(path, bytes);
    await folder.write(`photos/${photo.contentHash}/photo.json`, json(photoDetails(photo)));
    written.set(photo.contentHash, path);
    report.photos += 1;
    return path;
  };
}

/** Every article, a page at a time, in files `dateline import` reads. */
async function exportArticles(
  deps: ExportDeps,
  folder: ExportFolder,
  options: ExportOptions,
  report: ExportReport,
  writePhoto: (photo: MediaItem) => Promise<string | undefined>,
) {
  const pageSize = options.pageSize ?? 100;
  let after = 0;
  for (let page = 1; ; page += 1) {
    const ids = await deps.stores.articles.listIds(after, pageSize);
    if (ids.length === 0) return;
    after = ids[ids.length - 1]!;
    const items = [];
    // A page's stories are read at once (PostgreSQL answers them on several connections),
    // then written one by one, so each photo is written once.
    const articles = await Promise.all(ids.map((id) => deps.stores.articles.findById(id)));
    for (const article of articles) {
      const status = article && exportedStatus(article, options.drafts);
      if (!article || !status) {
        report.skipped += 1;
        continue;
      }
      const lead = article.leadImage ? await writePhoto(article.leadImage.media) : undefined;
      items.push(importItemOf(article, status, lead && `../${lead}`));
    }
    report.articles += items.length;
    if (items.length > 0) await folder.write(pageName(page), json(items));
  }
}

/** Every photo of the library, also those no exported story shows. */
async function exportLibrary(
  deps: ExportDeps,
  writePhoto: (photo: MediaItem) => Promise<string | undefined>,
) {
  for (let offset = 0; ; offset += PHOTOS_PAGE) {
    const photos = await deps.stores.media.list({ limit: PHOTOS_PAGE, offset });
    for (const photo of photos) await writePhoto(photo);
    if (photos.length < PHOTOS_PAGE) return;
  }
}

/**
 * Writes the paper's archive in the formats its own commands read back: the publication's
 * settings (`settings apply`), every article a page at a time (`import`), every photo's
 * original file with its details, and lists of the sections and authors. Reads the store in
 * pages, so a large archive never sits in memory whole.
 */
export async function exportArchive(
  deps: ExportDeps,
  folder: ExportFolder,
  options: ExportOptions,
): Promise<ExportReport> {
  const report: ExportReport = {
    articles: 0,
    skipped: 0,
    photos: 0,
    sections: 0,
    authors: 0,
    settings: false,
    missingPhotos: [],
  };
  const settings = await deps.stores.settings.get(PUBLICATION_KEY);
  if (settings !== undefined && settings !== null) {
    await folder.write('settings.json', json(settings));
    report.settings = true;
  }
  const writePhoto = photoWriter(deps, folder, report);
  await exportArticles(deps, folder, options, report, writePhoto);
  await exportLibrary(deps, writePhoto);
  const sections = await deps.stores.sections.list();
  const sectionList = sections.map(({ slug, name, description, position, hidden }) => ({
    slug,
    name,
    description,
    position,
    hidden,
  }));
  await folder.write('sections.json', json(sectionList));
  report.sections = sections.length;
  const authors = await deps.stores.authors.list();
  const authorList = authors.map(({ slug, name, kind, bio, links }) => ({
    slug,
    name,
    kind,
    bio,
    links,
  }));
  await folder.write('authors.json', json(authorList));
  report.authors = authors.length;
  return report;
}
