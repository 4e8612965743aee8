/**
 * Breaking news in Chromium, one server process throughout, its page cache on: an editor sets
 * a banner linking a story, a reader's kept page shows it on the next load, the editor takes it
 * down, and the reader's page no longer shows it. Screenshots at a phone's and a laptop's width
 * go to the temporary folder.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_ARTICLE_PATH } from '../test/test-app.js';
import {
  answerConfirmation,
  LAPTOP_VIEWPORT,
  notice,
  PHONE_VIEWPORT,
  signIn,
  startNewsroomSite,
  trackedWindows,
  type NewsroomSite,
} from './admin-newsroom.js';
import { launchChromium } from './reader-site.js';
import { axeViolations } from './validators/axe-check.js';

const EDITOR = 'editor@paper.example';
const BANNER = 'Cyclone Shaheen: coastal roads close at 6 pm';
const STORY = 'Turkiye, Russia, Iran, Syria hold "constructive talks"';

describe('the breaking-news banner in a browser', () => {
  let site: NewsroomSite;
  let browser: Browser;
  const windows = trackedWindows(() => browser);
  const hits = () => site.test.app.pages.cache.stats().hits;
  const banner = (page: Page) => page.getByRole('region', { name: 'Breaking news' });

  /** Loads the reader's page again, as a reader pressing reload does; says if memory answered. */
  const reload = async (page: Page) => {
    const before = hits();
    await page.reload();
    return hits() > before;
  };

  beforeAll(async () => {
    site = await startNewsroomSite({}, { publicUrl: true });
    await site.addStaff('editor', EDITOR, 'Eid Editor');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await windows.closeAll();
    await browser?.close();
    await site?.close();
  });

  it('appears on a kept reader page once an editor sets it, and goes once removed', async () => {
    const reader = await (await windows.open(PHONE_VIEWPORT)).newPage();
    await reader.goto(`${site.baseUrl}/`);
    expect(await reload(reader), 'the home page is kept').toBe(true);
    await expect.poll(() => banner(reader).count()).toBe(0);

    const desk = await signIn(await windows.open(LAPTOP_VIEWPORT), site.baseUrl, EDITOR);
    await desk.getByRole('navigation').getByRole('link', { name: 'Breaking news' }).click();
    await desk.getByRole('heading', { name: 'Breaking news', level: 1 }).waitFor();
    await desk.getByText('No banner is showing.').waitFor();
    await desk.getByLabel('Text').fill(BANNER);
    await desk.getByLabel('Link').selectOption('story');
    await desk.getByLabel('Story').selectOption({ label: STORY });
    expect(await axeViolations(desk)).toEqual([]);
    await desk.getByRole('button', { name: 'Show banner' }).click();
    await answerConfirmation(desk, 'Yes, show it');
    await notice(desk, 'The banner is showing on every page.');
    await desk.getByRole('region', { name: 'Showing now' }).getByText(BANNER).waitFor();
    await desk.screenshot({ path: join(tmpdir(), 'breaking-news-admin-1280.png'), fullPage: true });

    expect(await reload(reader), 'the kept page was dropped').toBe(false);
    await banner(reader).getByRole('link', { name: BANNER }).waitFor();
    expect(await reload(reader), 'the page with the banner is kept').toBe(true);
    await expect.poll(() => banner(reader).innerText()).toContain(BANNER);
    expect(await axeViolations(reader)).toEqual([]);
    await reader.screenshot({ path: join(tmpdir(), 'breaking-news-390.png') });
    await banner(reader).getByRole('link', { name: BANNER }).click();
    await reader.waitForURL(`${site.baseUrl}${REFERENCE_ARTICLE_PATH}`);
    await banner(reader).waitFor();
    expect(await reader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE_VIEWPORT.width,
    );

    await desk.setViewportSize(PHONE_VIEWPORT);
    await desk.getByRole('button', { name: 'Remove now' }).click();
    await notice(desk, 'The banner is down: readers no longer see it.');
    await desk.getByText('No banner is showing.').waitFor();
    expect(await axeViolations(desk)).toEqual([]);
    await desk.screenshot({ path: join(tmpdir(), 'breaking-news-admin-390.png'), fullPage: true });

    expect(await reload(reader)).toBe(false);
    await reader.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await banner(reader).count()).toBe(0);
    await reader.goto(`${site.baseUrl}/`);
    expect(await banner(reader).count()).toBe(0);
  });

  it('shows the reader’s banner at a laptop’s width under the masthead', async () => {
    const desk = await signIn(await windows.open(), site.baseUrl, EDITOR);
    await desk.goto(`${site.baseUrl}/admin/breaking-news`);
    await desk.getByLabel('Text').fill('Polls close at 7 pm across the Sultanate');
    await desk.getByRole('button', { name: 'Show banner' }).click();
    await answerConfirmation(desk, 'Yes, show it');
    await notice(desk, 'The banner is showing on every page.');

    const reader = await (await windows.open(LAPTOP_VIEWPORT)).newPage();
    await reader.goto(`${site.baseUrl}${REFERENCE_ARTICLE_PATH}`);
    await banner(reader).getByText('Polls close at 7 pm across the Sultanate').waitFor();
    // Right under the masthead, before the page's own content.
    const order = await reader.evaluate(() => {
      const region = document.querySelector('.breaking-news');
      return [region?.previousElementSibling?.className, region?.nextElementSibling?.id];
    });
    expect(order).toEqual(['masthead', 'main']);
    expect(await axeViolations(reader)).toEqual([]);
    await reader.screenshot({ path: join(tmpdir(), 'breaking-news-1280.png') });
  });
});
