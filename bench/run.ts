/**
 * `npm run bench`: measures Dateline's article and home pages against a bare node:http server
 * serving the same article bytes (the ceiling), in the same run on the same machine, then the
 * photos (variant generation, what a phone downloads), then a section page while five large
 * photos are uploaded, and writes bench/results/latest.json (BENCH_ONLY picks parts). Exits 1
 * only when a request failed; a missed goal is reported, not fatal, because numbers from a
 * shared machine are too noisy to gate on.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { stopChild, type RunningChild } from './child-process.js';
import { measure, type Measurement, type Target } from './load.js';
import {
  measureLeadPhotoDownloads,
  measureVariantGeneration,
  variantRunCount,
} from './media-bench.js';
import { packageRoot, referenceSeedDir } from './package-root.js';
import { prepareData, type BenchData } from './prepare-data.js';
import {
  articleGoal,
  formatGoal,
  formatLeadPhotoDownloads,
  formatTable,
  formatUploadBurst,
  formatVariantGeneration,
  pageResults,
  photoResults,
  withRatios,
  writeResults,
  type NotMeasured,
  type PhotoResults,
} from './report.js';
import { snapshotArticle, startCeiling, startDateline } from './servers.js';
import { readSettings, type BenchSettings } from './settings.js';
import { measureUploadBurst } from './upload-burst.js';
import { formatPurgeDelay, measurePurgeDelay } from './purge-delay.js';

/** What must be torn down however the run ends. */
interface Cleanup {
  children: RunningChild[];
  data: BenchData | undefined;
}

async function cleanUp(cleanup: Cleanup): Promise<void> {
  await Promise.all(cleanup.children.map((child) => stopChild(child)));
  cleanup.children = [];
  if (cleanup.data) await rm(cleanup.data.dir, { recursive: true, force: true });
  cleanup.data = undefined;
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

/**
 * Runs every target at one concurrency before moving to the next, ceiling first, so each ratio
 * compares runs taken seconds apart, under the same background load.
 */
async function runSchedule(targets: Target[], settings: BenchSettings): Promise<Measurement[]> {
  const measurements: Measurement[] = [];
  for (const connections of settings.connections) {
    for (const target of targets) {
      if (settings.warmupSeconds > 0) await measure(target, connections, settings.warmupSeconds);
      const m = await measure(target, connections, settings.seconds);
      console.error(
        `bench: ${target.name} c=${connections}: ${m.requestsPerSecond.toFixed(1)} req/s, ` +
          `p99 ${m.latencyP99Ms} ms, non-2xx ${m.non2xx}, errors ${m.errors}`,
      );
      measurements.push(m);
    }
  }
  return measurements;
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

/** The rows with failed requests; any one of them fails the bench. */
function failures(measurements: Measurement[]): Measurement[] {
  return measurements.filter((m) => m.non2xx > 0 || m.errors > 0);
}

/** The page load runs and the photo measurements, on the bench's Dateline; true if any failed. */
async function pagesAndPhotos(
  root: string,
  data: BenchData,
  settings: BenchSettings,
  track: (child: RunningChild) => void,
): Promise<{ failed: boolean; parts: Record<string, unknown> }> {
  // The servers' process ids, so each load run is charged the server's CPU time.
  const pids = new Map<string, number | undefined>();
  const trackPid = (child: RunningChild) => {
    pids.set(child.name, child.process.pid);
    track(child);
  };
  const origin = await startDateline(root, data, trackPid);
  const articleUrl = `${origin}${data.articlePath}`;
  const parts: Record<string, unknown> = {};
  let failed: Measurement[] = [];
  if (settings.scenarios.has('pages')) {
    const snapshot = await snapshotArticle(articleUrl);
    const ceilingUrl = await startCeiling(root, data, snapshot, trackPid);
    console.error(
      `bench: article ${data.articlePath} (${snapshot.body.length} bytes); ` +
        `${settings.seconds} s per run after ${settings.warmupSeconds} s warm-up`,
    );
    const targets: Target[] = [
      { name: 'ceiling', url: ceilingUrl, pid: pids.get('ceiling') },
      { name: 'article', url: articleUrl, pid: pids.get('dateline serve') },
      { name: 'home', url: `${origin}/`, pid: pids.get('dateline serve') },
    ];
    const measurements = await runSchedule(targets, settings);
    const rows = withRatios(measurements);
    const goal = articleGoal(rows);
    console.log(`${formatTable(rows)}\n\n${formatGoal(goal)}\n`);
    Object.assign(parts, pageResults(settings, rows, goal));
    failed = failures(measurements);
  }
  let photosFailed = false;
  if (settings.scenarios.has('photos')) {
    const measured = await measurePhotos(root, articleUrl, referenceSeedDir(root));
    console.log(`${formatVariantGeneration(measured.photos.variantGeneration)}\n`);
    console.log(`${formatLeadPhotoDownloads(measured.photos)}\n`);
    Object.assign(parts, photoResults(measured.photos));
    photosFailed = measured.failed;
  }
  for (const m of failed) {
    console.error(
      `bench: ${m.target} c=${m.connections} had ${m.non2xx} non-2xx responses and ` +
        `${m.errors} errors (${m.timeouts} timeouts)`,
    );
  }
  return { failed: failed.length > 0 || photosFailed, parts };
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
  console.error(`bench: ${[...settings.scenarios].join(', ')}; preparing a throwaway database…`);
  const data = await prepareData(root, seedDir);
  cleanup.data = data;
  const track = (child: RunningChild) => cleanup.children.push(child);

  const outcomes = [];
  if (settings.scenarios.has('pages') || settings.scenarios.has('photos')) {
    outcomes.push(await pagesAndPhotos(root, data, settings, track));
  }
  if (settings.scenarios.has('uploads')) {
    // The other servers would only share the machine with this one: stopped first.
    await Promise.all(cleanup.children.map((child) => stopChild(child)));
    cleanup.children = [];
    outcomes.push(await uploads(root, data, settings, track));
  }
  if (settings.scenarios.has('jobs')) {
    await Promise.all(cleanup.children.map((child) => stopChild(child)));
    cleanup.children = [];
    outcomes.push(await jobs(root, data, track));
  }
  // Printed because a busy machine explains a surprising run better than anything in the table.
  console.log(`Load average (1 min) at the end: ${loadavg()[0]?.toFixed(2) ?? '-'}`);
  const resultsFile = join(root, 'bench', 'results', 'latest.json');
  const parts: Record<string, unknown> = {};
  for (const outcome of outcomes) Object.assign(parts, outcome.parts);
  await writeResults(resultsFile, parts);
  console.log(`Results written to ${resultsFile}`);
  return outcomes.some((o) => o.failed) ? 1 : 0;
}

async function main(): Promise<number> {
  const cleanup: Cleanup = { children: [], data: undefined };
  // Ctrl-C must not leave servers running on the machine.
  process.once('SIGINT', () => {
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
