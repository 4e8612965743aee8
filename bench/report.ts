/**
 * Turns measurements into the printed table and bench/results/latest.json. Ratios to the ceiling
 * measured in the same run are the headline numbers: absolute req/s on a shared 2-core machine
 * say more about the machine than about Dateline.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { dirname } from 'node:path';
import type { Measurement } from './load.js';
import type { LeadPhotoDownloads, VariantGeneration } from './media-bench.js';
import type { PageLoad, UploadBurst } from './upload-burst.js';

/** The project's performance goal for the article page at 64 connections. */
export const ARTICLE_GOAL = { connections: 64, ratio: 0.07, p99Ms: 50 };

export interface ResultRow extends Measurement {
  ratioToCeiling: number | null;
}

export interface GoalStatus {
  ratioAt64: number | null;
  p99At64Ms: number | null;
  goalRatio: number;
  goalP99Ms: number;
  met: boolean;
}

/** Adds each row's ratio to the ceiling's req/s at the same concurrency. */
export function withRatios(measurements: Measurement[]): ResultRow[] {
  return measurements.map((m) => {
    const ceiling = measurements.find(
      (c) => c.target === 'ceiling' && c.connections === m.connections,
    );
    const ratio =
      ceiling && ceiling.requestsPerSecond > 0
        ? m.requestsPerSecond / ceiling.requestsPerSecond
        : null;
    // Rounded here, once, so the table, the goal line and latest.json agree to the digit.
    return { ...m, ratioToCeiling: ratio === null ? null : round(ratio, 4) };
  });
}

