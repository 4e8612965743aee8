import { createHash } from 'node:crypto';
import type { ForeignItem, ForeignStory } from '../domain/import/foreign-story.js';
import { isDomainError } from '../domain/errors.js';
import { authorize } from '../domain/roles/permissions.js';
import { COMMAND_LINE, type MachineActor } from '../domain/roles/role.js';
import { refuseUnstorableText } from '../domain/storable-text.js';
import { parseWith } from '../domain/validation.js';
import { importedArticleSchema } from './article-import-schema.js';
import { fetchFeaturedPhoto, type FetchedPhoto } from './fetch-featured-photo.js';
import { fileImportedStory, type ImportDeps, type ImportReport } from './import-articles.js';
import type { ImportSource } from './import-ports.js';
import type { OutboundHttp } from './outbound-ports.js';
import { updateImportedStory } from './update-imported-story.js';

export interface ForeignImportDeps extends ImportDeps {
  /** Featured photos are fetched through it: the guarded client, never into our network. */
  outbound: OutboundHttp;
}

/** The source item's digest: the same item in a second import is left as it is. */
const fingerprintOf = (story: ForeignStory) =>
  createHash('sha256')
    .update(JSON.stringify([story.article, story.featuredPhoto, story.oldPath]))
    .digest('hex')
    .slice(0, 32);

type Outcome = 'imported' | 'updated' | 'skipped';

/** The article with its lead photo when one was fetched; validated as a JSON file's item is. */
function articleOf(story: ForeignStory, fetched: FetchedPhoto | undefined) {
  const lead =
    fetched && 'photo' in fetched && story.featuredPhoto
      ? {
          leadImage: {
            file: fetched.name,
            caption: story.featuredPhoto.caption,
            alt: story.featuredPhoto.alt,
          },
        }
      : {};
  const input = { ...story.article, ...lead };
  refuseUnstorableText(input, 'item');
  return parseWith(importedArticleSchema, input);
}

/** Writes one story, new or known, and records where it came from: all in one transaction. */
async function writeForeign(
  deps: ForeignImportDeps,
  by: MachineActor,
  story: ForeignStory,
  known: ImportSource | undefined,
  fetched: FetchedPhoto | undefined,
) {
  const item = articleOf(story, fetched);
  const photo = fetched && 'photo' in fetched ? fetched.photo : undefined;
  const missing =
    story.featuredPhoto && fetched && 'missing' in fetched ? story.featuredPhoto : null;
  const now = deps.clock.now();
  return deps.storage.transaction(async (stores) => {
    const filing = { photo, suffixTakenSlug: true };
    const written = known
      ? await updateImportedStory(stores, by, known.articleId, item, filing, now)
      : { ...(await fileImportedStory(stores, by, item, filing, now)), changed: true };
    const { system, externalId, oldPath } = story;
    const fingerprint = fingerprintOf(story);
    const missingPhotoUrl = missing?.url ?? null;
    await stores.importSources.record(
      { system, externalId, articleId: written.id, fingerprint, oldPath, missingPhotoUrl },
      now,
    );
    if (missing && fetched && 'missing' in fetched)
      await stores.alerts.raise({
        kind: 'import.photo_missing',
        articleId: written.id,
        message: `The featured photo at ${missing.url} could not be fetched (${fetched.missing}); add it by hand`,
        createdAt: now,
      });
    const outcome: Outcome = known ? (written.changed ? 'updated' : 'skipped') : 'imported';
    return { outcome, id: written.id, url: written.url };
  });
}

/**
 * One story of another system's, all-or-nothing. Known and unchanged since the last import,
 * nothing is written; its featured photo is fetched outside the transaction, and when it
 * cannot be had the story goes in without it, the photo reported and noted as missing.
 */
async function importForeign(deps: ForeignImportDeps, by: MachineActor, story: ForeignStory) {
  authorize(by, 'article.create');
  const known = await deps.storage.stores.importSources.find(story.system, story.externalId);
  // A photo missing last time is tried again: the site may be back.
  if (known && known.fingerprint === fingerprintOf(story) && !known.missingPhotoUrl)
    return { outcome: 'skipped' as const, id: known.articleId, url: '' };
  const fetched = story.featuredPhoto
    ? await fetchFeaturedPhoto(deps, story.featuredPhoto)
    : undefined;
  try {
    const written = await writeForeign(deps, by, story, known, fetched);
    return { ...written, fetched };
  } catch (error) {
    if (fetched && 'photo' in fetched) await fetched.photo.discard();
    throw error;
  }
}

/** What an import of another system's stories did: our report, and the photos it missed. */
export interface ForeignImportReport extends ImportReport {
  updated: { id: number; url: string }[];
  skipped: { item: string; reason: string }[];
  missing: { item: string; url: string; error: string }[];
}

/** An empty report, to add each file's to. */
export const emptyForeignReport = (): ForeignImportReport => ({
  imported: [],
  updated: [],
  skipped: [],
  failed: [],
  missing: [],
});

function noteOutcome(
  report: ForeignImportReport,
  story: ForeignStory,
  done: Awaited<ReturnType<typeof importForeign>>,
) {
  const { id, url } = done;
  if (done.outcome === 'imported') report.imported.push({ id, url });
  else if (done.outcome === 'updated') report.updated.push({ id, url });
  else report.skipped.push({ item: story.label, reason: `unchanged since it became story ${id}` });
  const fetched = 'fetched' in done ? done.fetched : undefined;
  if (fetched && 'missing' in fetched && story.featuredPhoto)
    report.missing.push({
      item: story.label,
      url: story.featuredPhoto.url,
      error: fetched.missing,
    });
}

/**
 * Imports stories read from another system's export, one at a time as they are read (the
 * file is never held whole). Each is all-or-nothing; a bad one is reported with its reason
 * and the rest go on. Importing the same file again updates what changed (ADR 0054).
 */
export async function importForeignStories(
  deps: ForeignImportDeps,
  items: AsyncIterable<ForeignItem>,
  report: ForeignImportReport = emptyForeignReport(),
  by: MachineActor = COMMAND_LINE,
): Promise<ForeignImportReport> {
  for await (const item of items) {
    if (item.kind !== 'story') {
      const entry = { item: item.label, reason: item.reason };
      if (item.kind === 'skipped') report.skipped.push(entry);
      else report.failed.push({ item: item.label, error: item.reason });
      continue;
    }
    try {
      noteOutcome(report, item, await importForeign(deps, by, item));
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const field = error.field ? { field: error.field } : {};
      report.failed.push({ item: item.label, error: error.message, ...field });
    }
  }
  if (report.imported.length + report.updated.length > 0) deps.wakeJobs?.();
  return report;
}
