/**
 * Every page of the newsroom app, at a phone's width and a laptop's, on a paper with something
 * on every page: axe finds nothing, and no page scrolls sideways. The phone pictures are
 * written to SCREENSHOT_DIR when it is set, to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paragraphs } from '../test/article-desk.js';
import {
  bodyBox,
  newWindow,
  PASSWORD,
  signIn,
  startNewsroomSite,
  type NewsroomSite,
  PHONE_VIEWPORT,
} from './admin-newsroom.js';
import { launchChromium } from './reader-site.js';
import { axeViolations } from './validators/axe-check.js';

const VIEWPORTS = [PHONE_VIEWPORT, { width: 1280, height: 800 }];

interface Visit {
  path: string;
  heading: string | RegExp;
}

/** The reference article: published, with its section and lead photo. */
const PUBLISHED_ID = 1;

/** The newsroom API as a signed-in browser calls it: its cookie and its CSRF token. */
async function apiAs(baseUrl: string, email: string) {
  const signedIn = await fetch(`${baseUrl}/api/admin/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
  const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return async <T>(url: string, body: object, method = 'POST'): Promise<T> => {
    const response = await fetch(`${baseUrl}${url}`, {
      method,
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify(body),
    });
    expect(response.status, `${url}: ${await response.clone().text()}`).toBeLessThan(300);
    return (await response.json()) as T;
  };
}

/** A draft with two revisions, a second section, a pending invitation, a token, a key and a webhook. */
async function fillThePaper(site: NewsroomSite) {
  await site.addStaff('writer', 'writer@paper.example', 'Wafa Writer');
  const post = await apiAs(site.baseUrl, 'chief@paper.example');
  const section = await post<{ id: number }>('/api/admin/sections', { name: 'Business' });
  const draft = await post<{ id: number }>('/api/admin/articles', {
    headline: 'Port of Sohar handles a record tonnage as the new berths open to container ships',
    sectionId: section.id,
    body: paragraphs('The port said on Sunday that the new berths had doubled its capacity.'),
  });
  const standfirst = 'Container lines are expected to call weekly from next month.';
  await post(`/api/admin/articles/${draft.id}`, { revision: 1, standfirst }, 'PATCH');
  const invited = await post<{ mail: { link?: string } }>('/api/admin/invitations', {
    email: 'new.reporter@paper.example',
    role: 'writer',
  });
  await post('/api/admin/tokens', { name: 'wire importer' });
  await post('/api/admin/content-keys', { name: 'Partner app' });
  await post('/api/admin/webhooks', {
    url: 'https://hooks.partner.example/dateline',
    events: ['article.published'],
  });
  const link = new URL(invited.mail.link ?? '');
  return { draftId: draft.id, invitation: `${link.pathname}${link.search}` };
}

/** Waits for the page's heading and for its lists to load, then checks it at this width. */
async function checkPage(page: Page, visit: Visit, width: number) {
  await page.getByRole('heading', { name: visit.heading, level: 1 }).waitFor();
  await page.waitForFunction(() => !document.querySelector('.loading'));
  const sideways = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  const dir = process.env.SCREENSHOT_DIR;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    const name = `${width}${visit.path.replace(/[^a-z0-9]+/gi, '-')}.png`;
    await page.screenshot({ path: join(dir, name), fullPage: true });
  }
  expect
    .soft(sideways.scrollWidth, `${visit.path} scrolls sideways`)
    .toBeLessThanOrEqual(sideways.clientWidth);
  expect.soft(await axeViolations(page), visit.path).toEqual([]);
}

describe('every newsroom page at a phone’s and a laptop’s width', () => {
  let site: NewsroomSite;
  let browser: Browser;

  beforeAll(async () => {
    site = await startNewsroomSite();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it.each(VIEWPORTS)(
    'sends an empty install’s /admin to setup, clean at $width px',
    async (viewport) => {
      const page = await (await newWindow(browser, viewport)).newPage();
      await page.goto(`${site.baseUrl}/admin`);
      expect(new URL(page.url()).pathname).toBe('/admin/setup');
      await checkPage(page, { path: '/admin/setup', heading: /Set up/ }, viewport.width);
      await page.context().close();
    },
  );

  it('makes the first account through setup, and its dashboard lists what is left to do', async () => {
    const page = await (await newWindow(browser, PHONE_VIEWPORT)).newPage();
    await page.goto(`${site.baseUrl}/admin/sign-in`);
    await page.getByLabel('Your name').fill('Amal Haddad');
    await page.getByLabel('Email address').fill('chief@paper.example');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: /Create the editor-in-chief/ }).click();
    const checklist = page.getByRole('region', { name: 'Getting the paper ready' });
    await checklist.waitFor();
    // The reference paper has its settings, a section and a published story: only the invite is left.
    expect(await checklist.getByRole('listitem').allTextContents()).toEqual([
      'DoneName the paper and set its time zone',
      'DoneMake the sections stories are filed in',
      'To doInvite someone to the newsroom',
      'DonePublish the first story',
    ]);
    await checkPage(page, { path: '/admin/#first-run', heading: 'Dashboard' }, 390);
    await checklist.getByRole('link', { name: 'Invite someone to the newsroom' }).click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await page.context().close();
  });

  describe('once the paper has people, stories and integrations', () => {
    let paper: Awaited<ReturnType<typeof fillThePaper>>;
    beforeAll(async () => {
      paper = await fillThePaper(site);
    });

    const signedIn = (): Visit[] => [
      { path: '/admin/', heading: 'Dashboard' },
      { path: '/admin/articles', heading: 'Articles' },
      { path: '/admin/articles/new', heading: 'New article' },
      { path: `/admin/articles/${paper.draftId}`, heading: /^Edit article/ },
      { path: `/admin/articles/${PUBLISHED_ID}`, heading: /^Edit article/ },
      { path: `/admin/articles/${paper.draftId}/history`, heading: /^History of/ },
      { path: '/admin/media', heading: 'Photos' },
      { path: '/admin/homepage', heading: 'Front pages' },
      { path: '/admin/breaking-news', heading: 'Breaking news' },
      { path: '/admin/wire', heading: 'Wire' },
      { path: '/admin/wire/sources', heading: 'Wire sources' },
      { path: '/admin/sections', heading: 'Sections' },
      { path: '/admin/people', heading: 'Bylines' },
      { path: '/admin/profile', heading: 'Your profile' },
      { path: '/admin/settings', heading: 'Settings' },
      { path: '/admin/users', heading: 'Users' },
      { path: '/admin/tokens', heading: 'API tokens' },
      { path: '/admin/content-keys', heading: 'Content API keys' },
      { path: '/admin/webhooks', heading: 'Webhooks' },
      { path: '/admin/audit', heading: 'Audit trail' },
    ];
    const signedOut = (): Visit[] => [
      { path: '/admin/sign-in', heading: 'Sign in to the newsroom' },
      { path: '/admin/setup', heading: /already set up/ },
      { path: paper.invitation, heading: 'Join the newsroom' },
      { path: '/admin/password-reset', heading: 'Reset your password' },
      { path: '/admin/password-reset?token=abc', heading: 'Choose a new password' },
    ];

    it.each(VIEWPORTS)(
      'passes on every page signed in as the editor-in-chief at $width px',
      async (viewport) => {
        const page = await signIn(
          await newWindow(browser, viewport),
          site.baseUrl,
          'chief@paper.example',
        );
        for (const visit of signedIn()) {
          await page.goto(`${site.baseUrl}${visit.path}`);
          await checkPage(page, visit, viewport.width);
        }
        await page.context().close();
      },
    );

    it('keeps the editor’s Save and Publish on a phone’s screen, clear of the field being typed in', async () => {
      const page = await signIn(
        await newWindow(browser, PHONE_VIEWPORT),
        site.baseUrl,
        'chief@paper.example',
      );
      await page.goto(`${site.baseUrl}/admin/articles/${paper.draftId}`);
      const bar = page.getByRole('group', { name: 'Save and publish' });
      const publish = bar.getByRole('button', { name: 'Publish', exact: true });
      await publish.waitFor();
      await bodyBox(page).click();
      for (const button of [bar.getByRole('button', { name: 'Save' }), publish]) {
        const box = await button.boundingBox();
        expect(box?.y).toBeGreaterThan(0);
        expect((box?.y ?? PHONE_VIEWPORT.height) + (box?.height ?? 0)).toBeLessThanOrEqual(
          PHONE_VIEWPORT.height,
        );
      }
      // A field at the very bottom of the screen, under the bar, scrolls clear of it on focus.
      const signOff = page.getByLabel('Sign-off');
      await signOff.evaluate((field) => {
        window.scrollBy(0, field.getBoundingClientRect().bottom - window.innerHeight + 4);
      });
      await signOff.focus();
      const [field, barBox] = [await signOff.boundingBox(), await bar.boundingBox()];
      expect((field?.y ?? 0) + (field?.height ?? 0)).toBeLessThanOrEqual(barBox?.y ?? 0);
      if (process.env.SCREENSHOT_DIR)
        await page.screenshot({ path: join(process.env.SCREENSHOT_DIR, 'phone-editor-bar.png') });
      // The keyboard reaches Save right after the form's last field.
      await page.evaluate(() => {
        const fields = document.querySelectorAll<HTMLElement>(
          '#article-form :is(input, select, textarea, button, [contenteditable="true"])',
        );
        [...fields]
          .filter((f) => !f.closest('.action-bar'))
          .at(-1)
          ?.focus();
      });
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Save');
      await page.context().close();
    });

    it.each(VIEWPORTS)('passes on every signed-out page at $width px', async (viewport) => {
      const page = await (await newWindow(browser, viewport)).newPage();
      for (const visit of signedOut()) {
        await page.goto(`${site.baseUrl}${visit.path}`);
        await checkPage(page, visit, viewport.width);
      }
      await page.context().close();
    });
  });
});
