/**
 * `npm run bench`: measures Dateline's reader pages at several archive sizes, on both engines,
 * cached and uncached, against a bare node:http server serving the same bytes (the ceiling), in
 * the same run on the same machine (matrix-part.ts), then a soak, then the photos (variant
 * generation, what a phone downloads), then a section page while five large photos are
 * uploaded, then searches at 100k and 1M stories, then WordPress imports (a 1 GB export read,
 * 20 MB imported), and writes bench/results/latest.json (BENCH_ONLY picks parts). Exits 1 only when a
 * request failed; a missed target is reported, not fatal, because numbers from a shared machine
 * are too noisy to gate on.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { killRunningChildren, stopChild, type RunningChild } from './child-process.js';
import { mergePageMatrix } from './matrix-merge.js';
import { matrixPart } from './matrix-part.js';
import {
  measureLeadPhotoDownloads,
  measureVariantGeneration,
  variantRunCount,
} from './media-bench.js';
import { packageRoot, referenceSeedDir } from './package-root.js';
import { prepareData, type BenchData } from './prepare-data.js';
import {
  formatLeadPhotoDownloads,
  formatUploadBurst,
  formatVariantGeneration,
  photoResults,
  writeResults,
  writeRunResults,
  type NotMeasured,
  type PhotoResults,
} from './report.js';
import { startDateline } from './servers.js';
import { readSettings, type BenchSettings, type Scenario } from './settings.js';
import { measureUploadBurst } from './upload-burst.js';
import { formatPurgeDelay, measurePurgeDelay } from './purge-delay.js';
import { searchPart } from './search-bench.js';
import { wxrImportPart } from './wxr-import-bench.js';

/** What must be torn down however the run ends. */
interface Cleanup {
  children: RunningChild[];
  data: BenchData[];
}

async function cleanUp(cleanup: Cleanup): Promise<void> {
  await Promise.all(cleanup.children.map((child) => stopChild(child)));
  cleanup.children = [];
  const data = cleanup.data;
  cleanup.data = [];
  await Promise.all(data.map((d) => d.remove()));
}

/** Fails with a clear message when the reference files are not where we expect them. */
function checkSeed(seedDir: string): boolean {
  const missing = ['publication.json', 'article.json'].filter((f) => !existsSync(join(seedDir, f)));
  if (missing.length === 0) return true;
  console.error(
    `bench: the reference files are missing: ${missing.map((f) => join(seedDir, f)).join(', ')}`,
  );
  return false;
}

/** A measurement that threw becomes a failed result, so the other half and the pages still report. */
async function attempt<T>(what: string, measurement: () => Promise<T>): Promise<T | NotMeasured> {
  try {
    return await measurement();
  } catch (error) {
    console.error(`bench: ${what} failed: ${(error as Error).message}`);
    return { failed: (error as Error).message.split('\n')[0] ?? 'unknown error' };
  }
}

/**
 * Runs after the page load runs, so neither Chromium nor the encoder shares the CPU with them.
 * Chromium asks the running Dateline for the lead photo (made on demand: JOBS_WORKER is off);
 * the variant child then runs alone while both servers sit idle.
 */
async function measurePhotos(root: string, articleUrl: string, seedDir: string) {
  console.error('bench: lead photo downloads in Chromium…');
  const leadPhotoDownloads = await attempt('lead photo downloads', () =>
    measureLeadPhotoDownloads(articleUrl, join(seedDir, 'lead.jpg')),
  );
  const runs = variantRunCount();
  const variantGeneration =
    runs === 0
      ? { skipped: 'BENCH_VARIANT_RUNS=0' }
      : await attempt('variant generation', () => measureVariantGeneration(root, runs));
  const photos: PhotoResults = { variantGeneration, leadPhotoDownloads };
  const failed = 'failed' in variantGeneration || 'failed' in leadPhotoDownloads;
  return { photos, failed };
}

/** The photo measurements, on a Dateline of the bench's demo data; true if any failed. */
async function photos(
  root: string,
  data: BenchData,
  track: (child: RunningChild) => void,
): Promise<{ failed: boolean; parts: Record<string, unknown> }> {
  const origin = await startDateline(root, data, track);
  const measured = await measurePhotos(
    root,
    `${origin}${data.articlePath}`,
    referenceSeedDir(root),
  );
  console.log(`${formatVariantGeneration(measured.photos.variantGeneration)}\n`);
  console.log(`${formatLeadPhotoDownloads(measured.photos)}\n`);
  return { failed: measured.failed, parts: photoResults(measured.photos) };
}

