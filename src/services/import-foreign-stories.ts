import { createHash } from 'node:crypto';
import type { ForeignItem, ForeignStory } from '../domain/import/foreign-story.js';
import { conflict, isDomainError } from '../domain/errors.js';
import { authorize } from '../domain/roles/permissions.js';
import { COMMAND_LINE, type MachineActor } from '../domain/roles/role.js';
import { refuseUnstorableText } from '../domain/storable-text.js';
import { parseWith } from '../domain/validation.js';
import { importedArticleSchema, type ImportedArticle } from './article-import-schema.js';
import { fetchFeaturedPhoto, type FetchedPhoto } from './fetch-featured-photo.js';
import { fileImportedStory, type ImportDeps, type ImportReport } from './import-articles.js';
import type { ImportSource } from './import-ports.js';
import type { Stores } from './ports.js';
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

/** A story read and checked, its photo fetched: ready to be written in a batch. */
interface ReadyStory {
  story: ForeignStory;
  item: ImportedArticle;
  fetched: FetchedPhoto | undefined;
}

/** True when the item was imported before and has not changed since: nothing to write. */
const unchanged = (story: ForeignStory, known: ImportSource | undefined) =>
  // A photo missing last time is tried again: the site may be back.
  known !== undefined && known.fingerprint === fingerprintOf(story) && !known.missingPhotoUrl;

/** The story's new or known write, and where it came from recorded: in one unit of a batch. */
async function writeForeign(stores: Stores, by: MachineActor, ready: ReadyStory, now: Date) {
  const { story, item, fetched } = ready;
  const { system, externalId, oldPath } = story;
  // Another run of the same file may have filed it since it was read: held, then looked up.
  await stores.importSources.claim(system, externalId);
  const known = await stores.importSources.find(system, externalId);
  if (known && unchanged(story, known))
    return { outcome: 'skipped' as Outcome, id: known.articleId, url: '' };
  const photo = fetched && 'photo' in fetched ? fetched.photo : undefined;
  const filing = { photo, suffixTakenSlug: true };
  const written = known
    ? await updateImportedStory(stores, by, known.articleId, item, filing, now)
    : { ...(await fileImportedStory(stores, by, item, filing, now)), changed: true };
  const missing = story.featuredPhoto && fetched && 'missing' in fetched ? fetched : null;
  const source = {
    ...{ system, externalId, articleId: written.id, fingerprint: fingerprintOf(story), oldPath },
    missingPhotoUrl: missing ? (story.featuredPhoto?.url ?? null) : null,
  };
  if (known) await stores.importSources.record(source, now);
  else if (!(await stores.importSources.recordNew(source, now)))
    throw conflict(`${story.label} was imported meanwhile by another run; import the file again`);
  if (missing)
    await stores.alerts.raise({
      kind: 'import.photo_missing',
      articleId: written.id,
      message: `The featured photo at ${source.missingPhotoUrl} could not be fetched (${missing.missing}); add it by hand`,
      createdAt: now,
    });
  const outcome: Outcome = known ? (written.changed ? 'updated' : 'skipped') : 'imported';
  return { outcome, id: written.id, url: written.url };
}

/**
 * Reads and checks one story before any transaction: known and unchanged since the last
 * import, it is skipped; its featured photo is fetched here, and when it cannot be had the
 * story goes in without it, the photo reported and noted as missing.
 */
async function readyForeign(
  deps: ForeignImportDeps,
  by: MachineActor,
  story: ForeignStory,
): Promise<ReadyStory | { skipped: number }> {
  authorize(by, 'article.create');
  const known = await deps.storage.stores.importSources.find(story.system, story.externalId);
  if (known && unchanged(story, known)) return { skipped: known.articleId };
  const fetched = story.featuredPhoto
    ? await fetchFeaturedPhoto(deps, story.featuredPhoto)
    : undefined;
  try {
    return { story, item: articleOf(story, fetched), fetched };
  } catch (error) {
    await discardFetched(fetched);
    throw error;
  }
}

const discardFetched = async (fetched: FetchedPhoto | undefined) => {
  if (fetched && 'photo' in fetched) await fetched.photo.discard();
};

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

