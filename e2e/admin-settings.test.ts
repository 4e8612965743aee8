/**
 * The editor-in-chief's screens in Chromium: the publication's settings reach the reader's
 * masthead, an invitation mailed from the users screen brings a writer in, and an editor's
 * choice of lead story leads the home page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { importArticles } from '../src/services/import-articles.js';
import { referencePath } from '../test/reference-data.js';
import { RecordingMailer } from '../test/test-app.js';
import {
  PASSWORD,
  notice,
  trackedWindows,
  signIn,
  startNewsroomSite,
  waitForReaderText,
  type NewsroomSite,
} from './admin-newsroom.js';
import { launchChromium } from './reader-site.js';

const CHIEF = 'chief@paper.example';
const EDITOR = 'editor@paper.example';
const NEW_CHIEF_NAME = 'Maryam bint Said Al Busaidi';
const INVITED = 'new.writer@paper.example';
const LEAD = 'Desalination plant doubles its output';

describe('the editor-in-chief’s screens in a browser', () => {
  let site: NewsroomSite;
  let browser: Browser;
  const mailer = new RecordingMailer();
  const windows = trackedWindows(() => browser);

  const openWindow = () => windows.open();

  beforeAll(async () => {
    site = await startNewsroomSite({ mailer });
    browser = await launchChromium();
    await site.addStaff('editor_in_chief', CHIEF, 'Amal Haddad');
    await site.addStaff('editor', EDITOR, 'Eid Editor');
  });

  afterAll(async () => {
    await windows.closeAll();
    await browser?.close();
    await site?.close();
  });

  it('changes the masthead’s editor-in-chief and the Hijri adjustment in the settings', async () => {
    const page = await signIn(await openWindow(), site.baseUrl, CHIEF);
    await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    const eic = page.getByLabel('Editor-in-chief');
    expect(await eic.inputValue()).toBe('Abdullah bin Salim Al Shueili');
    await eic.fill(NEW_CHIEF_NAME);
    await page.getByLabel('Hijri day adjustment').selectOption('1');

    // A bad latitude is refused: the summary at the top takes focus and leads to the field.
    await page.getByLabel('Latitude').fill('123');
    await page.getByRole('button', { name: 'Save settings' }).click();
    const summary = page.getByRole('group', { name: 'There is a problem' });
    await summary.waitFor();
    expect(await summary.evaluate((box) => box === document.activeElement)).toBe(true);
    expect(await page.getByLabel('Latitude').getAttribute('aria-invalid')).toBe('true');
    await page.locator('#settings-lat-error').waitFor();
    await summary.getByRole('link', { name: /^Latitude: / }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('settings-lat');

    await page.getByLabel('Latitude').fill('23.588');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await notice(page, 'Settings saved.');

    await waitForReaderText(`${site.baseUrl}/`, NEW_CHIEF_NAME);
    await page.reload();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    expect(await page.getByLabel('Hijri day adjustment').inputValue()).toBe('1');
    expect(await page.getByLabel('Editor-in-chief').inputValue()).toBe(NEW_CHIEF_NAME);
  });

  it('invites a writer, who follows the mailed link, chooses a password and is signed in', async () => {
    const chief = await signIn(await openWindow(), site.baseUrl, CHIEF);
    await chief.getByRole('navigation').getByRole('link', { name: 'Users' }).click();
    await chief.getByRole('heading', { name: 'Users' }).waitFor();
    await chief.getByRole('cell', { name: EDITOR }).waitFor();
    await chief.getByLabel('Email address').fill(INVITED);
    await chief.getByLabel('Role', { exact: true }).selectOption('writer');
    await chief.getByRole('button', { name: 'Send invitation' }).click();
    await notice(
      chief,
      `Invitation queued for ${INVITED} as writer: the mail goes out in a moment`,
    );
    await site.test.app.jobs.runDue();

    const token = mailer.lastTokenTo(INVITED);
    expect(token).toBeTruthy();
    const writer = await (await openWindow()).newPage();
    await writer.goto(`${site.baseUrl}/admin/invitation?token=${encodeURIComponent(token!)}`);
    await writer.getByRole('heading', { name: 'Join the newsroom' }).waitFor();
    await writer.getByLabel('Your name').fill('Nadia Writer');
    await writer.getByLabel('Choose a password').fill('short');
    await writer.getByRole('button', { name: 'Join the newsroom' }).click();
    await writer.locator('#invitation-password-error').waitFor();
    // A common password is refused with the reason, beside the field.
    await writer.getByLabel('Choose a password').fill('Dateline2024!');
    await writer.getByRole('button', { name: 'Join the newsroom' }).click();
    await writer
      .locator('#invitation-password-error')
      .filter({ hasText: 'must be harder to guess' })
      .waitFor();
    await writer.getByLabel('Choose a password').fill(PASSWORD);
    await writer.getByRole('button', { name: 'Join the newsroom' }).click();
    await writer.getByRole('heading', { name: 'Dashboard' }).waitFor();
    const banner = writer.getByRole('banner');
    expect(await banner.textContent()).toContain('Nadia Writer');
    // A writer is offered neither the settings nor the users screen.
    expect(await banner.getByRole('link', { name: 'Settings' }).count()).toBe(0);
    expect(await banner.getByRole('link', { name: 'Users' }).count()).toBe(0);

    await chief.reload();
    await chief.getByRole('cell', { name: INVITED }).waitFor();
  });

  it('lets an editor choose the lead story, which the home page then shows first', async () => {
    const { app } = site.test;
    const report = await importArticles(app.importDeps(referencePath('seed')), {
      headline: LEAD,
      section: 'World',
      dateline: 'BARKA',
      publishedAt: new Date(Date.now() - 60_000).toISOString(),
      body: ['The plant on the Batinah coast now supplies twice as many homes.'],
    });
    expect(report.failed).toEqual([]);
    app.publication.invalidate();

    const editor = await signIn(await openWindow(), site.baseUrl, EDITOR);
    await editor.getByRole('navigation').getByRole('link', { name: 'Front pages' }).click();
    await editor.getByRole('heading', { name: 'Front pages' }).waitFor();
    await editor.getByLabel('Lead story').selectOption({ label: LEAD });
    await editor.getByRole('button', { name: 'Save home page' }).click();
    await notice(editor, 'Home page saved.');

    const body = await waitForReaderText(`${site.baseUrl}/`, LEAD);
    const lead = /id="lead-headline"[^]*?<\/h2>/.exec(body)?.[0] ?? '';
    expect(lead).toContain(LEAD);
  });

  it('resets a forgotten password through the mailed link, from the sign-in page', async () => {
    const page = await (await openWindow()).newPage();
    await page.goto(`${site.baseUrl}/admin/`);
    await page.getByRole('heading', { name: 'Sign in to the newsroom' }).waitFor();
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
    await page.getByLabel('Email address').fill(INVITED);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await notice(page, 'a link to choose a new password is on its way');
    await site.test.app.jobs.runDue();

    const token = mailer.lastTokenTo(INVITED);
    expect(token).toBeTruthy();
    await page.goto(`${site.baseUrl}/admin/password-reset?token=${encodeURIComponent(token!)}`);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await page.getByLabel('New password').fill('Password123!');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page
      .locator('#reset-password-error')
      .filter({ hasText: 'similar to a commonly used password' })
      .waitFor();
    const fresh = 'a brand new passphrase for the desk';
    await page.getByLabel('New password').fill(fresh);
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await notice(page, 'Your password is changed');
    await page.getByRole('status').getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Email address').fill(INVITED);
    await page.getByLabel('Password').fill(fresh);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
  });
});
