/**
 * A live story changes only on purpose, seen in Chromium: an editor's edits to a published story
 * autosave as its next version while a reader in another window still sees the old text, until
 * the editor presses "Publish changes" and confirms.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createArticle } from '../src/services/articles/create-article.js';
import { articleDraftSchema } from '../src/domain/article/article-draft.js';
import { transitionArticle } from '../src/services/articles/transition-article.js';
import { paragraphs } from '../test/article-desk.js';
import {
  answerConfirmation,
  notice,
  signIn,
  startNewsroomSite,
  trackedWindows,
  typeAtEndOfBody,
  waitForReaderText,
  type NewsroomSite,
} from './admin-newsroom.js';
import { launchChromium } from './reader-site.js';

const HEADLINE = 'Desalination plant doubles output';
const LIVE_TEXT = 'The plant now makes 100,000 cubic metres a day.';
const TK = 'TK CHECK FIGURE WITH DESK';
/** Where screenshots go when asked for (SCREENSHOT_DIR), to look at the banner by eye. */
const SHOTS = process.env.SCREENSHOT_DIR;

describe('changes to a live story in the newsroom app', () => {
  let site: NewsroomSite;
  let browser: Browser;
  let storyId = 0;
  let readerPath = '';
  const windows = trackedWindows(() => browser);

  beforeAll(async () => {
    site = await startNewsroomSite();
    browser = await launchChromium();
    await site.addStaff('editor', 'live.editor@paper.example', 'Laila Live');
    const { app } = site.test;
    const user = await app.storage.stores.users.findByEmail('live.editor@paper.example');
    const actor = {
      userId: user!.id,
      role: 'editor' as const,
      credential: 'session' as const,
      authorId: null,
    };
    const world = (await app.storage.stores.sections.list()).find((s) => s.slug === 'world');
    const created = await createArticle(
      app.newsroom,
      actor,
      articleDraftSchema.parse({
        headline: HEADLINE,
        sectionId: world!.id,
        body: paragraphs(LIVE_TEXT),
      }),
    );
    storyId = created.id;
    await transitionArticle(app.newsroom, actor, storyId, { to: 'published' });
    const article = await app.storage.stores.articles.findById(storyId);
    readerPath = `/world/${article!.slug}`;
  });

  afterAll(async () => {
    await windows.closeAll();
    await browser?.close();
    await site?.close();
  });

  it('keeps autosaved edits of a live story from readers until the editor publishes them', async () => {
    const page = await signIn(await windows.open(), site.baseUrl, 'live.editor@paper.example');
    await page.goto(`${site.baseUrl}/admin/articles/${storyId}`);
    await page.getByRole('heading', { name: `Edit article: ${HEADLINE}` }).waitFor();
    await typeAtEndOfBody(page, TK, true);
    // No Save pressed: the autosave every 10 s (AUTOSAVE_MS) sends it. Its clock starts when
    // the editor opens, a moment before the typing, so the wait allows more than one round.
    await page
      .getByRole('status')
      .filter({ hasText: 'Autosaved — not yet live' })
      .waitFor({ timeout: 15_000 });

    const reader = await (await windows.open()).newPage();
    await reader.goto(`${site.baseUrl}${readerPath}`);
    expect(await reader.locator('body').textContent()).toContain(LIVE_TEXT);
    expect(await reader.locator('body').textContent()).not.toContain(TK);

    const banner = page.getByRole('region', { name: 'Unpublished changes' });
    await banner.waitFor();
    expect(
      await banner.getByRole('link', { name: 'Open in the history' }).getAttribute('href'),
    ).toMatch(new RegExp(`/articles/${storyId}/history\\?from=1&to=\\d+$`));
    await banner.getByRole('button', { name: 'Show the changes' }).click();
    const body = banner.getByRole('region', { name: 'Body' });
    await body.waitFor();
    // The words typed are marked as added, and named so for screen readers.
    expect(await body.locator('ins').textContent()).toBe(`[added: ${TK}]`);
    await screenshots(page);

    await banner.getByRole('button', { name: 'Publish changes' }).click();
    await answerConfirmation(page, 'Yes, publish changes');
    await notice(page, 'Changes published.');
    await expect(banner.count()).resolves.toBe(0);
    await waitForReaderText(`${site.baseUrl}${readerPath}`, TK);
    await reader.reload();
    expect(await reader.locator('body').textContent()).toContain(TK);
  });

  /** The editor with its banner on a phone and on a laptop, when SCREENSHOT_DIR is set. */
  async function screenshots(page: Page) {
    if (!SHOTS) return;
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${SHOTS}/live-changes-${width}.png` });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }
});
