/**
 * Merge, don't overwrite, seen in Chromium: two editors in two browsers change different fields
 * of the same story and both saves succeed; when they change the same field, the conflict panel
 * asks which version to keep, and keeping one's own never puts back what only the other changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createArticle } from '../src/services/articles/create-article.js';
import { articleDraftSchema } from '../src/domain/article/article-draft.js';
import { paragraphs } from '../test/article-desk.js';
import {
  notice,
  signIn,
  startNewsroomSite,
  trackedWindows,
  type NewsroomSite,
} from './admin-newsroom.js';
import { launchChromium } from './reader-site.js';

const EDITORS = ['merge.one@paper.example', 'merge.two@paper.example'] as const;

describe('two editors changing the same story in the newsroom app', () => {
  let site: NewsroomSite;
  let browser: Browser;
  const windows = trackedWindows(() => browser);

  beforeAll(async () => {
    site = await startNewsroomSite();
    browser = await launchChromium();
    await site.addStaff('editor', EDITORS[0], 'Maha Merge');
    await site.addStaff('editor', EDITORS[1], 'Nasser Merge');
  });

  afterAll(async () => {
    await windows.closeAll();
    await browser?.close();
    await site?.close();
  });

  /** A draft by the first editor, with its headline. */
  async function storyNamed(headline: string) {
    const { app } = site.test;
    const user = await app.storage.stores.users.findByEmail(EDITORS[0]);
    const actor = {
      userId: user!.id,
      role: 'editor' as const,
      credential: 'session' as const,
      authorId: null,
    };
    const world = (await app.storage.stores.sections.list()).find((s) => s.slug === 'world');
    const body = paragraphs('Ships return to the harbour on Monday.');
    return (
      await createArticle(
        app.newsroom,
        actor,
        articleDraftSchema.parse({ headline, sectionId: world!.id, body }),
      )
    ).id;
  }

  /** Each editor in their own browser context, with the story open. */
  async function bothOpen(id: number, headline: string): Promise<[Page, Page]> {
    const pages = await Promise.all(
      EDITORS.map(async (email) => {
        const page = await signIn(await windows.open(), site.baseUrl, email);
        await page.goto(`${site.baseUrl}/admin/articles/${id}`);
        await page.getByRole('heading', { name: `Edit article: ${headline}` }).waitFor();
        return page;
      }),
    );
    return [pages[0]!, pages[1]!];
  }

  const saveIn = (page: Page) => page.getByRole('button', { name: 'Save', exact: true }).click();
  const saved = (id: number) => site.test.app.storage.stores.articles.findById(id);

  it('saves both editors’ changes when one changes the headline and the other the standfirst', async () => {
    const id = await storyNamed('Harbour reopens');
    const [first, second] = await bothOpen(id, 'Harbour reopens');
    await first.getByLabel('Headline').fill('Harbour reopens after a year');
    await saveIn(first);
    await notice(first, 'Saved at');

    await second.getByLabel('Standfirst').fill('Fishermen had waited since the storm.');
    await saveIn(second);
    await notice(second, 'Saved at');
    expect(await second.getByRole('alert').filter({ hasText: 'Someone else saved' }).count()).toBe(
      0,
    );
    // The second editor now sees the first one's headline too.
    await expect(second.getByLabel('Headline').inputValue()).resolves.toBe(
      'Harbour reopens after a year',
    );
    expect(await saved(id)).toMatchObject({
      headline: 'Harbour reopens after a year',
      standfirst: 'Fishermen had waited since the storm.',
    });
  });

  it('asks which headline to keep when both changed it, and keeping mine leaves their standfirst alone', async () => {
    const id = await storyNamed('Rates unchanged');
    const [first, second] = await bothOpen(id, 'Rates unchanged');
    await first.getByLabel('Headline').fill('Rates held at 4.5 per cent');
    await first.getByLabel('Standfirst').fill('The bank sees no reason to move.');
    await saveIn(first);
    await notice(first, 'Saved at');

    await second.getByLabel('Headline').fill('Central bank holds rates');
    await saveIn(second);
    const panel = second.getByRole('alert').filter({ hasText: 'Someone else saved' });
    await panel.waitFor();
    expect(await panel.getByRole('button', { name: /over theirs/ }).count()).toBe(0);
    const choice = panel.getByRole('group', { name: 'Headline' });
    expect(await choice.textContent()).toContain('Rates held at 4.5 per cent');
    expect(await choice.textContent()).toContain('Central bank holds rates');
    await choice.getByLabel(/^Keep yours/).check();
    await panel.getByRole('button', { name: 'Save with these choices' }).click();
    await panel.waitFor({ state: 'detached' });

    expect(await saved(id)).toMatchObject({
      headline: 'Central bank holds rates',
      standfirst: 'The bank sees no reason to move.',
    });
    await expect(second.getByLabel('Standfirst').inputValue()).resolves.toBe(
      'The bank sees no reason to move.',
    );
  });
});
