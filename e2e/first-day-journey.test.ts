/**
 * A paper's first day on Dateline, in Chromium, from an empty database with no mail server (the
 * issue's "Done when"): the chief sets the paper up, makes sections and invites a writer and an
 * editor by copied links; the writer, on a phone, files a story with a photo under her byline;
 * the chief publishes it and follows "View on site"; the writer's edit of the live story waits
 * until the chief publishes it; two editors change different fields at once and readers get both.
 * Screenshots of the key steps go to SCREENSHOT_DIR when it is set.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PASSWORD,
  bodyBox,
  notice,
  startNewsroomSite,
  trackedWindows,
  typeAtEndOfBody,
  waitForReaderText,
  type NewsroomSite,
  PHONE_VIEWPORT,
} from './admin-newsroom.js';
import { launchChromium } from './reader-site.js';
import { jpegPhoto } from '../test/media-fixtures.js';

const LAPTOP = { width: 1280, height: 900 } as const;
const PAPER = 'The Gulf Ledger';
const CHIEF = { name: 'Amal Haddad', email: 'amal@ledger.example' };
const WRITER = { name: 'Nadia Rahman', email: 'nadia@ledger.example' };
const EDITOR = { name: 'Salim Farsi', email: 'salim@ledger.example' };
const PHOTO_FILE = 'souq-at-dusk.jpg';
const STORY = {
  headline: 'Old souq reopens after two years of repairs',
  standfirst: 'Traders return to the covered market in Mutrah.',
  paragraph: 'The first shops opened their shutters at dawn on Sunday.',
  alt: 'Lanterns hang over a narrow covered lane lined with shops.',
  credit: 'Ledger/Nadia Rahman',
};
const LIVE_EDIT = ' By noon more than forty shops were trading.';
const NEW_HEADLINE = 'Mutrah souq reopens after two years of repairs';
const NEW_STANDFIRST = 'Traders and shoppers return to the covered market.';

/** Keeps a picture of the page for a person to look at, when SCREENSHOT_DIR is set. */
async function keepPicture(page: Page, name: string) {
  const dir = process.env.SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: join(dir, `first-day-${name}.png`), fullPage: true });
}

/**
 * Waits for `done`, confirming on the way if the app asks first: in a dialog (the confirm
 * dialogs another change brings) or inline ("Yes, publish changes"). Works with either.
 */
async function confirmIfAsked(page: Page, done: Locator) {
  const dialog = page.getByRole('alertdialog').or(page.getByRole('dialog'));
  const inline = page.getByRole('group').getByRole('button', { name: /^Yes, / });
  await done.or(dialog).or(inline).first().waitFor();
  if (await dialog.isVisible())
    await dialog
      .getByRole('button', { name: /^(Yes|Confirm|Publish)/ })
      .first()
      .click();
  else if (await inline.isVisible()) await inline.click();
  await done.waitFor();
}

const navLink = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name, exact: true });

