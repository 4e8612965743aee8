/**
 * The newsroom's journeys in Chromium, end to end: the first run, a story from a writer's draft
 * to the front page through an editor, a schedule that goes live by itself, a correction, and
 * two editors saving the same article without losing either text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  answerConfirmation,
  PASSWORD,
  TABLET_VIEWPORT,
  bodyBox,
  localInputValue,
  notice,
  trackedWindows,
  signIn,
  startNewsroomSite,
  typeAtEndOfBody,
  waitForReaderText,
  type NewsroomSite,
} from './admin-newsroom.js';
import { launchChromium } from './reader-site.js';
import { jpegPhoto } from '../test/media-fixtures.js';

const STORY = {
  headline: 'Water main reaches Al Amerat',
  standfirst: 'Four thousand homes are connected a year early.',
  firstParagraph: 'The new pipeline from the Barka desalination plant was opened on Tuesday.',
  linkText: 'Read the ministry statement',
  link: 'https://example.com/ministry-statement',
};
const SCHEDULED = 'Night market returns to Mutrah';
const CORRECTION = 'An earlier version gave the wrong number of homes.';

/** Opens the app's editor for a new article and fills what every article needs. */
async function startArticle(page: Page, headline: string, paragraph: string) {
  await page.getByRole('link', { name: 'New article' }).click();
  await page.getByRole('heading', { name: 'New article' }).waitFor();
  await page.getByLabel('Headline').fill(headline);
  await page.getByLabel('Section').selectOption({ label: 'World' });
  await bodyBox(page).click();
  await page.keyboard.type(paragraph);
}

/** Creates the draft and waits for the editor of the saved article. */
async function createDraft(page: Page, headline: string): Promise<number> {
  await page.getByRole('button', { name: 'Create draft' }).click();
  await page.getByRole('heading', { name: `Edit article: ${headline}` }).waitFor();
  return Number(/\/admin\/articles\/(\d+)$/.exec(page.url())?.[1]);
}

