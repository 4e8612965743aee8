/**
 * Bylines in Chromium: a writer edits their own profile from "Your profile", an editor adds an
 * agency on the Bylines page, and the writer's published story carries their linked byline.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor } from '../src/domain/account/user.js';
import { createUser } from '../src/services/accounts/create-user.js';
import { createArticle } from '../src/services/articles/create-article.js';
import { articleDraftSchema } from '../src/domain/article/article-draft.js';
import { transitionArticle } from '../src/services/articles/transition-article.js';
import { startTestApp, type TestApp } from '../test/test-app.js';
import { createSqliteDatabase } from '../test/test-databases.js';
import { LAPTOP_VIEWPORT, notice, PASSWORD, signIn } from './admin-newsroom.js';
import { launchChromium } from './reader-site.js';

describe('bylines in a browser', () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  const windows: BrowserContext[] = [];

  const openWindow = async () => {
    const context = await browser.newContext({ viewport: LAPTOP_VIEWPORT });
    context.setDefaultTimeout(10_000);
    windows.push(context);
    return context;
  };

  beforeAll(async () => {
    t = await startTestApp({}, createSqliteDatabase());
    const person = (email: string, name: string, role: 'editor' | 'writer') =>
      createUser(t.app.accounts, { email, name, role, password: PASSWORD });
    await person('salim@paper.example', 'Salim Al-Harthy', 'editor');
    await person('noor@paper.example', 'Noor Al-Balushi', 'writer');
    baseUrl = (await t.server.listen({ port: 0, host: '127.0.0.1' })).replace(/\/$/, '');
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of windows.splice(0)) await context.close();
    await browser?.close();
    await t?.close();
  });

  it('lets a writer keep their own profile, and their story carries their linked byline', async () => {
    const page = await signIn(await openWindow(), baseUrl, 'noor@paper.example');
    await page.getByRole('link', { name: 'Your profile' }).click();
    await page.getByRole('heading', { name: 'Your profile', level: 1 }).waitFor();
    expect(await page.getByLabel('Name on the byline').inputValue()).toBe('Noor Al-Balushi');
    await page.getByLabel('Short bio').fill('Covers the interior.');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await notice(page, 'Profile saved.');
    await page.screenshot({ path: join(tmpdir(), 'dateline-your-profile.png') });

    const writer = await t.app.storage.stores.users.findByEmail('noor@paper.example');
    const section = await t.app.storage.stores.sections.create({
      slug: 'oman',
      name: 'Oman',
      description: '',
      position: 1,
    });
    const actor = actorFor(writer!, 'session');
    const body = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Stalls open at dawn.' }] }],
    };
    const { id } = await createArticle(
      t.app.newsroom,
      actor,
      articleDraftSchema.parse({
        headline: 'Fish market opens',
        sectionId: section.id,
        body,
      }),
    );
    await transitionArticle(t.app.newsroom, actor, id, { to: 'published' });
    await page.goto(`${baseUrl}/oman/fish-market-opens`);
    await page.getByRole('link', { name: 'Noor Al-Balushi' }).click();
    await page.getByText('Covers the interior.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/author/noor-al-balushi');
  });

  it('lets an editor add an agency to give bylines to', async () => {
    const page = await signIn(await openWindow(), baseUrl, 'salim@paper.example');
    await page.getByRole('link', { name: 'Bylines' }).click();
    await page.getByRole('heading', { name: 'Bylines', level: 1 }).waitFor();
    const form = page.getByRole('region', { name: 'Add a contributor or an agency' });
    await form.getByLabel('Name on the byline').fill('Oman News Agency');
    await form.getByLabel('Kind').selectOption('agency');
    await form.getByRole('button', { name: 'Add profile' }).click();
    await notice(page, 'Oman News Agency can now be given bylines.');
    await page.getByRole('link', { name: 'Oman News Agency' }).waitFor();
    await page.screenshot({ path: join(tmpdir(), 'dateline-bylines.png'), fullPage: true });
    const agencies = (await t.app.storage.stores.authors.list()).filter((a) => a.kind === 'agency');
    expect(agencies.map((a) => a.name)).toEqual(['Oman News Agency']);
  });
});
