/**
 * The audit trail in Chromium: the editor-in-chief finds a failed sign-in, timed in the paper's
 * zone whatever the browser's, and narrows the list to it; an editor gets no such page.
 * Screenshots of the page on a phone and a laptop go to the temporary folder.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LAPTOP_VIEWPORT,
  signIn,
  startNewsroomSite,
  type NewsroomSite,
  PHONE_VIEWPORT,
} from './admin-newsroom.js';
import { launchChromium } from './reader-site.js';

const CHIEF = 'chief@paper.example';
const EDITOR = 'editor@paper.example';
const INTRUDER = 'guess@paper.example';
/** Not the paper's zone (Asia/Muscat), so the page must convert. */
const FAR_ZONE = 'America/New_York';

describe('the audit trail in a browser', () => {
  let site: NewsroomSite;
  let browser: Browser;
  const windows: BrowserContext[] = [];

  const openWindow = async (viewport: { width: number; height: number } = LAPTOP_VIEWPORT) => {
    const context = await browser.newContext({ viewport, timezoneId: FAR_ZONE });
    context.setDefaultTimeout(10_000);
    windows.push(context);
    return context;
  };

  /** A sign-in with a wrong password, through the form, as an attacker would try it. */
  async function failToSignIn(email: string) {
    const page = await (await openWindow()).newPage();
    await page.goto(`${site.baseUrl}/admin/`);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill('letmein-letmein');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'incorrect' }).waitFor();
  }

  const openAuditTrail = async (page: Page) => {
    await page.getByRole('navigation').getByRole('link', { name: 'Audit trail' }).click();
    await page.getByRole('heading', { name: 'Audit trail' }).waitFor();
  };

  beforeAll(async () => {
    site = await startNewsroomSite();
    browser = await launchChromium();
    await site.addStaff('editor_in_chief', CHIEF, 'Amal Haddad');
    await site.addStaff('editor', EDITOR, 'Eid Editor');
  });

  afterAll(async () => {
    for (const context of windows.splice(0)) await context.close();
    await browser?.close();
    await site?.close();
  });

  it('shows the editor-in-chief a failed sign-in, in the paper’s time zone', async () => {
    await failToSignIn(INTRUDER);
    const [failure] = await site.test.app.storage.stores.audit.list({
      event: 'sign_in.failed',
      limit: 1,
      offset: 0,
    });
    expect(failure?.details).toMatchObject({ email: INTRUDER });
    const page = await signIn(await openWindow(), site.baseUrl, CHIEF);
    await openAuditTrail(page);
    await page.getByText('Times in Asia/Muscat').waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Sign-in failed' });
    await row.getByText(`email: ${INTRUDER}`).waitFor();
    const shown = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Muscat',
      dateStyle: 'medium',
      timeStyle: 'medium',
    }).format(failure?.at);
    expect(await row.locator('time').innerText()).toBe(shown);
    expect(await row.getByRole('cell').nth(2).innerText()).toBe('Not signed in');

    await page.getByLabel('Event').selectOption('sign_in.failed');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/\/admin\/audit\?event=sign_in\.failed$/);
    await expect.poll(() => page.getByRole('row').count()).toBe(2);
    await page.screenshot({ path: join(tmpdir(), 'dateline-audit-1280.png'), fullPage: true });

    await page.getByLabel('Person').fill('nobody-at-all');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByText('Nothing in the trail matches.').waitFor();
  });

  it('fits a phone: one card per entry, nothing wider than the screen', async () => {
    await failToSignIn(INTRUDER);
    const page = await signIn(await openWindow(PHONE_VIEWPORT), site.baseUrl, CHIEF);
    await page.goto(`${site.baseUrl}/admin/audit`);
    await page.getByRole('row').filter({ hasText: 'Sign-in failed' }).first().waitFor();
    await page.screenshot({ path: join(tmpdir(), 'dateline-audit-390.png'), fullPage: true });
    // What sticks out, named, should the page ever be wider than the phone.
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .slice(0, 8)
        .map(
          (el) => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`,
        ),
    );
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `wider than the screen: ${wide.join(', ')}`).toBeLessThanOrEqual(0);
  });

  it('gives an editor no audit page, and the API refuses them', async () => {
    const page = await signIn(await openWindow(), site.baseUrl, EDITOR);
    expect(await page.getByRole('link', { name: 'Audit trail' }).count()).toBe(0);
    await page.goto(`${site.baseUrl}/admin/audit`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    const status = await page.evaluate(async () => (await fetch('/api/admin/audit')).status);
    expect(status).toBe(403);
  });
});
