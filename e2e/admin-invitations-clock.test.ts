/**
 * Invitations and the paper's clock in Chromium, with the browser in New York and the paper in
 * Muscat: the chief, with no mail server, copies an invitation's link and revokes another; a
 * scheduled story shows its time in Muscat, and the "Publish at" picker is read in Muscat time.
 * Screenshots of the users page on a phone and a laptop go to SCREENSHOT_DIR when it is set.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor } from '../src/domain/account/user.js';
import type { Actor } from '../src/domain/roles/role.js';
import { inviteUser } from '../src/services/accounts/invite-user.js';
import { createArticle } from '../src/services/articles/create-article.js';
import { articleDraftSchema } from '../src/domain/article/article-draft.js';
import { transitionArticle } from '../src/services/articles/transition-article.js';
import {
  LAPTOP_VIEWPORT,
  PASSWORD,
  notice,
  signIn,
  startNewsroomSite,
  type NewsroomSite,
  PHONE_VIEWPORT,
} from './admin-newsroom.js';
import { launchChromium } from './reader-site.js';

const CHIEF = 'chief@paper.example';
/** Not the paper's zone (Asia/Muscat), so every time must be converted. */
const FAR_ZONE = 'America/New_York';

/** The link as this test's server answers it: links in mail name the configured public address. */
const onSite = (link: string, baseUrl: string) => {
  const { pathname, search } = new URL(link);
  return `${baseUrl}${pathname}${search}`;
};

async function keepPicture(page: Page, name: string) {
  const dir = process.env.SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

describe('invitations and the paper’s clock in a browser', () => {
  let site: NewsroomSite;
  let browser: Browser;
  let chief: Actor;
  const windows: BrowserContext[] = [];

  const openWindow = async (viewport: { width: number; height: number } = LAPTOP_VIEWPORT) => {
    const context = await browser.newContext({ viewport, timezoneId: FAR_ZONE });
    context.setDefaultTimeout(10_000);
    windows.push(context);
    return context;
  };

  const draft = async (headline: string) => {
    const [section] = await site.test.app.storage.stores.sections.list();
    const paragraph = {
      type: 'paragraph' as const,
      content: [{ type: 'text' as const, text: headline }],
    };
    const { id } = await createArticle(
      site.test.app.newsroom,
      chief,
      articleDraftSchema.parse({
        headline,
        sectionId: section!.id,
        body: { type: 'doc', content: [paragraph] },
      }),
    );
    return id;
  };

  const inviteFromUsersPage = async (page: Page, email: string) => {
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Role', { exact: true }).selectOption('writer');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await notice(page, `Invitation made for ${email} as writer`);
  };

  beforeAll(async () => {
    site = await startNewsroomSite();
    browser = await launchChromium();
    await site.addStaff('editor_in_chief', CHIEF, 'Amal Haddad');
    const user = await site.test.app.storage.stores.users.findByEmail(CHIEF);
    chief = actorFor(user!, 'session');
  });

  afterAll(async () => {
    for (const context of windows.splice(0)) await context.close();
    await browser?.close();
    await site?.close();
  });

  it('lets the chief copy an invitation’s link with no mail server, and revoke another', async () => {
    const context = await openWindow();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: site.baseUrl,
    });
    const page = await signIn(context, site.baseUrl, CHIEF);
    // The header names the paper, not the software.
    const { settings } = await site.test.app.publication.current();
    expect(await page.locator('.brand').textContent()).toBe(`${settings.name} newsroom`);
    await page.getByRole('navigation').getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { name: 'Users' }).waitFor();

    await inviteFromUsersPage(page, 'kept@paper.example');
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByRole('button', { name: 'Copied' }).waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain('/admin/invitation?token=');
    expect(await page.getByLabel('Invitation link').inputValue()).toBe(link);

    await inviteFromUsersPage(page, 'dropped@paper.example');
    const droppedLink = await page.getByLabel('Invitation link').inputValue();
    const pending = page.getByRole('table', { name: 'Invitations not yet taken up' });
    const keptRow = pending.getByRole('row').filter({ hasText: 'kept@paper.example' });
    await keptRow.getByText('Amal Haddad').waitFor();
    expect(await keptRow.locator('time').first().innerText()).toMatch(/Muscat time \(GMT\+4\)$/);
    await keepPicture(page, 'users-invitations-1280');
    await pending
      .getByRole('button', { name: 'Revoke the invitation to dropped@paper.example' })
      .click();
    await notice(page, 'Invitation to dropped@paper.example revoked');
    await pending
      .getByRole('row')
      .filter({ hasText: 'dropped@paper.example' })
      .waitFor({ state: 'detached' });

    const phone = await (await openWindow(PHONE_VIEWPORT)).newPage();
    await phone.goto(onSite(droppedLink, site.baseUrl));
    await phone.getByRole('alert').filter({ hasText: 'withdrawn' }).waitFor();
    expect(await phone.getByLabel('Your name').count()).toBe(0);

    const invitee = await (await openWindow()).newPage();
    await invitee.goto(onSite(link, site.baseUrl));
    await invitee.getByText('You are invited as writer with kept@paper.example').waitFor();
    await invitee.getByLabel('Your name').fill('Kept Writer');
    await invitee.getByLabel('Choose a password').fill(PASSWORD);
    await invitee.getByRole('button', { name: 'Join the newsroom' }).click();
    await invitee.getByRole('heading', { name: 'Dashboard' }).waitFor();
  });

  it('shows the users page on a phone', async () => {
    const { accounts } = site.test.app;
    await inviteUser(accounts, chief, { email: 'waiting@paper.example', role: 'contributor' });
    const page = await signIn(await openWindow(PHONE_VIEWPORT), site.baseUrl, CHIEF);
    await page.goto(`${site.baseUrl}/admin/users`);
    await page.getByRole('button', { name: 'Resend to waiting@paper.example' }).waitFor();
    await keepPicture(page, 'users-invitations-390');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE_VIEWPORT.width);
  });

  it('shows a scheduled time in Muscat time, and schedules at a Muscat time', async () => {
    const shownId = await draft('Ferry timetable changes');
    await transitionArticle(site.test.app.newsroom, chief, shownId, {
      to: 'scheduled',
      publishAt: new Date('2030-01-15T10:30:00Z'),
    });
    const page = await signIn(await openWindow(), site.baseUrl, CHIEF);
    await page.goto(`${site.baseUrl}/admin/articles/${shownId}`);
    await page.getByText('15 Jan 2030, 14:30 Muscat time (GMT+4)').first().waitFor();

    const pickedId = await draft('Harbour festival opens');
    await page.goto(`${site.baseUrl}/admin/articles/${pickedId}`);
    await page.getByText('In the paper’s time: Muscat time (GMT+4)').waitFor();
    await page.getByLabel('Publish at').fill('2030-07-01T09:15');
    await page.getByRole('button', { name: 'Schedule' }).click();
    await notice(page, 'Scheduled.');
    const stored = await site.test.app.storage.stores.articles.findById(pickedId);
    expect(stored?.publishAt?.toISOString()).toBe('2030-07-01T05:15:00.000Z');
    await page.getByText('1 Jul 2030, 09:15 Muscat time (GMT+4)').first().waitFor();
  });
});