describe('the newsroom app in a browser', () => {
  let site: NewsroomSite;
  let browser: Browser;
  const windows = trackedWindows(() => browser);
  let storyId = 0;
  let scheduledId = 0;
  let editorPage: Page;

  const openWindow = (viewport?: { width: number; height: number }) => windows.open(viewport);
  const readerPage = async (path: string) => {
    const page = await (await openWindow()).newPage();
    await page.goto(`${site.baseUrl}${path}`);
    return page;
  };

  beforeAll(async () => {
    site = await startNewsroomSite();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await windows.closeAll();
    await browser?.close();
    await site?.close();
  });

  it('sends /admin on an empty install to the setup form, which makes the first account and opens the app', async () => {
    const page = await (await openWindow()).newPage();
    await page.goto(`${site.baseUrl}/admin`);
    expect(new URL(page.url()).pathname).toBe('/admin/setup');
    await page.getByLabel('Your name').fill('Amal Haddad');
    await page.getByLabel('Email address').fill('chief@paper.example');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: /Create the editor-in-chief/ }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/admin\/?$/);
    expect(await page.getByRole('banner').textContent()).toContain('Amal Haddad');

    await site.addStaff('writer', 'writer@paper.example', 'Wafa Writer');
    await site.addStaff('editor', 'editor@paper.example', 'Eid Editor');
    await site.addStaff('editor', 'second.editor@paper.example', 'Noor Editor');
  });

  it('takes a writer’s story with a link and a lead photo through review to the front page', async () => {
    // The writer files from a tablet.
    const writer = await signIn(
      await openWindow(TABLET_VIEWPORT),
      site.baseUrl,
      'writer@paper.example',
    );
    await startArticle(writer, STORY.headline, STORY.firstParagraph);
    await writer.getByLabel('Standfirst').fill(STORY.standfirst);
    await writer.keyboard.press('Tab');
    await typeAtEndOfBody(writer, STORY.linkText, true);
    await writer.keyboard.press('Shift+Home');
    await writer.getByRole('button', { name: 'Link', exact: true }).click();
    await writer.getByLabel('Link address').fill(STORY.link);
    await writer.getByRole('button', { name: 'Apply link' }).click();
    expect(await bodyBox(writer).locator(`a[href="${STORY.link}"]`).textContent()).toBe(
      STORY.linkText,
    );

    // The writer uploads the photo from the tablet, straight from the lead-photo picker.
    await writer.getByRole('button', { name: 'Choose lead photo' }).click();
    const picker = writer.getByRole('dialog', { name: 'Choose the lead photo' });
    await picker.locator('#picker-upload-input').setInputFiles({
      name: 'souq-at-dusk.jpg',
      mimeType: 'image/jpeg',
      buffer: (await jpegPhoto({ width: 1200, height: 800 })).bytes,
    });
    await picker
      .getByRole('button', { name: /Use this photo/ })
      .first()
      .click({ timeout: 20_000 });
    await writer.getByLabel('Alt text').fill('Shoppers under the lamps of Muttrah souq at dusk');

    storyId = await createDraft(writer, STORY.headline);
    // A writer may not choose other people's bylines.
    await writer
      .getByRole('group', { name: 'Bylines' })
      .getByText('Only editors change bylines.')
      .waitFor();
    await writer.getByRole('button', { name: 'Submit for review' }).click();
    await notice(writer, 'Submitted for review.');

    const editorWindow = await openWindow();
    editorPage = await signIn(editorWindow, site.baseUrl, 'editor@paper.example');
    const review = editorPage.getByRole('region', { name: 'In review' });
    await review.getByRole('link', { name: STORY.headline }).click();
    await editorPage.getByRole('heading', { name: `Edit article: ${STORY.headline}` }).waitFor();
    await editorPage.getByLabel('Dateline').fill('Muscat');
    await editorPage.getByRole('button', { name: 'Publish' }).click();
    await answerConfirmation(editorPage, 'Yes, publish');
    await notice(editorPage, 'Published.');

    const slug = await editorPage.getByLabel('Slug').inputValue();
    const front = await readerPage('/');
    await front.getByRole('link', { name: STORY.headline }).first().waitFor();
    const section = await readerPage('/world');
    await section.getByRole('link', { name: STORY.headline }).first().click();
    await section.waitForURL(`**/world/${slug}`);
    expect(await section.getByRole('link', { name: STORY.linkText }).getAttribute('href')).toBe(
      STORY.link,
    );
    expect(await section.locator('main img').first().getAttribute('alt')).toBe(
      'Shoppers under the lamps of Muttrah souq at dusk',
    );
    expect(await section.locator('.lead-figure picture source[type="image/avif"]').count()).toBe(1);
  });

  it('puts a scheduled article on the site by itself when its time comes', async () => {
    await startArticle(editorPage, SCHEDULED, 'Stalls open at sunset along the corniche.');
    scheduledId = await createDraft(editorPage, SCHEDULED);
    // The browser's wall clock in its own zone; the app must send the right instant.
    const publishAt = new Date(Date.now() + 8_000);
    await editorPage.getByLabel('Publish at').fill(localInputValue(publishAt));
    await editorPage.getByRole('button', { name: 'Schedule' }).click();
    await notice(editorPage, 'Scheduled.');
    expect(await readerHasHeadline(site.baseUrl, SCHEDULED)).toBe(false);

    await waitForReaderText(`${site.baseUrl}/`, SCHEDULED);
    expect(Date.now()).toBeGreaterThanOrEqual(publishAt.getTime() - 1_000);
    await waitForReaderText(`${site.baseUrl}/world`, SCHEDULED);
  });

  it('prints a correction at the foot of the article page', async () => {
    await editorPage.goto(`${site.baseUrl}/admin/articles/${storyId}`);
    await editorPage.getByLabel('What was corrected').fill(CORRECTION);
    await editorPage.getByRole('button', { name: 'Add correction' }).click();
    await notice(editorPage, 'Correction added.');

    const slug = await editorPage.getByLabel('Slug').inputValue();
    const article = await readerPage(`/world/${slug}`);
    const correction = article.getByText(CORRECTION);
    await correction.waitFor();
    // At the foot: after the story's body, not in it.
    expect(await article.locator('.story-body ~ *').filter({ hasText: CORRECTION }).count()).toBe(
      1,
    );
  });

  it('keeps both texts when two editors save the same article, and says so to the second', async () => {
    const first = editorPage;
    await first.goto(`${site.baseUrl}/admin/articles/${storyId}`);
    await first.getByRole('heading', { name: `Edit article: ${STORY.headline}` }).waitFor();
    const second = await signIn(await openWindow(), site.baseUrl, 'second.editor@paper.example');
    await second.goto(`${site.baseUrl}/admin/articles/${storyId}`);
    // The writer still has it open too.
    await second.getByText(/Eid Editor.* also editing this article/).waitFor();

    // Both change the standfirst, each differently: the one change a merge cannot make alone,
    // whichever place in the body each caret lands.
    await first.getByLabel('Standfirst').fill('The first editor’s summary.');
    await typeAtEndOfBody(first, 'First editor’s addition.', true);
    await first.getByRole('button', { name: 'Save', exact: true }).click();
    // The story is live: the save waits as its next version.
    await notice(first, 'Saved — not yet live');

    await second.getByLabel('Standfirst').fill('The second editor’s summary.');
    await typeAtEndOfBody(second, 'Second editor’s addition.', true);
    await second.getByRole('button', { name: 'Save', exact: true }).click();
    const panel = second.getByRole('alert').filter({ hasText: 'Someone else saved this article' });
    await panel.waitFor();
    const panelText = (await panel.textContent()) ?? '';
    const kept = Number(/kept as revision (\d+)/.exec(panelText)?.[1]);
    const theirs = Number(/Their version is revision (\d+)/.exec(panelText)?.[1]);
    expect(kept).toBeGreaterThan(theirs);
    // The second editor's text is still in front of them.
    expect(await bodyBox(second).textContent()).toContain('Second editor’s addition.');

    const [history] = await Promise.all([
      second.context().waitForEvent('page'),
      panel.getByRole('link', { name: /^Compare revision/ }).click(),
    ]);
    const row = history.getByRole('row').filter({ hasText: 'Conflict (kept, not current)' });
    await row.waitFor();
    expect(await row.getByRole('rowheader').textContent()).toBe(String(kept));
    const differences = history.getByLabel('Differences');
    await differences.waitFor();
    // Word by word: only the words that differ are struck through or underlined.
    expect((await differences.locator('del').allTextContents()).join(' ')).toContain('First');
    expect((await differences.locator('ins').allTextContents()).join(' ')).toContain('Second');
    expect(await differences.textContent()).toContain('editor’s addition.');

    // Bringing the second editor's text back makes it the current revision again.
    await history.getByRole('button', { name: `Restore revision ${kept}` }).click();
    await answerConfirmation(history, 'Yes, restore it');
    await history.getByRole('heading', { name: `Edit article: ${STORY.headline}` }).waitFor();
    expect(await bodyBox(history).textContent()).toContain('Second editor’s addition.');

    const { stores } = site.test.app.storage;
    const firstSave = await stores.revisions.get(storyId, theirs);
    const conflict = await stores.revisions.get(storyId, kept);
    expect(JSON.stringify(firstSave?.snapshot.body)).toContain('First editor’s addition.');
    expect(conflict?.kind).toBe('conflict');
    expect(JSON.stringify(conflict?.snapshot.body)).toContain('Second editor’s addition.');
  });

  it('brings back text this browser kept when the window closed before it was saved', async () => {
    const words = 'Typed just before the window closed.';
    const context = editorPage.context();
    const lost = await context.newPage();
    await lost.goto(`${site.baseUrl}/admin/articles/${scheduledId}`);
    await lost.getByRole('heading', { name: `Edit article: ${SCHEDULED}` }).waitFor();
    await typeAtEndOfBody(lost, words, true);
    await lost.waitForFunction(
      (key) => window.localStorage.getItem(key) !== null,
      `dateline:unsaved:${scheduledId}`,
    );
    await lost.close();

    const back = await context.newPage();
    await back.goto(`${site.baseUrl}/admin/articles/${scheduledId}`);
    const offer = back.getByRole('alert').filter({ hasText: 'Unsaved text from this browser' });
    await offer.getByRole('button', { name: 'Bring back my unsaved text' }).click();
    expect(await bodyBox(back).textContent()).toContain(words);
    await back.getByRole('button', { name: 'Save', exact: true }).click();
    // The story went live meanwhile: the text is saved as its next version, not yet shown.
    await notice(back, 'Saved — not yet live');
    const { stores } = site.test.app.storage;
    const latest = (await stores.articles.findById(scheduledId))?.revision ?? 0;
    const saved = await stores.revisions.get(scheduledId, latest);
    expect(JSON.stringify(saved?.snapshot.body)).toContain(words);
    await back.close();
  });

  it('kills a story only after asking, and the site answers Gone for it', async () => {
    // A tab in the background gets few animation frames: the editor's tab comes to the front.
    await editorPage.bringToFront();
    await editorPage.goto(`${site.baseUrl}/admin/articles/${scheduledId}`);
    const slug = await editorPage.getByLabel('Slug').inputValue();
    await editorPage.getByRole('button', { name: 'Kill…' }).click();
    await editorPage.getByRole('button', { name: 'Keep it' }).click();
    await editorPage.getByRole('button', { name: 'Kill…' }).click();
    await editorPage.getByRole('button', { name: 'Yes, kill this story' }).click();
    await notice(editorPage, 'Killed.');
    await editorPage.getByText('This story was killed.').waitFor();
    expect(await editorPage.getByLabel('Headline').isDisabled()).toBe(true);
    expect((await fetch(`${site.baseUrl}/world/${slug}`)).status).toBe(410);
  });
});

async function readerHasHeadline(baseUrl: string, headline: string) {
  return (await (await fetch(`${baseUrl}/`)).text()).includes(headline);
}
