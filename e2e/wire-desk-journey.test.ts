/**
 * The wire desk's journey in Chromium, from the agency's file to the reader's page: an editor
 * adds a drop-folder source in the newsroom app, a NewsML-G2 file is copied into the folder,
 * "Poll now" reads it (the file moves to done/), the item shows on the Wire, the editor makes a
 * draft whose dateline (New York) and sign-off (AP) are the agency's, publishes it, and the reader's page shows
 * it. The Sources page is checked at a phone's and a laptop's width (screenshots in the
 * temporary folder) with axe.
 */
import { copyFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerConfirmation,
  LAPTOP_VIEWPORT,
  notice,
  PHONE_VIEWPORT,
  signIn,
  startNewsroomSite,
  trackedWindows,
  waitForReaderText,
  type NewsroomSite,
} from './admin-newsroom.js';
import { launchChromium } from './reader-site.js';
import { axeViolations } from './validators/axe-check.js';

const EDITOR = 'editor@paper.example';
const G2_FILE = 'test/fixtures/imports/newsml-nitf/iptc-LISTING_2_NewsML-G2_Text_Document.xml';
const HEADLINE = 'Fed to halt QE to avert "bubble"';
const HEADLINE_HTML = 'Fed to halt QE to avert &quot;bubble&quot;';

describe('the wire desk’s journey from a drop folder to the reader', () => {
  let site: NewsroomSite;
  let browser: Browser;
  const windows = trackedWindows(() => browser);
  const sources = (page: Page) => page.getByRole('table', { name: 'Sources and their health' });

  beforeAll(async () => {
    site = await startNewsroomSite();
    await site.addStaff('editor', EDITOR, 'Eid Editor');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await windows.closeAll();
    await browser?.close();
    await site?.close();
  });

  it('configures a drop folder, polls a dropped NewsML-G2 file, drafts and publishes its story', async () => {
    const desk = await signIn(await windows.open(LAPTOP_VIEWPORT), site.baseUrl, EDITOR);
    await desk.getByRole('navigation').getByRole('link', { name: 'Wire sources' }).click();
    await desk.getByRole('heading', { name: 'Wire sources', level: 1 }).waitFor();
    await desk.getByText('No sources yet.').waitFor();

    // A folder outside the drop root is refused under the field, and nothing is added.
    await desk.getByLabel('Name').fill('AP drop');
    await desk.getByLabel('Agency').fill('AP');
    await desk.getByLabel('Kind').selectOption({ label: 'Drop folder on the server' });
    await desk.getByLabel('Folder').fill('../../etc');
    await desk.getByLabel('Poll every (minutes)').fill('5');
    await desk.getByRole('button', { name: 'Add source' }).click();
    await desk.getByText(/outside the drop folders’ root/).waitFor();

    await desk.getByLabel('Folder').fill('ap');
    await desk.getByRole('button', { name: 'Add source' }).click();
    await notice(desk, 'AP drop is added');
    await sources(desk)
      .getByRole('rowheader', { name: /AP drop/ })
      .waitFor();

    const folder = join(site.test.app.config.wireDropRoot, 'ap');
    copyFileSync(G2_FILE, join(folder, 'fed-halts-qe.xml'));
    await sources(desk).getByRole('button', { name: 'Poll now' }).click();
    await notice(desk, 'AP drop polled: 1 item new or updated.');
    await sources(desk).getByRole('cell', { name: '1 item' }).waitFor();
    expect(readdirSync(join(folder, 'done'))).toEqual(['fed-halts-qe.xml']);
    expect(await axeViolations(desk)).toEqual([]);
    await desk.screenshot({ path: join(tmpdir(), 'wire-sources-1280.png'), fullPage: true });

    await desk.getByRole('navigation').getByRole('link', { name: 'Wire', exact: true }).click();
    const queue = desk.getByRole('region', { name: 'Wire items, newest first' });
    await queue.getByRole('link', { name: HEADLINE }).click();
    const preview = desk.getByRole('region', { name: 'Preview' });
    await preview.getByRole('heading', { name: HEADLINE }).waitFor();
    await preview.getByRole('button', { name: 'Make draft' }).click();
    await desk.waitForURL(/\/admin\/articles\/\d+$/);
    await expect
      .poll(() => desk.getByLabel('Headline', { exact: true }).inputValue())
      .toBe(HEADLINE);
    expect(await desk.getByLabel('Dateline', { exact: true }).inputValue()).toBe('New York');
    expect(await desk.getByLabel('Sign-off', { exact: true }).inputValue()).toBe('AP');
    await desk.screenshot({ path: join(tmpdir(), 'wire-journey-draft-1280.png'), fullPage: true });

    await desk.getByRole('button', { name: 'Publish' }).click();
    await answerConfirmation(desk, 'Yes, publish');
    await notice(desk, 'Published.');
    const slug = await desk.getByLabel('Slug').inputValue();
    const page = await waitForReaderText(`${site.baseUrl}/world/${slug}`, HEADLINE_HTML);
    expect(page).toContain('New York');
    const reader = await (await windows.open(PHONE_VIEWPORT)).newPage();
    await reader.goto(`${site.baseUrl}/world/${slug}`);
    await reader.getByRole('heading', { name: HEADLINE, level: 1 }).waitFor();
    await reader.getByText('New York', { exact: false }).first().waitFor();
    expect(await reader.locator('.sign-off').textContent()).toBe('— AP');
    await reader.screenshot({
      path: join(tmpdir(), 'wire-journey-reader-390.png'),
      fullPage: true,
    });
  });

  it('shows the sources’ health on a phone, changes a source’s interval, nothing wider than the screen', async () => {
    const phone = await signIn(await windows.open(PHONE_VIEWPORT), site.baseUrl, EDITOR);
    await phone.goto(`${site.baseUrl}/admin/wire/sources`);
    await sources(phone)
      .getByRole('rowheader', { name: /AP drop/ })
      .waitFor();
    await sources(phone).getByText('Last success').first().waitFor();
    await sources(phone).getByRole('button', { name: 'Change' }).click();
    await phone.getByRole('heading', { name: 'Change AP drop' }).waitFor();
    expect(await phone.getByLabel('Folder').inputValue()).toBe('ap');
    await phone.getByLabel('Poll every (minutes)').fill('10');
    await phone.getByRole('button', { name: 'Save source' }).click();
    await notice(phone, 'AP drop is saved');
    await sources(phone).getByText('every 10 min').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE_VIEWPORT.width,
    );
    expect(await axeViolations(phone)).toEqual([]);
    await phone.screenshot({ path: join(tmpdir(), 'wire-sources-390.png'), fullPage: true });
  });
});
