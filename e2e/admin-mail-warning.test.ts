/**
 * The editor-in-chief learns in the browser when mail is not getting out: an invitation made
 * while the mail server is down is queued, and the dashboard and the users screen say that
 * mail is waiting, with the server's last error, on a phone and on a laptop alike. A newsroom
 * without a mail server is told where its links went instead.
 * Set SCREENSHOT_DIR to keep a picture of each screen.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmtpMailer } from '../src/adapters/mail/smtp-mailer.js';
import { deadPort } from '../test/smtp-server.js';
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

const CHIEF = 'chief@paper.example';

/** Keeps a full-page picture when SCREENSHOT_DIR asks for one. */
async function keepPicture(page: Page, name: string) {
  const dir = process.env.SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/** Invites someone from the users screen and waits for the app's answer. */
async function invite(page: Page, email: string, answer: string) {
  await page.getByRole('navigation').getByRole('link', { name: 'Users' }).click();
  await page.getByRole('heading', { name: 'Users' }).waitFor();
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Role', { exact: true }).selectOption('writer');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await notice(page, answer);
}

describe('mail trouble, shown in the browser', () => {
  let down: NewsroomSite;
  let logged: NewsroomSite;
  let browser: Browser;
  const windows = trackedWindows(() => browser);

  beforeAll(async () => {
    const port = await deadPort();
    down = await startNewsroomSite({
      mailer: new SmtpMailer(`smtp://127.0.0.1:${port}`, 'newsroom@paper.example'),
    });
    logged = await startNewsroomSite();
    browser = await launchChromium();
    for (const site of [down, logged]) await site.addStaff('editor_in_chief', CHIEF, 'Amal Haddad');
  });
  afterAll(async () => {
    await windows.closeAll();
    await browser?.close();
    await down?.close();
    await logged?.close();
  });

  it('queues an invitation while the mail server is down, then warns on the dashboard and the users screen', async () => {
    const page = await signIn(await windows.open(), down.baseUrl, CHIEF);
    await invite(page, 'waiting@paper.example', 'Invitation queued for waiting@paper.example');
    await down.test.app.jobs.runDue();

    for (const [viewport, size] of [
      [PHONE_VIEWPORT, '390'],
      [LAPTOP_VIEWPORT, '1280'],
    ] as const) {
      const window = await signIn(await windows.open(viewport), down.baseUrl, CHIEF);
      const warning = window.getByRole('region', { name: 'Mail is not being delivered' });
      await warning.waitFor();
      expect(await warning.textContent()).toMatch(
        /1 mail could not be sent and will be tried again[^]*Last error: invitation mail to waiting@paper\.example not sent \(attempt 1, will retry\): connect ECONNREFUSED[^]*Next attempt:/,
      );
      const box = await warning.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
      await keepPicture(window, `mail-warning-dashboard-${size}`);
      await window.getByRole('navigation').getByRole('link', { name: 'Users' }).click();
      await window.getByRole('heading', { name: 'Users' }).waitFor();
      await warning.waitFor();
      await keepPicture(window, `mail-warning-users-${size}`);
    }
  });

  it('says where the link went when no mail server is set up', async () => {
    const page = await signIn(await windows.open(), logged.baseUrl, CHIEF);
    expect(await page.getByRole('region', { name: 'Mail is not being delivered' }).count()).toBe(0);
    await invite(
      page,
      'trial@paper.example',
      'Invitation made for trial@paper.example as writer: no mail server is set up',
    );
    await page.getByRole('note').filter({ hasText: 'written to the server’s log' }).waitFor();
    await keepPicture(page, 'mail-log-note-users-1280');
  });
});
