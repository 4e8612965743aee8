/**
 * The reader site on a real port for browser and validator tests: a test app on a fresh
 * database with the reference article (and the demo newspaper when asked and present), the
 * clock frozen on the reference day, and OpenWeatherMap replayed from the shared vector so the
 * masthead shows the weather. Also launches Debian's Chromium through playwright-core.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_PATH } from './chromium-path.js';
import { importArticles } from '../src/services/import-articles.js';
import { startReplayServer } from '../test/replay-server.js';
import { referencePath, readReferenceJson } from '../test/reference-data.js';
import { REFERENCE_ARTICLE_PATH, loadReferenceArticle, startTestApp } from '../test/test-app.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEMO_DIR = join(REPO_ROOT, 'demo');

/** A phone-sized viewport (Pixel 7 class), the reader site's first target. */
export const MOBILE_VIEWPORT = { width: 412, height: 915 } as const;

export interface ReaderSite {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  readonly baseUrl: string;
  /** Absolute URL of the reference article. */
  readonly articleUrl: string;
  /** How many demo articles were imported (0 when the demo was not asked for or is absent). */
  readonly demoArticles: number;
  close(): Promise<void>;
}

interface WeatherVector {
  sample_response: unknown;
}

/** The reference article as the seed file gives it (only the fields the tests read). */
export interface SeedArticle {
  headline: string;
  dateline: string;
  source: string;
  body: string[];
}

export function readSeedArticle(): SeedArticle {
  return readReferenceJson('seed', 'article.json') as SeedArticle;
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

function failIfAnyFailed(what: string, report: { failed: unknown[] }) {
  if (report.failed.length > 0)
    throw new Error(`${what}: ${report.failed.length} failed: ${JSON.stringify(report.failed)}`);
}

/** Polls `url` until its body contains `text`: the weather loads in the background. */
async function waitForText(url: string, text: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let body = '';
  while (Date.now() < deadline) {
    body = await (await fetch(url)).text();
    if (body.includes(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} never showed "${text}" within ${timeoutMs} ms`);
}

/**
 * Starts the site; `demo: true` imports demo/articles.json first when that file exists. `now`
 * moves the frozen clock: the demo's stories are dated after the reference day.
 */
export async function startReaderSite(
  options: { demo?: boolean; now?: string } = {},
): Promise<ReaderSite> {
  const weather = readJson(referencePath('vectors', 'weather-owm-muscat.json')) as WeatherVector;
  const replay = await startReplayServer({
    '/data/2.5/weather': { body: weather.sample_response },
  });
  const closers: (() => Promise<void>)[] = [() => replay.close()];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close();
  };
  try {
    const test = await startTestApp({
      DATELINE_NOW: options.now ?? '2024-04-24T08:00:00Z',
      OPENWEATHERMAP_API_KEY: 'test-key',
      OPENWEATHERMAP_BASE_URL: replay.baseUrl,
    });
    closers.push(() => test.close());

    let demoArticles = 0;
    const demoFile = join(DEMO_DIR, 'articles.json');
    if (options.demo && existsSync(demoFile)) {
      const report = await importArticles(test.app.importDeps(DEMO_DIR), readJson(demoFile));
      failIfAnyFailed('demo/articles.json', report);
      demoArticles = report.imported.length;
    }
    failIfAnyFailed('the reference article', await loadReferenceArticle(test.app));

    const address = await test.server.listen({ port: 0, host: '127.0.0.1' });
    const baseUrl = address.replace(/\/$/, '');
    await waitForText(`${baseUrl}/`, 'scattered clouds');
    return {
      baseUrl,
      articleUrl: `${baseUrl}${REFERENCE_ARTICLE_PATH}`,
      demoArticles,
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/** Debian's Chromium, headless, sandbox-free (we run as root) and off the network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