/** The upload burst on a Dateline of its own; fails when an upload or a page request failed. */
async function uploads(
  root: string,
  data: BenchData,
  settings: BenchSettings,
  track: (child: RunningChild) => void,
): Promise<{ failed: boolean; parts: Record<string, unknown> }> {
  const burst = await attempt('upload burst', () =>
    measureUploadBurst(root, data, settings, track),
  );
  console.log(`${formatUploadBurst(burst)}\n`);
  const failed =
    !('alone' in burst) ||
    burst.uploads.statuses.some((status) => status !== 201) ||
    [burst.alone, burst.during].some((load) => load.non2xx > 0 || load.errors > 0);
  return { failed, parts: { uploadBurst: burst } };
}

/** Publish → purge while photos are encoded, on a Dateline of its own; fails when a purge never came. */
async function jobs(
  root: string,
  data: BenchData,
  track: (child: RunningChild) => void,
): Promise<{ failed: boolean; parts: Record<string, unknown> }> {
  const delay = await attempt('publish → purge', () => measurePurgeDelay(root, data, track));
  console.log(`${formatPurgeDelay(delay)}\n`);
  return { failed: !('busy' in delay), parts: { purgeDelay: delay } };
}

async function bench(root: string, settings: BenchSettings, cleanup: Cleanup): Promise<number> {
  const seedDir = referenceSeedDir(root);
  if (!checkSeed(seedDir)) return 1;
  console.error(`bench: ${[...settings.scenarios].join(', ')}`);
  const track = (child: RunningChild) => cleanup.children.push(child);
  const stopServers = async () => {
    await Promise.all(cleanup.children.map((child) => stopChild(child)));
    cleanup.children = [];
  };

  const outcomes = [];
  if (settings.scenarios.has('pages') || settings.scenarios.has('soak')) {
    const trackData = (data: BenchData) => cleanup.data.push(data);
    outcomes.push(await matrixPart(root, seedDir, settings, track, trackData));
    await stopServers();
  }
  if (['photos', 'uploads', 'jobs'].some((part) => settings.scenarios.has(part as Scenario))) {
    console.error('bench: preparing a throwaway database of the demo paper…');
    const data = await prepareData(root, seedDir);
    cleanup.data.push(data);
    if (settings.scenarios.has('photos')) outcomes.push(await photos(root, data, track));
    // The other servers would only share the machine with each of these: stopped first.
    if (settings.scenarios.has('uploads')) {
      await stopServers();
      outcomes.push(await uploads(root, data, settings, track));
    }
    if (settings.scenarios.has('jobs')) {
      await stopServers();
      outcomes.push(await jobs(root, data, track));
    }
  }
  if (settings.scenarios.has('search')) {
    await stopServers();
    const stop = (children: RunningChild[]) =>
      Promise.all(children.map((child) => stopChild(child))).then(() => undefined);
    outcomes.push(await searchPart(root, seedDir, track, stop));
  }
  if (settings.scenarios.has('imports')) {
    await stopServers();
    outcomes.push(await wxrImportPart(root));
  }
  // Printed because a busy machine explains a surprising run better than anything in the table.
  console.log(`Load average (1 min) at the end: ${loadavg()[0]?.toFixed(2) ?? '-'}`);
  const resultsDir = join(root, 'bench', 'results');
  const parts: Record<string, unknown> = {};
  for (const outcome of outcomes) Object.assign(parts, outcome.parts);
  if (Object.keys(parts).length > 0) {
    await writeResults(join(resultsDir, 'latest.json'), parts, { pageMatrix: mergePageMatrix });
    const runFile = await writeRunResults(resultsDir, parts);
    console.log(`Results written to ${join(resultsDir, 'latest.json')} and ${runFile}`);
  }
  return outcomes.some((o) => o.failed) ? 1 : 0;
}

async function main(): Promise<number> {
  const cleanup: Cleanup = { children: [], data: [] };
  // Ctrl-C must not leave servers running on the machine.
  process.once('SIGINT', () => {
    killRunningChildren();
    void cleanUp(cleanup).finally(() => process.exit(130));
  });
  try {
    return await bench(packageRoot(), readSettings(), cleanup);
  } catch (error) {
    console.error(`bench: ${(error as Error).message}`);
    return 1;
  } finally {
    await cleanUp(cleanup);
  }
}

process.exitCode = await main();
