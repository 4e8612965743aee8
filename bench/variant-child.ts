/**
 * Makes the full variant plan of one 24-megapixel photo, alone in its own process, so the peak
 * memory it reports is the encoder's and nothing else's (no load generator, no servers).
 *
 * Usage: node --expose-gc dist/bench/variant-child.js
 * Prints one JSON line (a VariantRun) on stdout.
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createEncoderTurns } from '../src/adapters/media/encoder-turns.js';
import { SharpImageProcessor } from '../src/adapters/media/sharp-image-processor.js';
import { readConfig } from '../src/config/config.js';
import { CENTRE } from '../src/domain/media/media-item.js';
import { planVariants } from '../src/domain/media/variant-plan.js';
import { makePhoto } from './test-photo.js';

/** Dateline's own default limit (MEDIA_MAX_PIXELS). */
const MAX_PIXELS = 100_000_000;

/** What one run measured; the parent reads this line. */
export interface VariantRun {
  variants: number;
  /** Wall time of render() over the whole plan. */
  seconds: number;
  /** CPU time (user + system, every thread) of render(): other work on the machine moves it less. */
  cpuSeconds: number;
  inspectSeconds: number;
  /** process.resourceUsage().maxRSS at the end: the highest resident memory of the process. */
  peakRssMb: number;
  /** Resident memory just before inspect(), with the photo in memory. */
  baselineRssMb: number;
  /** The high-water mark after making the photo: the encoder's peak is real only above it. */
  photoPeakRssMb: number;
  outputBytes: number;
  photoBytes: number;
  /** Per format: how many variants and their bytes. */
  byFormat: Record<string, { count: number; bytes: number }>;
  /** Bytes of the uncropped variants by format and width: what a srcset choice costs a reader. */
  originalCrop: Record<string, Record<number, number>>;
  /**
   * Seconds to make one uncropped variant on its own, as a reader's first request does
   * (straight from the file, nothing else running), by format and width.
   */
  onDemandSeconds: Record<string, Record<number, number>>;
}

/** The widths timed on demand: what the emulated phone picks, and the largest. */
const ON_DEMAND_WIDTHS = [1024, 2400];

/** maxRSS and rss in MB (maxRSS comes in kilobytes: callers multiply by 1024). */
const megabytes = (bytes: number) => Math.round((bytes / (1 << 20)) * 10) / 10;
const secondsSince = (start: number) => Math.round(performance.now() - start) / 1000;

type Plan = ReturnType<typeof planVariants>;

/** The whole plan in one render() call, as the background job makes it. */
async function renderPlan(images: SharpImageProcessor, photo: Buffer, plan: Plan) {
  const byFormat: VariantRun['byFormat'] = {};
  const originalCrop: VariantRun['originalCrop'] = {};
  let outputBytes = 0;
  let variants = 0;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  for await (const { spec, bytes } of images.render(photo, plan)) {
    const entry = (byFormat[spec.format] ??= { count: 0, bytes: 0 });
    entry.count += 1;
    entry.bytes += bytes.byteLength;
    if (spec.crop === 'original') (originalCrop[spec.format] ??= {})[spec.width] = bytes.byteLength;
    outputBytes += bytes.byteLength;
    variants += 1;
  }
  const seconds = secondsSince(start);
  const cpu = process.cpuUsage(cpuStart);
  if (variants !== plan.length)
    throw new Error(`render gave ${variants} of ${plan.length} variants`);
  const cpuSeconds = Math.round((cpu.user + cpu.system) / 1000) / 1000;
  return { variants, seconds, cpuSeconds, outputBytes, byFormat, originalCrop };
}

/** One variant at a time, each its own render() call: the cost of a reader's first request. */
async function timeOnDemand(images: SharpImageProcessor, photo: Buffer, plan: Plan) {
  const timings: VariantRun['onDemandSeconds'] = {};
  const specs = plan.filter((s) => s.crop === 'original' && ON_DEMAND_WIDTHS.includes(s.width));
  for (const spec of specs) {
    const start = performance.now();
    let made = 0;
    for await (const variant of images.render(photo, [spec])) made += variant.bytes.byteLength;
    if (made === 0) throw new Error(`${spec.key} came out empty`);
    (timings[spec.format] ??= {})[spec.width] = secondsSince(start);
  }
  return timings;
}

async function measureVariants(photo: Buffer, photoPeakRssMb: number): Promise<VariantRun> {
  globalThis.gc?.();
  const baselineRssMb = megabytes(process.memoryUsage().rss);
  // As many encodes at once as the server would run (IMAGE_ENCODE_CONCURRENCY, 1 by default).
  const turns = createEncoderTurns(readConfig().media.encodeConcurrency);
  const images = new SharpImageProcessor(turns);

  const inspectStart = performance.now();
  const inspected = await images.inspect(photo, { maxPixels: MAX_PIXELS });
  const inspectSeconds = secondsSince(inspectStart);

  const contentHash = createHash('sha256').update(photo).digest('hex').slice(0, 32);
  const plan = planVariants({ contentHash, ...inspected, focalPoint: CENTRE });
  const rendered = await renderPlan(images, photo, plan);
  // Read before the on-demand timings, so the peak is the full plan's.
  const peakRssMb = megabytes(process.resourceUsage().maxRSS * 1024);
  const onDemandSeconds = await timeOnDemand(images, photo, plan);

  return {
    variants: rendered.variants,
    seconds: rendered.seconds,
    cpuSeconds: rendered.cpuSeconds,
    inspectSeconds,
    peakRssMb,
    baselineRssMb,
    photoPeakRssMb,
    outputBytes: rendered.outputBytes,
    photoBytes: photo.byteLength,
    byFormat: rendered.byFormat,
    originalCrop: rendered.originalCrop,
    onDemandSeconds,
  };
}

async function main(): Promise<void> {
  const photo = await makePhoto();
  const photoPeakRssMb = megabytes(process.resourceUsage().maxRSS * 1024);
  const run = await measureVariants(photo, photoPeakRssMb);
  console.log(JSON.stringify(run));
}

await main();
