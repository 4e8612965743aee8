/**
 * The view counter in Chromium: a reader who opens an article sends one beacon with the
 * story's id and nothing else, which the server counts; an automated browser sends none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from './chromium-path.js';
import { launchChromium, MOBILE_VIEWPORT } from './reader-site.js';
import {
  REFERENCE_ARTICLE_PATH,
  loadReferenceArticle,
  startTestApp,
  type TestApp,
} from '../test/test-app.js';

/** A reader's Chrome on Android, as the server's bot patterns see it. */
const READER_AGENT =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36';

interface BeaconWindow {
  __beacons: { url: string; body: string }[];
}

/** Records every beacon the page sends (a string body: the story's id), then sends it. */
function recordBeacons() {
  const target = window as unknown as BeaconWindow;
  target.__beacons = [];
  const send = navigator.sendBeacon.bind(navigator);
  navigator.sendBeacon = (url: string | URL, body?: BodyInit | null) => {
    target.__beacons.push({ url: String(url), body: typeof body === 'string' ? body : '' });
    return send(url, body);
  };
}

async function openArticle(browser: Browser, baseUrl: string): Promise<Page> {
  const context = await browser.newContext({ viewport: MOBILE_VIEWPORT, userAgent: READER_AGENT });
  await context.addInitScript(recordBeacons);
  const page = await context.newPage();
  await page.goto(`${baseUrl}${REFERENCE_ARTICLE_PATH}`, { waitUntil: 'load' });
  return page;
}

const beaconsOf = (page: Page) =>
  page.evaluate(() => (window as unknown as BeaconWindow).__beacons);

describe('counting a reader’s view in Chromium', () => {
  let t: TestApp;
  let baseUrl: string;
  let storyId: number;
  let reader: Browser;
  let automated: Browser;

  beforeAll(async () => {
    t = await startTestApp({ DATELINE_NOW: '2024-04-24T08:00:00Z' });
    const report = await loadReferenceArticle(t.app);
    storyId = report.imported[0]!.id;
    baseUrl = (await t.server.listen({ port: 0, host: '127.0.0.1' })).replace(/\/$/, '');
    // A person's browser: no automation flag for the page to see.
    reader = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--no-sandbox', '--disable-gpu', '--disable-blink-features=AutomationControlled'],
    });
    automated = await launchChromium();
  });

  afterAll(async () => {
    await reader?.close();
    await automated?.close();
    await t?.close();
  });

  it('sends the story’s id once, without a cookie, and the view is stored', async () => {
    const page = await openArticle(reader, baseUrl);
    expect(await beaconsOf(page)).toEqual([{ url: '/api/views', body: String(storyId) }]);
    const tally = t.app.readership.beacon.tally;
    await expect.poll(() => tally.stats().counted).toBe(1);
    await tally.flush();
    const rows = await t.app.storage.kysely.selectFrom('story_views').selectAll().execute();
    expect(rows.map((row) => [row.article_id, Number(row.views)])).toEqual([[storyId, 1]]);
    expect(await page.context().cookies()).toEqual([]);
    await page.close();
  });

  it('sends nothing from an automated browser', async () => {
    const page = await openArticle(automated, baseUrl);
    expect(await page.evaluate(() => navigator.webdriver)).toBe(true);
    expect(await beaconsOf(page)).toEqual([]);
    await page.close();
  });
});