type Written = { outcome: Outcome; id: number; url: string };

function noteOutcome(report: ForeignImportReport, ready: ReadyStory, done: Written) {
  const { story, fetched } = ready;
  const { id, url } = done;
  if (done.outcome === 'imported') report.imported.push({ id, url });
  else if (done.outcome === 'updated') report.updated.push({ id, url });
  else report.skipped.push({ item: story.label, reason: `unchanged since it became story ${id}` });
  if (fetched && 'missing' in fetched && story.featuredPhoto)
    report.missing.push({
      item: story.label,
      url: story.featuredPhoto.url,
      error: fetched.missing,
    });
}

/** The report's line for an item that failed on a domain error; any other error goes on up. */
function failureOf(label: string, error: unknown): ForeignImportReport['failed'][number] {
  if (!isDomainError(error)) throw error;
  return { item: label, error: error.message, ...(error.field ? { field: error.field } : {}) };
}

/**
 * A batch's bounds: few commits (a commit waits for the disk), and another importer of the
 * same database waits for one batch at most, well within SQLite's busy timeout.
 */
const BATCH_STORIES = 100;
const BATCH_MILLISECONDS = 1000;

/**
 * Writes ready stories in one transaction, each in its own unit, until the batch's time is up:
 * a bad one is rolled back alone and reported, its neighbours go in. Nothing is reported
 * before the commit. Returns the stories left for the next batch.
 */
async function writeBatch(
  deps: ForeignImportDeps,
  by: MachineActor,
  readies: ReadyStory[],
  report: ForeignImportReport,
): Promise<ReadyStory[]> {
  const now = deps.clock.now();
  const failed: { ready: ReadyStory; failure: ForeignImportReport['failed'][number] }[] = [];
  const written: [ReadyStory, Written][] = [];
  let next = 0;
  try {
    await deps.storage.batch(async (batch) => {
      const started = performance.now();
      for (; next < readies.length && performance.now() - started < BATCH_MILLISECONDS; next++) {
        const ready = readies[next]!;
        try {
          written.push([ready, await batch.unit((stores) => writeForeign(stores, by, ready, now))]);
        } catch (error) {
          failed.push({ ready, failure: failureOf(ready.story.label, error) });
        }
      }
    });
  } catch (error) {
    for (const ready of readies) await discardFetched(ready.fetched);
    throw error;
  }
  for (const [ready, done] of written) noteOutcome(report, ready, done);
  for (const { ready, failure } of failed) {
    await discardFetched(ready.fetched);
    report.failed.push(failure);
  }
  return readies.slice(next);
}

/**
 * Imports stories read from another system's export as they are read (the file is never held
 * whole), a batch of them to a transaction. Each is all-or-nothing; a bad one is reported
 * with its reason and the rest go on. Importing the same file again updates what changed, and
 * finishes an import that was cut short; two imports of one file at once file each story
 * once (ADR 0054, ADR 0060).
 */
export async function importForeignStories(
  deps: ForeignImportDeps,
  items: AsyncIterable<ForeignItem>,
  report: ForeignImportReport = emptyForeignReport(),
  by: MachineActor = COMMAND_LINE,
): Promise<ForeignImportReport> {
  let ready: ReadyStory[] = [];
  for await (const item of items) {
    if (item.kind !== 'story') {
      const entry = { item: item.label, reason: item.reason };
      if (item.kind === 'skipped') report.skipped.push(entry);
      else report.failed.push({ item: item.label, error: item.reason });
      continue;
    }
    const readied = await readyForeign(deps, by, item).catch((error: unknown) => {
      report.failed.push(failureOf(item.label, error));
    });
    if (readied && 'skipped' in readied) {
      const reason = `unchanged since it became story ${readied.skipped}`;
      report.skipped.push({ item: item.label, reason });
    } else if (readied) ready.push(readied);
    if (ready.length >= BATCH_STORIES) ready = await writeBatch(deps, by, ready, report);
  }
  while (ready.length > 0) ready = await writeBatch(deps, by, ready, report);
  if (report.imported.length + report.updated.length > 0) deps.wakeJobs?.();
  return report;
}