/** Judges the article page against the goal; a missing row counts as not met. */
export function articleGoal(rows: ResultRow[]): GoalStatus {
  const row = rows.find(
    (r) => r.target === 'article' && r.connections === ARTICLE_GOAL.connections,
  );
  const ratio = row?.ratioToCeiling ?? null;
  const p99 = row?.latencyP99Ms ?? null;
  return {
    ratioAt64: ratio,
    p99At64Ms: p99,
    goalRatio: ARTICLE_GOAL.ratio,
    goalP99Ms: ARTICLE_GOAL.p99Ms,
    met: ratio !== null && p99 !== null && ratio >= ARTICLE_GOAL.ratio && p99 < ARTICLE_GOAL.p99Ms,
  };
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

function formatRatio(ratio: number | null): string {
  return ratio === null ? '-' : `${(ratio * 100).toFixed(1)}%`;
}

/** A Markdown table, so the same text can be pasted into docs/performance.md. */
export function formatTable(rows: ResultRow[]): string {
  const header = [
    '| target | connections | req/s | p50 ms | p99 ms | ratio to ceiling | server CPU ms/page | bytes/response | non-2xx | errors |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const lines = rows.map((r) =>
    [
      r.target,
      r.connections,
      r.requestsPerSecond.toFixed(1),
      r.latencyP50Ms,
      r.latencyP99Ms,
      formatRatio(r.ratioToCeiling),
      r.serverCpuMsPerPage ?? '-',
      r.bytesPerResponse,
      r.non2xx,
      r.errors,
    ].join(' | '),
  );
  return [...header, ...lines.map((line) => `| ${line} |`)].join('\n');
}

/** One line saying whether the article goal was met, and by how much. */
export function formatGoal(goal: GoalStatus): string {
  const verdict = goal.met ? 'MET' : 'NOT MET';
  return (
    `Article goal (at ${ARTICLE_GOAL.connections} connections: >= ${formatRatio(goal.goalRatio)} ` +
    `of the ceiling, p99 < ${goal.goalP99Ms} ms): ${verdict} — ` +
    `ratio ${formatRatio(goal.ratioAt64)}, p99 ${goal.p99At64Ms ?? '-'} ms`
  );
}

/** A measurement not taken: skipped by a setting or the machine, or failed with this message. */
export type NotMeasured = { skipped: string } | { failed: string };

export interface PhotoResults {
  variantGeneration: VariantGeneration | NotMeasured;
  leadPhotoDownloads: LeadPhotoDownloads | NotMeasured;
}

const notMeasured = (what: string, result: NotMeasured) =>
  'skipped' in result ? `${what}: skipped: ${result.skipped}` : `${what}: FAILED: ${result.failed}`;

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const megabytes = (bytes: number) => `${(bytes / (1 << 20)).toFixed(1)} MB`;

const seconds = (table: Record<number, number> | undefined, width: number) =>
  table?.[width] === undefined ? '-' : `${table[width]} s`;

/** Time, CPU and memory of making every variant of one 24-megapixel photo. */
export function formatVariantGeneration(generation: PhotoResults['variantGeneration']): string {
  if (!('best' in generation)) return notMeasured('Variant generation', generation);
  const b = generation.best;
  const formats = Object.entries(b.byFormat).map(
    ([format, f]) => `${format} ${f.count} files, ${megabytes(f.bytes)}`,
  );
  const onDemand = Object.entries(b.onDemandSeconds).map(
    ([format, t]) => `${format} ${seconds(t, 1024)} / ${seconds(t, 2400)}`,
  );
  const runs = generation.runs.map((r) => `${r.seconds} s, ${r.peakRssMb} MB`).join('; ');
  return [
    `Variant generation for a 24-megapixel JPEG (${megabytes(b.photoBytes)}), ` +
      `${generation.chosen} (all runs: ${runs}):`,
    '',
    '| variants | seconds | CPU seconds | inspect s | peak RSS MB | highest peak of the runs | baseline RSS MB | output |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| ${b.variants} | ${b.seconds} | ${b.cpuSeconds} | ${b.inspectSeconds} | ${b.peakRssMb} | ` +
      `${generation.highestPeakRssMb} | ${b.baselineRssMb} | ${megabytes(b.outputBytes)} |`,
    '',
    `By format: ${formats.join('; ')}.`,
    `One uncropped variant on demand, 1024 / 2400 wide: ${onDemand.join('; ')}.`,
  ].join('\n');
}

/** What the browser's choice of variant would weigh for the 24-megapixel photo. */
export interface SameChoiceFor24Megapixel {
  device: string;
  variant: string;
  bytes: number;
  originalBytes: number;
  ratio: number;
}

/**
 * The seed's lead photo is a small smooth placeholder, so its ratio says little about a real
 * photo; the same srcset choice applied to the 24-megapixel photo's variants does.
 */
export function sameChoiceFor24Megapixel(photos: PhotoResults): SameChoiceFor24Megapixel[] {
  const { variantGeneration: generation, leadPhotoDownloads: downloads } = photos;
  if (!('best' in generation) || !('rows' in downloads)) return [];
  const { originalCrop, photoBytes } = generation.best;
  return downloads.rows.flatMap((row) => {
    const bytes = row.width === null ? undefined : originalCrop[row.format]?.[row.width];
    if (bytes === undefined) return [];
    const variant = `original-${row.width}.${row.format === 'jpeg' ? 'jpg' : row.format}`;
    const ratio = round(bytes / photoBytes, 4);
    return [{ device: row.device, variant, bytes, originalBytes: photoBytes, ratio }];
  });
}

const percent = (ratio: number) => `${(ratio * 100).toFixed(1)}%`;

/** What the emulated phone and laptop downloaded for the lead photo, against the original. */
export function formatLeadPhotoDownloads(photos: PhotoResults): string {
  const downloads = photos.leadPhotoDownloads;
  if (!('rows' in downloads)) return notMeasured('Lead photo downloads', downloads);
  const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  const lines = downloads.rows.map((r) =>
    row([
      r.device,
      r.viewport,
      `\`${r.url}\``,
      r.format,
      kilobytes(r.bytes),
      kilobytes(r.originalBytes),
      percent(r.ratio),
    ]),
  );
  const same = sameChoiceFor24Megapixel(photos).map((c) =>
    row([c.device, c.variant, kilobytes(c.bytes), megabytes(c.originalBytes), percent(c.ratio)]),
  );
  const sameTable = [
    '',
    'The same choice for the 24-megapixel photo above:',
    '',
    '| device | variant | bytes | original | ratio |',
    '|---|---|---:|---:|---:|',
    ...same,
  ];
  return [
    `Lead photo of the article page, as Chromium downloads it (original: ${downloads.originalFile}):`,
    '',
    '| device | viewport | url | format | bytes | original | ratio |',
    '|---|---|---|---|---:|---:|---:|',
    ...lines,
    ...(same.length > 0 ? sameTable : []),
  ].join('\n');
}

/** The page load runs' part of latest.json. */
export function pageResults(
  run: { seconds: number; warmupSeconds: number },
  rows: ResultRow[],
  goal: GoalStatus,
) {
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpus: availableParallelism(),
    // Other work on the machine moves absolute numbers; this records how busy it was at the end.
    loadAverage1m: round(loadavg()[0] ?? 0, 2),
    seconds: run.seconds,
    warmupSeconds: run.warmupSeconds,
    results: rows.map((r) => ({
      target: r.target,
      connections: r.connections,
      requestsPerSecond: round(r.requestsPerSecond, 1),
      latencyP50Ms: r.latencyP50Ms,
      latencyP99Ms: r.latencyP99Ms,
      ratioToCeiling: r.ratioToCeiling,
      serverCpuMsPerPage: r.serverCpuMsPerPage,
      bytesPerResponse: r.bytesPerResponse,
      non2xx: r.non2xx,
      errors: r.errors,
    })),
    targets: { article: goal },
  };
}

