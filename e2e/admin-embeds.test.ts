/**
 * Embeds in Chromium, end to end: the editor-in-chief allows YouTube in the settings, an editor
 * embeds a video from the body's toolbar and publishes, and the reader's page frames it,
 * sandboxed, with a Content-Security-Policy that lets in that one origin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  answerConfirmation,
  bodyBox,
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
const HEADLINE = 'Satellite launch watched from Duqm';
const VIDEO_ID = 'dQw4w9WgXcQ';
const CAPTION = 'The launch, seen from the pad';

describe('embeds in the newsroom app and on the reader’s page', () => {
  let site: NewsroomSite;
  let browser: Browser;
  const windows = trackedWindows(() => browser);

  const openWindow = () => windows.open();

  beforeAll(async () => {
    site = await startNewsroomSite();
    browser = await launchChromium();
    await site.addStaff('editor_in_chief', CHIEF, 'Amal Haddad');
    await site.addStaff('editor', EDITOR, 'Eid Editor');
  });

  afterAll(async () => {
    await windows.closeAll();
    await browser?.close();
    await site?.close();
  });

  it('lets the editor-in-chief allow YouTube embeds in the settings', async () => {
    const page = await signIn(await openWindow(), site.baseUrl, CHIEF);
    await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    const embeds = page.getByRole('group', { name: 'Embeds' });
    await embeds.getByLabel('YouTube').check();
    expect(await embeds.getByLabel('Vimeo').isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await notice(page, 'Settings saved.');
    await page.reload();
    await page.getByRole('group', { name: 'Embeds' }).getByLabel('YouTube').waitFor();
    expect(
      await page.getByRole('group', { name: 'Embeds' }).getByLabel('YouTube').isChecked(),
    ).toBe(true);
  });

  it('embeds a video from the toolbar as a card, publishes it, and the reader sees it framed', async () => {
    const page = await signIn(await openWindow(), site.baseUrl, EDITOR);
    await page.getByRole('link', { name: 'New article' }).click();
    await page.getByRole('heading', { name: 'New article' }).waitFor();
    await page.getByLabel('Headline').fill(HEADLINE);
    await page.getByLabel('Section').selectOption({ label: 'World' });
    await bodyBox(page).click();
    await page.keyboard.type('The rocket cleared the tower at dawn.');

    await page.getByRole('button', { name: 'Embed', exact: true }).click();
    const address = page.getByLabel('Embed address');
    const verdict = (text: string) => page.locator('#embed-verdict').filter({ hasText: text });
    const insert = page.getByRole('button', { name: 'Insert embed' });
    await address.fill('https://vimeo.com/76979871');
    await verdict('Vimeo is not on the publication’s allow-list').waitFor();
    expect(await insert.isDisabled()).toBe(true);
    await address.fill(`https://www.youtube.com.evil.example/watch?v=${VIDEO_ID}`);
    await verdict('Dateline cannot embed this address').waitFor();
    await address.fill(`https://youtu.be/${VIDEO_ID}?si=shared`);
    await verdict('YouTube video: ready to insert.').waitFor();
    await insert.click();

    const card = bodyBox(page).getByRole('figure', { name: 'YouTube video' });
    await card.waitFor();
    expect(await card.textContent()).toContain(`https://www.youtube.com/watch?v=${VIDEO_ID}`);
    expect(await bodyBox(page).locator('iframe').count()).toBe(0);
    await card.getByLabel('Caption of the YouTube video').fill(CAPTION);

    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.getByRole('heading', { name: `Edit article: ${HEADLINE}` }).waitFor();
    expect(
      await bodyBox(page).getByLabel('Caption of the YouTube video').inputValue(),
      'the caption was saved with the draft',
    ).toBe(CAPTION);
    await page.getByRole('button', { name: 'Publish' }).click();
    await answerConfirmation(page, 'Yes, publish');
    await notice(page, 'Published.');
    const slug = await page.getByLabel('Slug').inputValue();

    const url = `${site.baseUrl}/world/${slug}`;
    await waitForReaderText(url, `youtube-nocookie.com/embed/${VIDEO_ID}`);
    const reader = await (await openWindow()).newPage();
    const response = await reader.goto(url);
    expect(response?.headers()['content-security-policy']).toMatch(
      /; frame-src https:\/\/www\.youtube-nocookie\.com$/,
    );
    const frame = reader.locator('.story-body figure.embed iframe');
    expect(await frame.getAttribute('src')).toBe(
      `https://www.youtube-nocookie.com/embed/${VIDEO_ID}`,
    );
    expect(await frame.getAttribute('title')).toBe(`YouTube video: ${CAPTION}`);
    expect(await frame.getAttribute('sandbox')).toContain('allow-scripts');
    expect(await frame.getAttribute('loading')).toBe('lazy');
    expect(await reader.locator('.story-body figure.embed figcaption').textContent()).toBe(CAPTION);
    // The box is reserved from the ratio before anything loads: 16:9 across the column.
    const box = await frame.boundingBox();
    expect(box && Math.round((box.width / box.height) * 9)).toBe(16);
  });
});
