/**
 * The photo half of the bench: what making a photo's variants costs the server (time, memory),
 * and what a reader's browser downloads for the article's lead photo compared with the original.
 */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContextOptions,
  type Page,
  type Response,
} from 'playwright-core';
import { runToCompletion } from './child-process.js';
import type { VariantRun } from './variant-child.js';

/** Debian's Chromium, as the e2e tests use it; CHROME_PATH points elsewhere. */
const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
/** Same flags as e2e/reader-site.ts, plus no QUIC: nothing but the page's own requests. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];
/** Variants are made on first request, which takes seconds on a busy 2-core machine. */
const PAGE_TIMEOUT_MS = 120_000;

/** The readers we emulate: a mid-range phone (Pixel 7 class) and a common laptop screen. */
const DEVICES: { name: string; options: BrowserContextOptions }[] = [
  {
    name: 'phone',
    options: {
      viewport: { width: 412, height: 915 },
      deviceScaleFactor: 2.625,
      isMobile: true,
      hasTouch: true,
      userAgent:
        'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) ' +
        'Chrome/156.0.0.0 Mobile Safari/537.36',
    },
  },
  {
    name: 'desktop',
    options: {
      viewport: { width: 1366, height: 768 },
      deviceScaleFactor: 1,
      userAgent:
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) ' +
        'Chrome/156.0.0.0 Safari/537.36',
    },
  },
];

/** What the report keeps of every run: the figures that move between runs (sizes do not). */
export type VariantRunSummary = Pick<
  VariantRun,
  'seconds' | 'cpuSeconds' | 'inspectSeconds' | 'peakRssMb' | 'baselineRssMb' | 'photoPeakRssMb'
>;

const summary = (r: VariantRun): VariantRunSummary => ({
  seconds: r.seconds,
  cpuSeconds: r.cpuSeconds,
  inspectSeconds: r.inspectSeconds,
  peakRssMb: r.peakRssMb,
  baselineRssMb: r.baselineRssMb,
  photoPeakRssMb: r.photoPeakRssMb,
});

/** Variant generation over several runs, and the run the report shows. */
export interface VariantGeneration {
  /** How the shown run was chosen among `runs`. */
  chosen: string;
  best: VariantRun;
  /** Memory is sized by the worst run, not the fastest: the peak moves by ~15 % between runs. */
  highestPeakRssMb: number;
  runs: VariantRunSummary[];
}

/** What one emulated reader downloaded for the lead photo. */
export interface LeadPhotoDownload {
  device: string;
  viewport: string;
  /** The file the browser shows (`currentSrc`), as a path on the site. */
  url: string;
  format: string;
  /** Width of the variant, from its name. */
  width: number | null;
  /** Body bytes of every lead-photo response (normally exactly one). */
  bytes: number;
  requests: number;
  originalBytes: number;
  /** bytes ÷ originalBytes. */
  ratio: number;
}

/** The rows of every device, and the original they are compared with. */
export interface LeadPhotoDownloads {
  originalFile: string;
  rows: LeadPhotoDownload[];
}

/** How many times the variant child runs (BENCH_VARIANT_RUNS); 0 skips it. */
export function variantRunCount(): number {
  const raw = process.env.BENCH_VARIANT_RUNS;
  if (raw === undefined || raw === '') return 2;
  const runs = Number(raw);
  if (!Number.isInteger(runs) || runs < 0) {
    throw new Error(`BENCH_VARIANT_RUNS must be a whole number of runs, not "${raw}"`);
  }
  return runs;
}

/**
 * Runs the variant child `runs` times, one after the other, each in a fresh process, and shows
 * the fastest: on a shared machine the fastest run is the one least slowed by other work.
 */
export async function measureVariantGeneration(
  root: string,
  runs: number,
): Promise<VariantGeneration> {
  const script = join(root, 'dist', 'bench', 'variant-child.js');
  const results: VariantRun[] = [];
  for (let run = 1; run <= runs; run++) {
    console.error(`bench: variant generation, run ${run} of ${runs}…`);
    const stdout = await runToCompletion(process.execPath, ['--expose-gc', script], {
      cwd: root,
      env: process.env,
    });
    const line = stdout.trim().split('\n').at(-1) ?? '';
    const result = JSON.parse(line) as VariantRun;
    console.error(
      `bench: ${result.variants} variants in ${result.seconds} s ` +
        `(${result.cpuSeconds} s CPU), peak RSS ${result.peakRssMb} MB`,
    );
    results.push(result);
  }
  const best = results.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  return {
    chosen: `fastest of ${runs} run${runs === 1 ? '' : 's'}`,
    best,
    highestPeakRssMb: Math.max(...results.map((r) => r.peakRssMb)),
    runs: results.map(summary),
  };
}

