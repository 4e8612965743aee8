/**
 * The newsroom app's pages checked with axe-core (WCAG 2.2 A and AA, and best practice), signed
 * in, in the states people work in: the editor with its link form and photo picker open.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LAPTOP_VIEWPORT,
  newWindow,
  signIn,
  startNewsroomSite,
  type NewsroomSite,
} from './admin-newsroom.js';
import { launchChromium } from './reader-site.js';
import { axeViolations } from './validators/axe-check.js';

describe('the newsroom app’s accessibility', () => {
  let site: NewsroomSite;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    site = await startNewsroomSite();
    await site.addStaff('editor', 'editor@paper.example', 'Eid Editor');
    await site.addStaff('editor_in_chief', 'chief@paper.example', 'Amal Haddad');
    browser = await launchChromium();
    page = await signIn(await newWindow(browser), site.baseUrl, 'editor@paper.example');
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  const check = async (path: string, heading: string | RegExp) => {
    await page.goto(`${site.baseUrl}${path}`);
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  };

  it('has no violations on the dashboard, the article list and the history', async () => {
    await check('/admin/', 'Dashboard');
    await check('/admin/articles', 'Articles');
    await check('/admin/articles/1/history', /^History of/);
  });

  it('has no violations in the editor, with its link form and photo picker open', async () => {
    await check('/admin/articles/1', /^Edit article/);
    await page.getByRole('button', { name: 'Link', exact: true }).click();
    await page.getByLabel('Link address').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Insert photo' }).click();
    await page.getByRole('dialog').getByRole('button').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('has no violations on a new article', async () => {
    await check('/admin/articles/new', 'New article');
  });

  it('has no violations with text kept in the browser, an error summary and a confirmation open, on a phone and a laptop', async () => {
    const atBothWidths = async () => {
      for (const width of [390, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        expect(await axeViolations(page)).toEqual([]);
        const { scrollWidth, clientWidth } = await page.evaluate(() => {
          const { scrollWidth, clientWidth } = document.documentElement;
          return { scrollWidth, clientWidth };
        });
        expect(scrollWidth, `nothing scrolls sideways at ${width} px`).toBeLessThanOrEqual(
          clientWidth,
        );
      }
      await page.setViewportSize({ width: 1280, height: 900 });
    };
    await page.evaluate(() => {
      const draft = { headline: 'Kept', body: { type: 'doc', content: [] }, tags: [] };
      const kept = { draft, base: {}, revision: 0, at: new Date().toISOString() };
      window.localStorage.setItem('dateline:unsaved:new', JSON.stringify(kept));
    });
    await check('/admin/articles/new', 'New article');
    await page.getByRole('button', { name: 'Discard it' }).waitFor();
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.getByRole('group', { name: 'There is a problem' }).waitFor();
    await atBothWidths();

    await page.getByLabel('Headline').fill('A story to confirm');
    await page.getByLabel('Section').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.getByRole('heading', { name: 'Edit article: A story to confirm' }).waitFor();
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('dialog').waitFor();
    await atBothWidths();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  });

  it('has no violations in the photo library, with a photo’s details open', async () => {
    await check('/admin/media', 'Photos');
    await page.getByRole('region', { name: 'Library' }).getByRole('button').first().click();
    await page
      .getByRole('region', { name: 'Photo details' })
      .getByText('Where it’s used')
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('has no violations on the sections, with a rename form open', async () => {
    await check('/admin/sections', 'Sections');
    await page.getByRole('button', { name: 'Rename' }).first().click();
    await page.getByLabel('Address', { exact: true }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('has no violations on one’s profile and the bylines, with a profile’s form open', async () => {
    await check('/admin/profile', 'Your profile');
    await check('/admin/people', 'Bylines');
    await page.getByRole('button', { name: /^Edit/ }).first().click();
    await page.getByLabel('Kind').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('has no violations on the fronts’ running order, with a story chosen and the preview open', async () => {
    await check('/admin/homepage', 'Front pages');
    await page.getByLabel('Add a top story').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Add to top stories' }).click();
    await page.getByRole('button', { name: 'Show preview' }).click();
    await page.frameLocator('#preview-frame').locator('main').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize(LAPTOP_VIEWPORT);
  });

  it('has no violations on the settings and users screens, with an override row open', async () => {
    const chief = await signIn(await newWindow(browser), site.baseUrl, 'chief@paper.example');
    await chief.goto(`${site.baseUrl}/admin/settings`);
    await chief.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await chief.getByRole('button', { name: 'Add an override' }).click();
    await chief.getByLabel('Hijri year').waitFor();
    expect(await axeViolations(chief)).toEqual([]);
    await chief.goto(`${site.baseUrl}/admin/users`);
    await chief.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await chief.getByRole('cell', { name: 'editor@paper.example' }).waitFor();
    expect(await axeViolations(chief)).toEqual([]);
    await chief.context().close();
  });

  it('makes a Content API key and a webhook in their screens, which have no violations', async () => {
    const chief = await signIn(await newWindow(browser), site.baseUrl, 'chief@paper.example');
    await chief.getByRole('link', { name: 'Content API keys' }).click();
    await chief.getByRole('heading', { name: 'Content API keys', level: 1 }).waitFor();
    await chief.getByLabel('Who it is for').fill('Partner app');
    await chief.getByRole('button', { name: 'Make key' }).click();
    const secret = (await chief.locator('#content-key-secret').textContent()) ?? '';
    const read = await fetch(`${site.baseUrl}/api/content/articles`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(read.status).toBe(200);
    expect(await axeViolations(chief)).toEqual([]);

    await chief.getByRole('link', { name: 'Webhooks' }).click();
    await chief.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
    // An address inside the newsroom's own network is refused, and said so by the field.
    await chief.getByLabel('URL', { exact: true }).fill('http://169.254.169.254/latest/meta-data/');
    await chief.getByRole('button', { name: 'Add webhook' }).click();
    await chief.locator('.has-error').first().waitFor();
    expect(await axeViolations(chief)).toEqual([]);
    await chief.getByLabel('URL', { exact: true }).fill('https://hooks.partner.example/dateline');
    await chief.getByLabel('article.killed').check();
    await chief.getByRole('button', { name: 'Add webhook' }).click();
    await chief.getByText('Signing secret for https://hooks.partner.example/dateline').waitFor();
    expect(await axeViolations(chief)).toEqual([]);
    await chief.context().close();
  });

  it('makes an API token for a week, listed with its expiry, on a screen with no violations', async () => {
    await page.goto(`${site.baseUrl}/admin/`);
    await page.getByRole('link', { name: 'API tokens' }).click();
    await page.getByRole('heading', { name: 'API tokens', level: 1 }).waitFor();
    await page.getByLabel('What it is for').fill('wire importer');
    await page.getByLabel('Works for').selectOption('7');
    await page.getByRole('button', { name: 'Make token' }).click();
    const secret = (await page.locator('#api-token-secret').textContent()) ?? '';
    const read = await fetch(`${site.baseUrl}/api/admin/articles`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(read.status).toBe(200);
    const row = page.getByRole('row').filter({ hasText: 'wire importer' });
    // Listed for the day a week from now in the paper's zone (Asia/Muscat), labelled with it.
    const inAWeek = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Muscat',
      dateStyle: 'medium',
    }).format(new Date(Date.now() + 7 * 24 * 60 * 60 * 1000));
    const expiry = await row.getByRole('cell').nth(3).textContent();
    expect(expiry).toContain(inAWeek);
    expect(expiry).toContain('Muscat time');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('has no violations on the audit trail', async () => {
    const chief = await signIn(await newWindow(browser), site.baseUrl, 'chief@paper.example');
    await chief.goto(`${site.baseUrl}/admin/audit`);
    await chief.getByRole('heading', { name: 'Audit trail', level: 1 }).waitFor();
    await chief.getByRole('row').filter({ hasText: 'Signed in' }).first().waitFor();
    expect(await axeViolations(chief)).toEqual([]);
  });

  it('has no violations on the invitation and password reset pages', async () => {
    await check('/admin/invitation?token=abc', 'Join the newsroom');
    await check('/admin/password-reset', 'Reset your password');
    await check('/admin/password-reset?token=abc', 'Choose a new password');
  });
});
