/**
 * The fronts in Chromium: an editor reorders the home page's top stories with the keyboard
 * only, previews the unsaved order (readers still see the old one), saves it, and drags a story
 * back with the mouse; then arranges a section front. Screenshots of the screen on a phone and
 * a laptop go to the temporary folder.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor } from '../src/domain/account/user.js';
import { curateFront } from '../src/services/curate-front.js';
import { importArticles } from '../src/services/import-articles.js';
import { referencePath } from '../test/reference-data.js';
import {
  LAPTOP_VIEWPORT,
  notice,
  signIn,
  startNewsroomSite,
  trackedWindows,
  type NewsroomSite,
  PHONE_VIEWPORT,
} from './admin-newsroom.js';
import { launchChromium } from './reader-site.js';

const EDITOR = 'editor@paper.example';
const STORIES = ['Harbour reopens', 'Dates harvest doubles', 'Desert rally starts'];

/** The headlines in the order a page shows them, of those asked about. */
const orderIn = (html: string, headlines: string[]) =>
  [...headlines].sort((a, b) => html.indexOf(a) - html.indexOf(b));

/** The running order as the curation screen lists it. */
const listed = (page: Page) => page.locator('.top-stories .headline').allInnerTexts();

describe('the fronts in a browser', () => {
  let site: NewsroomSite;
  let browser: Browser;
  const windows = trackedWindows(() => browser);
  const ids: number[] = [];
  const readerHome = async () => (await fetch(`${site.baseUrl}/`)).text();

  beforeAll(async () => {
    site = await startNewsroomSite();
    await site.addStaff('editor', EDITOR, 'Eid Editor');
    const { app } = site.test;
    const report = await importArticles(
      app.importDeps(referencePath('seed')),
      STORIES.map((headline, n) => ({
        headline,
        section: 'World',
        body: [`${headline}, in a paragraph.`],
        publishedAt: new Date(Date.now() - (n + 2) * 60_000).toISOString(),
      })),
    );
    expect(report.failed).toEqual([]);
    ids.push(...report.imported.map((story) => story.id));
    const editor = await app.storage.stores.users.findByEmail(EDITOR);
    await curateFront(
      { stores: app.storage.stores, clock: app.clock, publication: app.publication },
      actorFor(editor!, 'session'),
      { sectionId: null },
      { lead: null, top: ids },
    );
    browser = await launchChromium();
  });

  afterAll(async () => {
    await windows.closeAll();
    await browser?.close();
    await site?.close();
  });

  it('reorders with the keyboard, previews the unsaved order, and readers see it once saved', async () => {
    const page = await signIn(await windows.open(), site.baseUrl, EDITOR);
    await page.getByRole('navigation').getByRole('link', { name: 'Front pages' }).click();
    await page.getByRole('heading', { name: 'Front pages', level: 1 }).waitFor();
    await expect.poll(() => listed(page)).toEqual(STORIES);

    // Keyboard only: the focus follows the moved story, so Enter twice takes it to the end.
    const moveDown = page.getByRole('button', { name: `Move down ${STORIES[0]}` });
    await moveDown.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => listed(page)).toEqual([STORIES[1], STORIES[0], STORIES[2]]);
    await expect
      .poll(() => moveDown.evaluate((button) => button === document.activeElement))
      .toBe(true);
    await page.keyboard.press('Enter');
    const moved = [STORIES[1]!, STORIES[2]!, STORIES[0]!];
    await expect.poll(() => listed(page)).toEqual(moved);
    await expect
      .poll(() => page.locator('#running-order-status').innerText())
      .toBe(`Moved “${STORIES[0]}” to position 3 of 3.`);

    await page.getByRole('button', { name: 'Show preview' }).focus();
    await page.keyboard.press('Enter');
    const preview = page.frameLocator('#preview-frame');
    await preview.locator('#top-stories').waitFor({ state: 'attached' });
    expect(orderIn(await preview.locator('body').innerHTML(), STORIES)).toEqual(moved);
    expect(orderIn(await readerHome(), STORIES)).toEqual(STORIES);

    await page.getByRole('button', { name: 'Save home page' }).focus();
    await page.keyboard.press('Enter');
    await notice(page, 'Home page saved.');
    expect(orderIn(await readerHome(), STORIES)).toEqual(moved);
    await page.screenshot({ path: join(tmpdir(), 'fronts-1280.png'), fullPage: true });
  });

  it('drags a story into place with the mouse', async () => {
    const page = await signIn(await windows.open(), site.baseUrl, EDITOR);
    await page.goto(`${site.baseUrl}/admin/homepage`);
    await expect.poll(() => listed(page)).toEqual([STORIES[1], STORIES[2], STORIES[0]]);
    const item = (headline: string) =>
      page.locator('.top-stories li').filter({ hasText: headline });
    await item(STORIES[0]!).dragTo(item(STORIES[1]!));
    await expect.poll(() => listed(page)).toEqual([STORIES[0], STORIES[1], STORIES[2]]);
  });

  it('arranges a section front, which readers then see with its lead first', async () => {
    const context = await windows.open(PHONE_VIEWPORT);
    const page = await signIn(context, site.baseUrl, EDITOR);
    await page.goto(`${site.baseUrl}/admin/homepage`);
    await page.getByLabel('Front', { exact: true }).selectOption({ label: 'World' });
    await page.getByRole('button', { name: 'Save World front' }).waitFor();
    await page.getByLabel('Lead story').selectOption({ label: STORIES[2]! });
    await page.getByLabel('Add a top story').selectOption({ label: STORIES[1]! });
    await page.getByRole('button', { name: 'Add to top stories' }).click();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(tmpdir(), 'fronts-390.png'), fullPage: true });
    await page.getByRole('button', { name: 'Save World front' }).click();
    await notice(page, 'World front saved.');
    const front = await (await fetch(`${site.baseUrl}/world`)).text();
    const lead = /id="lead-headline"[^]*?<\/h2>/.exec(front)?.[0] ?? '';
    expect(lead).toContain(STORIES[2]);
    expect(front.indexOf(STORIES[1]!)).toBeLessThan(front.indexOf(STORIES[0]!));
    const laptop = await (await windows.open(LAPTOP_VIEWPORT)).newPage();
    await laptop.goto(`${site.baseUrl}/world`);
    await laptop.screenshot({ path: join(tmpdir(), 'world-front-1280.png') });
  });
});
