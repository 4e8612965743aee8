/**
 * Sections in Chromium, from an empty database: the editor-in-chief makes two sections with
 * the keyboard and the mouse, reorders them, sees the reader's navigation follow, and files a
 * story in one. Screenshots of the page on a phone and a laptop go to the temporary folder.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor } from '../src/domain/account/user.js';
import { createUser } from '../src/services/accounts/create-user.js';
import { createArticle } from '../src/services/articles/create-article.js';
import { articleDraftSchema } from '../src/domain/article/article-draft.js';
import { startTestApp, type TestApp } from '../test/test-app.js';
import { createSqliteDatabase } from '../test/test-databases.js';
import { LAPTOP_VIEWPORT, notice, PASSWORD, signIn, PHONE_VIEWPORT } from './admin-newsroom.js';
import { launchChromium } from './reader-site.js';

const CHIEF = 'chief@paper.example';

/** The links of the reader's navigation, in order: "Latest" (every section's news), then the sections. */
const readerNavigation = (page: Page) =>
  page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => a.textContent?.trim()));

describe('sections in a browser, from an empty database', () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  const windows: BrowserContext[] = [];

  const openWindow = async (viewport: { width: number; height: number } = LAPTOP_VIEWPORT) => {
    const context = await browser.newContext({ viewport });
    context.setDefaultTimeout(10_000);
    windows.push(context);
    return context;
  };

  const addSection = async (page: Page, name: string) => {
    await page.getByLabel('Name', { exact: true }).last().fill(name);
    await page.getByRole('button', { name: 'Add section' }).click();
    await notice(page, `${name} is added`);
  };

  beforeAll(async () => {
    t = await startTestApp({}, createSqliteDatabase());
    await createUser(t.app.accounts, {
      email: CHIEF,
      role: 'editor_in_chief',
      password: PASSWORD,
      name: 'Amal Haddad',
    });
    baseUrl = (await t.server.listen({ port: 0, host: '127.0.0.1' })).replace(/\/$/, '');
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of windows.splice(0)) await context.close();
    await browser?.close();
    await t?.close();
  });

  it('lets the chief make two sections, reorder them for the reader’s navigation, and file in them', async () => {
    const page = await signIn(await openWindow(), baseUrl, CHIEF);
    await page
      .getByRole('navigation', { name: 'Newsroom' })
      .getByRole('link', { name: 'New article' })
      .click();
    await page.getByText('There are no sections to file in yet').waitFor();
    await page.getByRole('link', { name: 'Add a section' }).click();
    await page.getByRole('heading', { name: 'Sections', level: 1 }).waitFor();

    await addSection(page, 'World');
    await addSection(page, 'Business');
    const order = page.locator('.section-list .section-name strong');
    await expect.poll(() => order.allInnerTexts()).toEqual(['World', 'Business']);

    // By keyboard: focus the button, press Enter; focus stays with the moved section.
    await page.getByRole('button', { name: 'Move up: Business' }).focus();
    await page.keyboard.press('Enter');
    await notice(page, 'Business moved up to place 1');
    await expect.poll(() => order.allInnerTexts()).toEqual(['Business', 'World']);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Move down: Business',
    );
    await page.screenshot({ path: join(tmpdir(), 'dateline-sections-1280.png'), fullPage: true });

    const reader = await (await openWindow()).newPage();
    await reader.goto(`${baseUrl}/`);
    expect(await readerNavigation(reader)).toEqual(['Latest', 'Business', 'World']);

    await page.goto(`${baseUrl}/admin/articles/new`);
    await page.getByRole('heading', { name: 'New article', level: 1 }).waitFor();
    const options = await page
      .getByLabel('Section')
      .locator('option')
      .evaluateAll((all) => all.map((o) => o.textContent?.trim()));
    expect(options).toEqual(expect.arrayContaining(['Business', 'World']));
    expect(await page.getByText('There are no sections to file in yet').count()).toBe(0);
  });

  it('shows a refused delete with the count of stories, hides a section, and fits a phone', async () => {
    const world = (await t.app.storage.stores.sections.list()).find((s) => s.slug === 'world');
    const chief = await t.app.storage.stores.users.findByEmail(CHIEF);
    await createArticle(
      t.app.newsroom,
      actorFor(chief!, 'session'),
      articleDraftSchema.parse({
        headline: 'Markets open calmly',
        sectionId: world!.id,
        body: {
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Calm.' }] }],
        },
      }),
    );
    const page = await signIn(await openWindow(PHONE_VIEWPORT), baseUrl, CHIEF);
    await page.goto(`${baseUrl}/admin/sections`);
    await page.getByRole('heading', { name: 'Sections', level: 1 }).waitFor();
    page.on('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Delete: World' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'World has 1 story; move them first' })
      .waitFor();
    await page.getByRole('button', { name: 'Hide: World' }).click();
    await notice(page, 'World is hidden from the navigation');
    const reader = await (await openWindow(PHONE_VIEWPORT)).newPage();
    await reader.goto(`${baseUrl}/`);
    expect(await readerNavigation(reader)).toEqual(['Latest', 'Business']);
    await page.screenshot({ path: join(tmpdir(), 'dateline-sections-390.png'), fullPage: true });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
