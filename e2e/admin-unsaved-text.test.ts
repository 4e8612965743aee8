/**
 * Nothing typed is lost, seen in Chromium: New article keeps its text in the browser from the
 * first keystroke, asks before leaving, offers the text back after a reload and creates the
 * draft on Ctrl+S; publishing and disabling a colleague are confirmed in a dialog; a refused
 * save lists its problems at the top with focus there; the body counts its words as they come.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  answerConfirmation,
  bodyBox,
  notice,
  signIn,
  startNewsroomSite,
  trackedWindows,
  type NewsroomSite,
} from './admin-newsroom.js';
import { launchChromium } from './reader-site.js';

const EDITOR = 'unsaved.editor@paper.example';
const CHIEF = 'unsaved.chief@paper.example';
const HEADLINE = 'Ferry timetable changes for winter';
const FIRST_WORDS = 'The Shinas ferry sails twice a day from December.';
/** Where screenshots go when asked for (SCREENSHOT_DIR), to look at the pages by eye. */
const SHOTS = process.env.SCREENSHOT_DIR;
const WIDTHS = [390, 1280] as const;

async function screenshots(page: Page, name: string) {
  if (!SHOTS) return;
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** The message of the next dialog the browser itself shows (confirm, beforeunload), answered. */
function nextBrowserDialog(page: Page, accept: boolean) {
  return new Promise<{ type: string; message: string }>((resolve) => {
    page.once('dialog', (dialog) => {
      resolve({ type: dialog.type(), message: dialog.message() });
      void (accept ? dialog.accept() : dialog.dismiss());
    });
  });
}

const focusedId = (page: Page) =>
  page.evaluate(() => document.activeElement?.id || document.activeElement?.className || '');

describe('nothing typed is lost in the newsroom app', () => {
  let site: NewsroomSite;
  let browser: Browser;
  let page: Page;
  const windows = trackedWindows(() => browser);

  beforeAll(async () => {
    site = await startNewsroomSite();
    browser = await launchChromium();
    await site.addStaff('editor', EDITOR, 'Nasser Unsaved');
    await site.addStaff('editor_in_chief', CHIEF, 'Huda Chief');
    page = await signIn(await windows.open(), site.baseUrl, EDITOR);
  });

  afterAll(async () => {
    await windows.closeAll();
    await browser?.close();
    await site?.close();
  });

  it('asks before leaving a new article with text in it, and counts its words', async () => {
    await page.goto(`${site.baseUrl}/admin/articles/new`);
    await page.getByRole('heading', { name: 'New article' }).waitFor();
    await page.getByText('0 words · 1 min read').waitFor();
    await page.getByLabel('Headline').fill(HEADLINE);
    await bodyBox(page).click();
    await page.keyboard.type(FIRST_WORDS);
    await page.getByText('9 words · 1 min read').waitFor();

    const asked = nextBrowserDialog(page, false);
    await page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).click();
    expect((await asked).message).toBe('Your latest changes are not saved yet. Leave anyway?');
    expect(new URL(page.url()).pathname).toBe('/admin/articles/new');
    expect(await page.getByLabel('Headline').inputValue()).toBe(HEADLINE);
  });

  it('offers the text back after the tab is reloaded', async () => {
    const asked = nextBrowserDialog(page, true);
    await page.reload();
    expect((await asked).type).toBe('beforeunload');
    const kept = page.getByRole('alert').filter({ hasText: 'Unsaved text from this browser' });
    await kept.waitFor();
    expect(await page.getByLabel('Headline').inputValue()).toBe('');
    await screenshots(page, 'new-article-kept-text');
    // Opened and left again without a choice, the page keeps offering it.
    await page.reload();
    await kept.waitFor();

    await kept.getByRole('button', { name: 'Bring back my unsaved text' }).click();
    expect(await page.getByLabel('Headline').inputValue()).toBe(HEADLINE);
    expect(await bodyBox(page).textContent()).toContain(FIRST_WORDS);
  });

  it('creates the draft on Ctrl+S once a section is chosen, and forgets the local copy', async () => {
    await page.getByLabel('Headline').click();
    await page.keyboard.press('Control+s');
    // No section yet: the field says so and takes focus.
    await page.getByText('Choose a section.').first().waitFor();
    expect(await focusedId(page)).toBe('section');

    await page.getByLabel('Section').selectOption({ label: 'World' });
    await page.keyboard.press('Control+s');
    await page.getByRole('heading', { name: `Edit article: ${HEADLINE}` }).waitFor();
    expect(await bodyBox(page).textContent()).toContain(FIRST_WORDS);
    const local = await page.evaluate(() => window.localStorage.getItem('dateline:unsaved:new'));
    expect(local).toBeNull();

    await page.goto(`${site.baseUrl}/admin/articles/new`);
    await page.getByRole('heading', { name: 'New article' }).waitFor();
    await page.getByText('0 words · 1 min read').waitFor();
    expect(await page.getByText('Unsaved text from this browser').count()).toBe(0);
    await page.goBack();
  });

  it('sums up a refused save at the top of the form, with focus there', async () => {
    await page.getByRole('heading', { name: `Edit article: ${HEADLINE}` }).waitFor();
    const slug = await page.getByLabel('Slug').inputValue();
    await page.getByLabel('Slug').fill('Not A Slug!');
    await page.getByRole('button', { name: 'Save', exact: true }).click();

    const summary = page.getByRole('group', { name: 'There is a problem' });
    await summary.waitFor();
    // Focus moves once the refusal is in: a loaded machine may show an autosave's summary first.
    await expect.poll(() => focusedId(page)).toBe('error-summary');
    await screenshots(page, 'error-summary');
    await summary.getByRole('link', { name: /^Slug: / }).click();
    expect(await focusedId(page)).toBe('slug');

    await page.getByLabel('Slug').fill(slug);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await summary.waitFor({ state: 'detached' });
  });

  it('publishes only once the dialog is confirmed', async () => {
    const publish = page.getByRole('button', { name: 'Publish', exact: true });
    const dialog = page.getByRole('dialog', { name: `Publish “${HEADLINE}”?` });

    await publish.click();
    await dialog.waitFor();
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await publish.evaluate((button) => button === document.activeElement)).toBe(true);

    await publish.click();
    await screenshots(page, 'confirm-publish');
    await answerConfirmation(page, 'Cancel');
    const workflow = page.getByRole('region', { name: 'Workflow' });
    expect(await workflow.getByText('Draft').count()).toBeGreaterThan(0);

    await publish.click();
    await answerConfirmation(page, 'Yes, publish');
    await notice(page, 'Published.');
  });

  it('disables a colleague only once the dialog is confirmed', async () => {
    const chief = await signIn(await windows.open(), site.baseUrl, CHIEF);
    await chief.goto(`${site.baseUrl}/admin/users`);
    const row = chief.getByRole('row').filter({ hasText: EDITOR });
    await row.getByRole('button', { name: 'Disable Nasser Unsaved' }).click();
    await chief.getByRole('dialog', { name: 'Disable Nasser Unsaved?' }).waitFor();
    await answerConfirmation(chief, 'Cancel');
    expect(await row.getByText('Active').count()).toBe(1);

    await row.getByRole('button', { name: 'Disable Nasser Unsaved' }).click();
    await answerConfirmation(chief, 'Yes, disable');
    await notice(chief, 'Nasser Unsaved is disabled.');
    expect(await row.getByText('Disabled').count()).toBe(1);

    // The server never lets anyone lock themselves out, so their own row offers nothing.
    const own = chief.getByRole('row').filter({ hasText: CHIEF });
    expect(await own.getByRole('button').count()).toBe(0);
    expect(await own.getByRole('combobox').count()).toBe(0);
  });
});