/**
 * Opens the article in Chromium as each device and sums what it downloaded for the lead photo.
 * A machine without Chromium gets a "skipped" result, not a failure.
 */
export async function measureLeadPhotoDownloads(
  articleUrl: string,
  originalFile: string,
): Promise<LeadPhotoDownloads | { skipped: string }> {
  if (!existsSync(CHROMIUM)) return { skipped: `no Chromium at ${CHROMIUM}` };
  const originalBytes = (await stat(originalFile)).size;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const rows: LeadPhotoDownload[] = [];
    for (const device of DEVICES) {
      rows.push(await downloadAs(browser, device, articleUrl, originalBytes));
    }
    return { originalFile: basename(originalFile), rows };
  } finally {
    await browser.close();
  }
}

/** One fresh context (so an empty cache) per device. */
async function downloadAs(
  browser: Browser,
  device: (typeof DEVICES)[number],
  articleUrl: string,
  originalBytes: number,
): Promise<LeadPhotoDownload> {
  const context = await browser.newContext(device.options);
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(PAGE_TIMEOUT_MS);
    const responses: Response[] = [];
    page.on('response', (response) => responses.push(response));
    const answer = await page.goto(articleUrl, { waitUntil: 'load' });
    if (answer?.status() !== 200) {
      throw new Error(`${device.name}: ${articleUrl} answered ${answer?.status() ?? 'nothing'}`);
    }
    const lead = await leadPicture(page);
    const ours = responses.filter((r) => lead.candidates.includes(r.url()));
    const bad = ours.filter((r) => r.status() !== 200);
    if (ours.length === 0 || bad.length > 0) {
      const why = bad.map((r) => `${r.status()} ${r.url()}`).join(', ') || 'no response';
      throw new Error(`${device.name}: the lead photo did not load (${why})`);
    }
    const viewport = viewportLabel(device.options);
    return {
      device: device.name,
      viewport,
      ...(await weigh(ours, lead.currentSrc, originalBytes)),
    };
  } finally {
    await context.close();
  }
}

/** Adds up the lead photo's responses and describes the one the browser shows. */
async function weigh(ours: Response[], currentSrc: string, originalBytes: number) {
  const bodies = await Promise.all(ours.map(async (r) => (await r.body()).byteLength));
  const bytes = bodies.reduce((sum, n) => sum + n, 0);
  const shown = ours.find((r) => r.url() === currentSrc) ?? ours[0];
  const path = new URL(shown?.url() ?? currentSrc).pathname;
  const width = /-(\d+)\.\w+$/.exec(path)?.[1];
  return {
    url: path,
    format: (shown?.headers()['content-type'] ?? '').replace(/^image\//, ''),
    width: width ? Number(width) : null,
    bytes,
    requests: ours.length,
    originalBytes,
    ratio: Math.round((bytes / originalBytes) * 1000) / 1000,
  };
}

/** Every URL the lead <picture> could load, and the one the browser chose, once it shows. */
async function leadPicture(page: Page) {
  const img = '.lead-figure picture img';
  await page.waitForFunction((selector) => {
    const found = document.querySelector<HTMLImageElement>(selector);
    return found !== null && found.complete && found.naturalWidth > 0;
  }, img);
  return page.evaluate((selector) => {
    const picture = document.querySelector(selector)?.closest('picture');
    const absolute = (url: string) => new URL(url, document.baseURI).href;
    const candidates = [...(picture?.querySelectorAll('source, img') ?? [])].flatMap((el) => {
      const srcset = (el.getAttribute('srcset') ?? '')
        .split(',')
        .map((c) => c.trim().split(/\s+/)[0]);
      return [...srcset, el.getAttribute('src')].filter((u): u is string => !!u).map(absolute);
    });
    const currentSrc = document.querySelector<HTMLImageElement>(selector)?.currentSrc ?? '';
    return { candidates, currentSrc };
  }, img);
}

function viewportLabel(options: BrowserContextOptions): string {
  const { width, height } = options.viewport ?? { width: 0, height: 0 };
  return `${width}×${height} @${options.deviceScaleFactor ?? 1}x`;
}