/** The photo measurements' part of latest.json. */
export const photoResults = (photos: PhotoResults) => ({
  photos: { ...photos, sameChoiceFor24Megapixel: sameChoiceFor24Megapixel(photos) },
});

/**
 * Writes the machine-readable results the lead commits. Only the parts measured in this run
 * are replaced (BENCH_ONLY), so the others keep their last figures.
 */
export async function writeResults(file: string, parts: Record<string, unknown>): Promise<void> {
  const earlier = await readFile(file, 'utf8').then(
    (text) => JSON.parse(text) as Record<string, unknown>,
    () => ({}),
  );
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify({ ...earlier, ...parts }, null, 2)}\n`);
}

const loadRow = (phase: string, l: PageLoad) =>
  `| ${phase} | ${l.requestsPerSecond} | ${l.latencyP50Ms} | ${l.latencyP99Ms} | ` +
  `${l.serverCores} | ${l.cpuMsPerPage} | ${l.non2xx} | ${l.errors} |`;

/** The section page alone and during the burst, the uploads, and the server's memory. */
export function formatUploadBurst(burst: UploadBurst | NotMeasured): string {
  if (!('alone' in burst)) return notMeasured('Upload burst', burst);
  const { photos, uploads, memoryMb: m, server } = burst;
  const after = m.after.map((a) => `${a.rssMb} MB ${a.secondsAfterBurst} s after`).join(', ');
  return [
    `Upload burst: ${burst.sectionPath} at ${burst.connections} connections (${burst.acceptEncoding}), ` +
      `alone, then while ${photos.count} photos of ${photos.width} × ${photos.height} ` +
      `(${megabytes(photos.averageBytes)} each) are uploaded at once ` +
      `(IMAGE_ENCODE_CONCURRENCY ${server.imageEncodeConcurrency}, MALLOC_ARENA_MAX ${server.mallocArenaMax}):`,
    '',
    '| section page | req/s | p50 ms | p99 ms | server cores busy | server CPU ms/page | non-2xx | errors |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    loadRow('alone', burst.alone),
    loadRow('during the uploads', burst.during),
    '',
    `Uploads answered ${uploads.statuses.join(', ')} in ${uploads.seconds.join(', ')} s ` +
      `(the burst: ${uploads.burstSeconds} s).`,
    `Server RSS: ${m.before} MB before, ${m.peak} MB at the peak (high-water mark ${m.highWaterMark} MB), ${after}.`,
  ].join('\n');
}
