/**
 * A reader's journeys on the reference article page, in Chromium at phone size: the masthead,
 * text size, sharing, the page end, and the page without JavaScript.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { TEXT_SIZE_KEY } from '../src/http/site/site-scripts.js';
import {
  MOBILE_VIEWPORT,
  launchChromium,
  readSeedArticle,
  startReaderSite,
  type ReaderSite,
  type SeedArticle,
} from './reader-site.js';

const SHARE_SERVICES = ['WhatsApp', 'X', 'Facebook', 'LinkedIn', 'Telegram', 'Email'] as const;

/** What the stubbed `navigator.share` recorded. */
interface ShareWindow {
  __shareCalls: ShareData[];
}

/** What the layout-shift observer recorded. */
interface ShiftWindow {
  __layoutShifts: { value: number; hadRecentInput: boolean }[];
}

/** Installed before any page script: records every layout shift, buffered from page start. */
function observeLayoutShifts() {
  const target = window as unknown as ShiftWindow;
  target.__layoutShifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const shift = entry as PerformanceEntry & { value: number; hadRecentInput: boolean };
      target.__layoutShifts.push({ value: shift.value, hadRecentInput: shift.hadRecentInput });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/** A browser that has no share sheet (headless Linux Chromium may or may not have one). */
function removeWebShare() {
  delete (Navigator.prototype as Partial<Navigator>).share;
}

/** A share sheet that records what it was asked to share. */
function stubWebShare() {
  (window as unknown as ShareWindow).__shareCalls = [];
  Object.defineProperty(Navigator.prototype, 'share', {
    configurable: true,
    value(data: ShareData) {
      (window as unknown as ShareWindow).__shareCalls.push(data);
      return Promise.resolve();
    },
  });
}

const storyFontSize = (page: Page) =>
  page.locator('.story-body').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

/** Resolves once the browser has painted twice more, so pending layout shifts are reported. */
const afterTwoFrames = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
      ),
  );

