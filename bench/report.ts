/**
 * Turns the photo and upload measurements into printed tables, and writes
 * bench/results/latest.json and the run's own file (the page matrix has matrix-report.ts).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { LeadPhotoDownloads, VariantGeneration } from './media-bench.js';
import type { PageLoad, UploadBurst } from './upload-burst.js';

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
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

/** The photo measurements' part of latest.json. */
export const photoResults = (photos: PhotoResults) => ({
  photos: { ...photos, sameChoiceFor24Megapixel: sameChoiceFor24Megapixel(photos) },
});

/**
 * Writes the machine-readable results the lead commits. Only the parts measured in this run
 * are replaced (BENCH_ONLY), so the others keep their last figures; a part with a merger (the
 * page matrix) is merged into its last figures instead.
 */
export async function writeResults(
  file: string,
  parts: Record<string, unknown>,
  mergers: Record<string, (earlier: unknown, current: never) => unknown> = {},
): Promise<void> {
  const earlier: Record<string, unknown> = await readFile(file, 'utf8').then(
    (text) => JSON.parse(text) as Record<string, unknown>,
    () => ({}),
  );
  const merged = { ...parts };
  for (const [part, merge] of Object.entries(mergers)) {
    if (part in parts) merged[part] = merge(earlier[part], parts[part] as never);
  }
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify({ ...earlier, ...merged }, null, 2)}\n`);
}

/**
 * Writes this run's parts alone to a file named after the time it ends, so runs can be
 * compared later without digging through the history of latest.json. Returns its path.
 */
export async function writeRunResults(
  dir: string,
  parts: Record<string, unknown>,
): Promise<string> {
  const stamp = new Date()
    .toISOString()
    .replace(/:/g, '-')
    .replace(/\.\d+Z$/, 'Z');
  const file = join(dir, `run-${stamp}.json`);
  await mkdir(dir, { recursive: true });
  await writeFile(file, `${JSON.stringify(parts, null, 2)}\n`);
  return file;
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