describe('a newsroom’s first day, from an empty database with no mail server', () => {
  let site: NewsroomSite;
  let browser: Browser;
  let chief: Page;
  let writer: Page;
  let editorUrl = '';
  let readerUrl = '';
  const links = { writer: '', editor: '' };
  const windows = trackedWindows(() => browser);

  beforeAll(async () => {
    site = await startNewsroomSite({}, { empty: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await windows.closeAll();
    await browser?.close();
    await site?.close();
  });

  it('sets the paper up from /admin: the chief’s account, its name and time zone', async () => {
    chief = await (await windows.open(LAPTOP)).newPage();
    // An empty install sends /admin straight to setup: there is nobody to sign in yet.
    await chief.goto(`${site.baseUrl}/admin`);
    await chief.getByRole('heading', { name: 'Set up your newspaper' }).waitFor();
    expect(new URL(chief.url()).pathname).toBe('/admin/setup');
    await chief.getByLabel('Your name').fill(CHIEF.name);
    await chief.getByLabel('Email address').fill(CHIEF.email);
    await chief.getByLabel('Password').fill(PASSWORD);
    await chief.getByRole('button', { name: 'Create the editor-in-chief’s account' }).click();
    await chief.getByRole('heading', { name: 'Dashboard' }).waitFor();

    await navLink(chief, 'Settings').click();
    await chief.getByLabel('Publication name').fill(PAPER);
    await chief.getByLabel('Time zone').fill('Asia/Muscat');
    await chief.getByRole('button', { name: 'Save settings' }).click();
    await notice(chief, 'Settings saved.');
    await chief.getByRole('link', { name: `${PAPER} newsroom` }).waitFor();
  });

  it('makes sections in the Sections page', async () => {
    await navLink(chief, 'Sections').click();
    await chief.getByRole('heading', { name: 'Sections', level: 1 }).waitFor();
    for (const name of ['Oman', 'Business']) {
      await chief.getByLabel('Name', { exact: true }).last().fill(name);
      await chief.getByRole('button', { name: 'Add section' }).click();
      await notice(chief, `${name} is added`);
    }
    await keepPicture(chief, 'sections-1280');
  });

  it('invites a writer and an editor, and with no mail server shows each link to copy', async () => {
    await navLink(chief, 'Users').click();
    await chief.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    for (const [role, person] of [
      ['writer', WRITER],
      ['editor', EDITOR],
    ] as const) {
      await chief.getByLabel('Email address').fill(person.email);
      await chief.getByLabel('Role', { exact: true }).selectOption(role);
      await chief.getByRole('button', { name: 'Send invitation' }).click();
      await notice(chief, `Invitation made for ${person.email} as ${role}`);
      await notice(chief, 'no mail server is set up, so copy its link below');
      links[role] = await chief.getByLabel('Invitation link').inputValue();
      expect(links[role]).toContain('/admin/invitation?token=');
    }
    await keepPicture(chief, 'invitation-link-1280');
  });

  it('lets the writer join on her phone and file a story with a photo under her byline', async () => {
    writer = await joinFromLink(await windows.open(PHONE_VIEWPORT), links.writer, WRITER.name);
    await keepPicture(writer, 'writer-dashboard-390');
    await navLink(writer, 'New article').click();
    await writer.getByRole('heading', { name: 'New article', level: 1 }).waitFor();
    await writer.getByLabel('Headline').fill(STORY.headline);
    await writer.getByLabel('Standfirst').fill(STORY.standfirst);
    await writer.getByLabel('Section').selectOption({ label: 'Oman' });
    await bodyBox(writer).click();
    await writer.keyboard.type(STORY.paragraph);
    // Today a new story is created with this button; a later change may save it by itself.
    const create = writer.getByRole('button', { name: 'Create draft' });
    if (await create.isVisible()) await create.click();
    await writer.getByRole('heading', { name: `Edit article: ${STORY.headline}` }).waitFor();
    editorUrl = writer.url();

    await addLeadPhoto(writer);
    await writer.getByRole('button', { name: 'Save', exact: true }).first().click();
    await notice(writer, 'Saved at');
    const bylines = writer.getByRole('group', { name: 'Bylines' });
    expect(await bylines.getByLabel(WRITER.name).isChecked()).toBe(true);
    await keepPicture(writer, 'writer-story-390');

    await writer.getByRole('button', { name: 'Submit for review' }).first().click();
    await confirmIfAsked(writer, writer.getByRole('status').filter({ hasText: 'Submitted' }));
  });

  it('has the chief publish it and follow “View on site” to her byline and photo', async () => {
    await navLink(chief, 'Dashboard').click();
    await chief.getByRole('link', { name: STORY.headline }).first().click();
    await chief.getByRole('heading', { name: `Edit article: ${STORY.headline}` }).waitFor();
    await chief.getByRole('button', { name: 'Publish', exact: true }).first().click();
    const published = chief.getByRole('status').filter({ hasText: 'Published.' });
    await confirmIfAsked(chief, published);
    await keepPicture(chief, 'published-1280');

    const [reader] = await Promise.all([
      chief.context().waitForEvent('page'),
      published.getByRole('link', { name: /^View on site/ }).click(),
    ]);
    await reader.getByRole('heading', { name: STORY.headline, level: 1 }).waitFor();
    readerUrl = reader.url();
    expect(new URL(readerUrl).pathname).toMatch(/^\/oman\/[a-z0-9-]+$/);
    const story = reader.getByRole('article');
    expect(await story.getByRole('img', { name: STORY.alt }).isVisible()).toBe(true);
    expect(await story.textContent()).toContain(STORY.credit);
    expect(await personsIn(reader)).toContainEqual(
      expect.objectContaining({ '@type': 'Person', name: WRITER.name }),
    );
    await keepPicture(reader, 'reader-story-1280');
    await story.getByRole('link', { name: WRITER.name }).click();
    await reader.getByRole('heading', { name: WRITER.name, level: 1 }).waitFor();
    expect(await reader.getByRole('link', { name: STORY.headline }).count()).toBeGreaterThan(0);
    await reader.close();
  });

  it('lists the live story with its “View on site” link, on a laptop and on a phone', async () => {
    for (const page of [chief, writer]) {
      await navLink(page, 'Articles').click();
      await page.getByRole('heading', { name: 'Articles', level: 1 }).waitFor();
      // The hidden headline is positioned apart, so the name may have a space before its colon.
      const name = new RegExp(`^View on site ?: ${STORY.headline} \\(opens in a new tab\\)$`);
      const link = page.getByRole('link', { name });
      expect(await link.getAttribute('href')).toBe(readerUrl);
    }
    await keepPicture(chief, 'articles-1280');
    await keepPicture(writer, 'articles-390');
  });

  it('keeps the writer’s edit of the live story from readers until the chief publishes it', async () => {
    await writer.goto(editorUrl);
    await writer.getByRole('heading', { name: `Edit article: ${STORY.headline}` }).waitFor();
    await typeAtEndOfBody(writer, LIVE_EDIT);
    await writer.getByRole('button', { name: 'Save', exact: true }).first().click();
    await notice(writer, 'Saved — not yet live');
    const banner = writer.getByRole('region', { name: 'Unpublished changes' });
    await banner.getByRole('button', { name: 'Ask an editor to publish' }).click();
    await confirmIfAsked(writer, writer.getByRole('status').filter({ hasText: 'Sent to the' }));
    await banner.getByText('waits for an editor').waitFor();
    expect(await banner.getByRole('button', { name: 'Ask an editor to publish' }).count()).toBe(0);
    await keepPicture(writer, 'writer-live-edit-390');
    expect(await readerText()).toContain(STORY.paragraph);
    expect(await readerText()).not.toContain(LIVE_EDIT.trim());

    await chief.goto(editorUrl);
    await publishChanges(chief);
    await waitForReaderText(readerUrl, LIVE_EDIT.trim());
  });

  it('merges two editors’ changes to different fields and puts both before readers', async () => {
    const editor = await joinFromLink(await windows.open(LAPTOP), links.editor, EDITOR.name);
    await Promise.all([chief.goto(editorUrl), editor.goto(editorUrl)]);
    for (const page of [chief, editor])
      await page.getByRole('heading', { name: `Edit article: ${STORY.headline}` }).waitFor();
    await chief.getByLabel('Headline').fill(NEW_HEADLINE);
    await editor.getByLabel('Standfirst').fill(NEW_STANDFIRST);
    await chief.getByRole('button', { name: 'Save', exact: true }).first().click();
    await notice(chief, 'Saved — not yet live');
    await editor.getByRole('button', { name: 'Save', exact: true }).first().click();
    await notice(editor, 'Saved — not yet live');
    expect(await editor.getByRole('alert').filter({ hasText: 'Someone else saved' }).count()).toBe(
      0,
    );
    expect(await editor.getByLabel('Headline').inputValue()).toBe(NEW_HEADLINE);
    await keepPicture(editor, 'merged-1280');

    await publishChanges(editor);
    const page = await waitForReaderText(readerUrl, NEW_HEADLINE);
    expect(page).toContain(NEW_STANDFIRST);
    expect(page).toContain(LIVE_EDIT.trim());
  });

  /** Opens an invitation's link in its own window, joins, and lands on the dashboard. */
  async function joinFromLink(context: BrowserContext, link: string, name: string) {
    const page = await context.newPage();
    await page.goto(link);
    await page.getByRole('heading', { name: 'Join the newsroom' }).waitFor();
    await page.getByLabel('Your name').fill(name);
    await page.getByLabel('Choose a password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Join the newsroom' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    return page;
  }

  /** Uploads the photo from the lead photo's picker, uses it, and words its alt text and credit. */
  async function addLeadPhoto(page: Page) {
    await page.getByRole('button', { name: 'Choose lead photo' }).click();
    const picker = page.getByRole('dialog', { name: 'Choose the lead photo' });
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      picker.getByRole('button', { name: 'Choose photos' }).click(),
    ]);
    const photo = await jpegPhoto({ width: 1200, height: 800 });
    await chooser.setFiles({ name: PHOTO_FILE, mimeType: 'image/jpeg', buffer: photo.bytes });
    // Offered once the upload is in the library; the file name follows for screen readers.
    await picker.getByRole('button', { name: /^Use this photo/ }).click({ timeout: 20_000 });
    const lead = page.getByRole('group', { name: 'Lead photo' });
    await lead.getByLabel('Alt text', { exact: true }).fill(STORY.alt);
    await lead.getByLabel('Credit', { exact: true }).fill(STORY.credit);
  }

  /** Publishes a live story's waiting changes from its banner. */
  async function publishChanges(page: Page) {
    const banner = page.getByRole('region', { name: 'Unpublished changes' });
    await banner.getByRole('button', { name: 'Publish changes' }).click();
    const published = page.getByRole('status').filter({ hasText: 'Changes published.' });
    await confirmIfAsked(page, published);
    expect(await published.getByRole('link', { name: /^View on site/ }).getAttribute('href')).toBe(
      readerUrl,
    );
  }

  /** The story's text as a reader gets it now. */
  async function readerText() {
    return (await fetch(readerUrl)).text();
  }

  /** The people JSON-LD names as authors on a reader page. */
  async function personsIn(page: Page): Promise<unknown[]> {
    const blocks = await page
      .locator('script[type="application/ld+json"]')
      .evaluateAll((scripts) => scripts.map((s) => s.textContent ?? ''));
    return blocks
      .map((text) => JSON.parse(text) as { author?: unknown })
      .flatMap((data) => (data.author === undefined ? [] : [data.author].flat()));
  }
});