describe('the article page in a phone browser', () => {
  let site: ReaderSite;
  let browser: Browser;
  let seed: SeedArticle;

  beforeAll(async () => {
    seed = readSeedArticle();
    site = await startReaderSite();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  /** Opens the article in a fresh phone-sized context, runs `journey`, then closes the context. */
  async function onArticle(
    journey: (page: Page) => Promise<void>,
    options: { context?: BrowserContextOptions; initScripts?: (() => void)[] } = {},
  ) {
    const context = await browser.newContext({
      viewport: MOBILE_VIEWPORT,
      isMobile: true,
      hasTouch: true,
      ...options.context,
    });
    try {
      for (const script of options.initScripts ?? []) await context.addInitScript(script);
      const page = await context.newPage();
      const response = await page.goto(site.articleUrl);
      expect(response?.status()).toBe(200);
      await journey(page);
    } finally {
      await context.close();
    }
  }

  describe('masthead', () => {
    it('shows the Gregorian and Hijri dates of the day in the date bar', () =>
      onArticle(async (page) => {
        expect(await page.locator('.masthead-date').textContent()).toBe(
          'Wednesday, April 24, 2024 | Shawwal 14, 1445 H',
        );
      }));

    it("shows Muscat's weather: condition, country label and temperature", () =>
      onArticle(async (page) => {
        const weather = page.locator('.masthead .weather');
        expect(await weather.locator('.condition').textContent()).toBe('scattered clouds');
        expect(await weather.locator('.place').textContent()).toBe('OMAN');
        expect(await weather.locator('.temps').textContent()).toContain('33°C');
        expect(await weather.isVisible()).toBe(true);
      }));

    it('names the Editor in Chief', () =>
      onArticle(async (page) => {
        const eic = (await page.locator('.masthead .eic').textContent()) ?? '';
        expect(eic).toContain('Editor in Chief');
        expect(eic).toContain('Abdullah bin Salim Al Shueili');
      }));
  });

  describe('text size', () => {
    const increase = (page: Page) => page.getByRole('button', { name: 'Increase text size' });
    const decrease = (page: Page) => page.getByRole('button', { name: 'Decrease text size' });

    it('grows the story text with A+ and shrinks it below the start with A− twice', () =>
      onArticle(async (page) => {
        const start = await storyFontSize(page);
        await increase(page).click();
        const larger = await storyFontSize(page);
        expect(larger).toBeGreaterThan(start);
        await decrease(page).click();
        await decrease(page).click();
        expect(await storyFontSize(page)).toBeLessThan(start);
      }));

    it("remembers the reader's text size after a reload", () =>
      onArticle(async (page) => {
        const start = await storyFontSize(page);
        await increase(page).click();
        const chosen = await storyFontSize(page);
        expect(chosen).toBeGreaterThan(start);
        await page.reload();
        expect(await storyFontSize(page)).toBe(chosen);
        expect(await page.evaluate((key) => localStorage.getItem(key), TEXT_SIZE_KEY)).toBe(
          '1.125',
        );
      }));

    it('works the text size buttons from the keyboard with Enter and Space', () =>
      onArticle(async (page) => {
        const start = await storyFontSize(page);
        await increase(page).focus();
        await page.keyboard.press('Enter');
        const once = await storyFontSize(page);
        expect(once).toBeGreaterThan(start);
        await page.keyboard.press('Space');
        expect(await storyFontSize(page)).toBeGreaterThan(once);
        expect(await page.locator('#text-size-status').textContent()).toBe('Text size 125%');
        await decrease(page).focus();
        await page.keyboard.press('Enter');
        expect(await storyFontSize(page)).toBe(once);
      }));

    it('applies a stored text size from the first frame, with no layout shift', () =>
      onArticle(
        async (page) => {
          const start = await storyFontSize(page);
          await increase(page).click();
          await increase(page).click();
          const chosen = await storyFontSize(page);
          expect(chosen).toBeGreaterThan(start);

          await page.reload({ waitUntil: 'load' });
          await afterTwoFrames(page);
          expect(await storyFontSize(page)).toBe(chosen);
          const shifts = await page.evaluate(
            () => (window as unknown as ShiftWindow).__layoutShifts,
          );
          const unexpected = shifts.filter((shift) => !shift.hadRecentInput);
          const total = unexpected.reduce((sum, shift) => sum + shift.value, 0);
          expect(total, `layout shifts: ${JSON.stringify(unexpected)}`).toBe(0);
        },
        { initScripts: [observeLayoutShifts] },
      ));
  });

  describe('sharing', () => {
    const shareSection = (page: Page) => page.getByRole('region', { name: 'Share article' });

    it('keeps the Share… button hidden and offers plain links when there is no share sheet', () =>
      onArticle(
        async (page) => {
          expect(await page.evaluate(() => 'share' in navigator)).toBe(false);
          expect(await page.locator('[data-share]').isHidden()).toBe(true);
          const section = shareSection(page);
          const encoded = encodeURIComponent(site.articleUrl);
          for (const name of SHARE_SERVICES) {
            const link = section.getByRole('link', {
              name: `${name} (opens in a new window)`,
              exact: true,
            });
            expect(await link.isVisible(), `${name} link is visible`).toBe(true);
            expect(await link.getAttribute('href'), `${name} link`).toContain(encoded);
            expect(await link.getAttribute('target')).toBe('_blank');
            expect(await link.getAttribute('rel')).toContain('noopener');
          }
          const copy = section.getByRole('link', { name: 'Copy link', exact: true });
          expect(await copy.isVisible()).toBe(true);
          expect(await copy.getAttribute('href')).toBe(site.articleUrl);
        },
        { initScripts: [removeWebShare] },
      ));

    it("opens the device's share sheet with the article's address and title", () =>
      onArticle(
        async (page) => {
          const button = page.getByRole('button', { name: 'Share…' });
          expect(await button.isVisible()).toBe(true);
          await button.click();
          await page.waitForFunction(() => (window as unknown as ShareWindow).__shareCalls.length);
          const calls = await page.evaluate(() => (window as unknown as ShareWindow).__shareCalls);
          expect(calls).toEqual([{ title: seed.headline, url: site.articleUrl }]);
        },
        { initScripts: [stubWebShare] },
      ));

    it('copies the article address to the clipboard and says so', () =>
      onArticle(
        async (page) => {
          await shareSection(page).getByRole('link', { name: 'Copy link', exact: true }).click();
          await page.waitForFunction(
            () => document.getElementById('share-status')?.textContent === 'Link copied',
          );
          expect(page.url()).toBe(site.articleUrl);
          expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(site.articleUrl);
        },
        {
          context: { permissions: ['clipboard-read', 'clipboard-write'] },
          initScripts: [removeWebShare],
        },
      ));
  });

  describe('page end', () => {
    const pageNav = (page: Page) => page.getByRole('navigation', { name: 'Page' });

    it('takes the reader back to the top from the bottom of the page', () =>
      onArticle(async (page) => {
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        await page.waitForFunction(() => window.scrollY > 500);
        await pageNav(page).getByRole('link', { name: 'Back to top' }).click();
        await page.waitForFunction(() => window.scrollY < 1);
        expect(await page.evaluate(() => window.scrollY)).toBeLessThan(1);
      }));

    it('leads Home to the front page', () =>
      onArticle(async (page) => {
        const [response] = await Promise.all([
          page.waitForResponse(
            (r) => r.request().isNavigationRequest() && new URL(r.url()).pathname === '/',
          ),
          pageNav(page).getByRole('link', { name: 'Home', exact: true }).click(),
        ]);
        expect(response.status()).toBe(200);
        await page.waitForURL(`${site.baseUrl}/`);
        expect(await page.locator('h1.brand').isVisible()).toBe(true);
      }));
  });

  describe('without JavaScript', () => {
    it('still shows the headline, the body with its dateline, the sign-off and share links', () =>
      onArticle(
        async (page) => {
          expect(await page.locator('h1').textContent()).toBe(seed.headline);
          const body = (await page.locator('.story-body').textContent()) ?? '';
          expect(body).toContain(seed.body[0]);
          expect(body).toContain(seed.body[seed.body.length - 1]);
          expect(await page.locator('.story-body .dateline').textContent()).toBe(
            `${seed.dateline}:`,
          );
          expect(await page.locator('.sign-off').textContent()).toBe(`— ${seed.source}`);
          const links = page.getByRole('region', { name: 'Share article' }).getByRole('link');
          expect(await links.count()).toBe(SHARE_SERVICES.length + 1);
          for (const link of await links.all()) expect(await link.isVisible()).toBe(true);
        },
        { context: { javaScriptEnabled: false } },
      ));

    it('hides the controls that need JavaScript', () =>
      onArticle(
        async (page) => {
          expect(await page.getByRole('button', { name: 'Increase text size' }).isVisible()).toBe(
            false,
          );
          expect(await page.locator('[data-share]').isVisible()).toBe(false);
        },
        { context: { javaScriptEnabled: false } },
      ));
  });
});
