/**
 * The newsroom's import in Chromium: an editor opens Import, chooses a WordPress export, watches
 * the upload's progress bar (the upload throttled so there is something to watch) and then the
 * import's, reads the report (stories imported, the page type skipped, photos missing) and opens
 * an imported story in the editor. A writer has no Import in the menu. The page is checked with
 * axe at a phone's and a laptop's width, screenshots in the temporary folder.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LAPTOP_VIEWPORT,
  PHONE_VIEWPORT,
  signIn,
  startNewsroomSite,
  trackedWindows,
  type NewsroomSite,
} from './admin-newsroom.js';
import { launchChromium } from './reader-site.js';
import { axeViolations } from './validators/axe-check.js';

const EDITOR = 'editor@paper.example';
const WRITER = 'writer@paper.example';
const POSTS = 150;
/** The first post's featured photo, on a host that no longer answers: reported missing. */
const PHOTO_URL = 'https://photos.old.example/council-chamber.jpg';
const PHOTO = `<item><title>Council chamber</title><wp:post_id>9001</wp:post_id>
  <wp:post_type>attachment</wp:post_type><wp:attachment_url>${PHOTO_URL}</wp:attachment_url></item>`;
const PHOTO_META =
  '<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>9001</wp:meta_value></wp:postmeta>';

/** A WordPress export of `POSTS` posts, long enough that both progress bars have time to show. */
function archive(): Buffer {
  const words = 'The council met on Tuesday and agreed the budget for the coming year. '.repeat(80);
  const posts = Array.from(
    { length: POSTS },
    (_, n) => `<item><title>Council story ${n + 1}</title>
  <link>https://old.example/2019/council-${n + 1}/</link><dc:creator>clerk</dc:creator>
  <content:encoded><![CDATA[<p>${words}</p>]]></content:encoded>
  <wp:post_id>${n + 1}</wp:post_id><wp:post_date_gmt>2019-05-01 08:30:00</wp:post_date_gmt>
  <wp:post_name>council-${n + 1}</wp:post_name><wp:status>publish</wp:status>
  <wp:post_type>post</wp:post_type>
  <category domain="category" nicename="local"><![CDATA[Local]]></category>${n === 0 ? PHOTO_META : ''}</item>`,
  );
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Old Gazette</title><link>https://old.example</link>
<wp:author><wp:author_login>clerk</wp:author_login><wp:author_display_name>Town Clerk</wp:author_display_name></wp:author>
${posts.join('\n')}
${PHOTO}
</channel></rss>`);
}

/** Slows the page's uploads to `bytesPerSecond`, as a newsroom's connection might be. */
async function throttleUploads(page: Page, bytesPerSecond: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond,
  });
  return () =>
    cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
}

describe('importing a WordPress export from the newsroom', () => {
  let site: NewsroomSite;
  let browser: Browser;
  const windows = trackedWindows(() => browser);
  const file = { name: 'old-gazette.xml', mimeType: 'text/xml', buffer: archive() };

  beforeAll(async () => {
    site = await startNewsroomSite();
    await site.addStaff('editor', EDITOR, 'Eid Editor');
    await site.addStaff('writer', WRITER, 'Wafa Writer');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await windows.closeAll();
    await browser?.close();
    await site?.close();
  });

  it('uploads the file, shows both progress bars, then the report, and opens a story', async () => {
    const desk = await signIn(await windows.open(LAPTOP_VIEWPORT), site.baseUrl, EDITOR);
    await desk.getByRole('navigation').getByRole('link', { name: 'Import' }).click();
    await desk.getByRole('heading', { name: 'Import', level: 1 }).waitFor();
    await desk.getByText('No imports yet.').waitFor();

    const unthrottle = await throttleUploads(desk, 256 * 1024);
    await desk.locator('#import-file').setInputFiles(file);
    const sent = desk.getByRole('progressbar', { name: 'Upload of old-gazette.xml' });
    await sent.waitFor();
    await expect.poll(() => sent.getAttribute('value')).not.toBe('0');
    await desk.screenshot({ path: join(tmpdir(), 'import-uploading-1280.png'), fullPage: true });
    await unthrottle();

    const read = desk.getByRole('progressbar', { name: 'Import of old-gazette.xml' });
    await read.waitFor({ timeout: 30_000 });
    await desk.screenshot({ path: join(tmpdir(), 'import-running-1280.png'), fullPage: true });
    await desk
      .getByRole('heading', { name: 'old-gazette.xml: finished' })
      .waitFor({ timeout: 120_000 });
    await desk.getByText(`${POSTS} imported, 1 photo missing.`).waitFor();
    await desk.getByText(PHOTO_URL).waitFor();
    // A long list starts folded; the report's heading opens it.
    const imported = desk.locator('details.import-entries', { hasText: `Imported (${POSTS})` });
    await imported.locator('summary').click();
    await desk.getByRole('table', { name: 'Recent imports' }).getByText('Eid Editor').waitFor();
    expect(await axeViolations(desk)).toEqual([]);
    await desk.screenshot({ path: join(tmpdir(), 'import-report-1280.png'), fullPage: true });

    await imported.getByRole('link', { name: '/local/council-1', exact: true }).click();
    await desk.waitForURL(/\/admin\/articles\/\d+$/);
    await expect
      .poll(() => desk.getByLabel('Headline', { exact: true }).inputValue())
      .toBe('Council story 1');
  });

  it('shows the report on a phone, nothing wider than the screen', async () => {
    const phone = await signIn(await windows.open(PHONE_VIEWPORT), site.baseUrl, EDITOR);
    await phone.goto(`${site.baseUrl}/admin/import`);
    await phone.getByRole('table', { name: 'Recent imports' }).getByRole('link').first().click();
    await phone.getByRole('heading', { name: 'old-gazette.xml: finished' }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE_VIEWPORT.width,
    );
    expect(await axeViolations(phone)).toEqual([]);
    await phone.screenshot({ path: join(tmpdir(), 'import-report-390.png'), fullPage: true });
  });

  it('keeps Import out of a writer’s menu', async () => {
    const writer = await signIn(await windows.open(LAPTOP_VIEWPORT), site.baseUrl, WRITER);
    const menu = writer.getByRole('navigation', { name: 'Newsroom' });
    await menu.getByRole('link', { name: 'Wire', exact: true }).waitFor();
    expect(await menu.getByRole('link', { name: 'Import' }).count()).toBe(0);
    await writer.goto(`${site.baseUrl}/admin/import`);
    await writer.getByRole('heading', { name: 'Page not found' }).waitFor();
  });
});
