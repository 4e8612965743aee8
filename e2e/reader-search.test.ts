/**
 * A reader's search, in Chromium at phone and laptop widths on the demo paper: a word typed in
 * the masthead's search box, the results narrowed to one section, the matched word marked in
 * each passage, and a result opened.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, startReaderSite, type ReaderSite } from './reader-site.js';

const WIDTHS = [
  { name: 'phone', viewport: { width: 390, height: 844 } },
  { name: 'laptop', viewport: { width: 1280, height: 800 } },
] as const;

describe('searching the paper in a browser', () => {
  let site: ReaderSite;
  let browser: Browser;

  beforeAll(async () => {
    // A day after the demo paper's last story, so all of them are out.
    site = await startReaderSite({ demo: true, now: '2026-11-27T08:00:00Z' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it.each(WIDTHS)(
    'finds stories from the masthead, narrows them to a section and opens one ($name)',
    async ({ viewport }) => {
      expect(site.demoArticles, 'the demo paper is needed').toBeGreaterThan(0);
      const context = await browser.newContext({ viewport });
      try {
        const page = await context.newPage();
        await page.goto(`${site.baseUrl}/`);
        const box = page.getByRole('search', { name: 'Site' }).getByRole('searchbox');
        await box.fill('water');
        await box.press('Enter');
        await page.waitForURL(/\/search\?q=water$/);
        const summary = page.locator('.section-head p').first();
        const everywhere = Number(
          /^(\d+) stories match “water”/.exec(await summary.innerText())?.[1],
        );
        expect(everywhere).toBeGreaterThan(2);

        const filters = page.getByRole('search', { name: 'Narrow the results' });
        await filters.getByLabel('Section').selectOption({ label: 'Oman' });
        await filters.getByRole('button', { name: 'Filter' }).click();
        await page.waitForURL(/section=oman/);
        const headlines = page.locator('.grid h2 a');
        const paths = await headlines.evaluateAll((links) =>
          links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
        );
        expect(paths.length).toBeGreaterThan(1);
        expect(paths.length).toBeLessThan(everywhere);
        for (const path of paths) expect(path).toMatch(/^\/oman\//);
        const marked = await page.locator('.grid .snippet mark').allTextContents();
        expect(marked.length).toBeGreaterThanOrEqual(2);
        for (const word of marked) expect(word.toLowerCase()).toBe('water');
        await expect(page.locator('.grid .snippet mark').first().isVisible()).resolves.toBe(true);

        const headline = (await headlines.first().textContent()) ?? '';
        await headlines.first().click();
        await page.waitForURL(/\/oman\//);
        await expect(page.locator('h1').textContent()).resolves.toBe(headline);
        await expect(page.locator('.story-body').textContent()).resolves.toMatch(/water/i);
      } finally {
        await context.close();
      }
    },
    60_000,
  );
});
