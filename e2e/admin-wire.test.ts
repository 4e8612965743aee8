/**
 * The wire desk in Chromium: agency items seeded through the queue's own service (one of them
 * updated to a second version), a writer filters the queue by agency, urgency and words,
 * previews the updated item with its diff, marks the story made from the first version as
 * caught up, makes a draft of it and finds headline, dateline and sign-off in the editor; an
 * editor ticks two agencies' items, merges them into one draft signed "Agencies" and linked to
 * both, and publishes it. Screenshots at a phone's and a laptop's width go to the temporary
 * folder.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor } from '../src/domain/account/user.js';
import { makeDraftFromWire } from '../src/services/wire/draft-from-wire.js';
import { receiveWireItem } from '../src/services/wire/receive-wire-item.js';
import { wireItem } from '../test/wire-items.js';
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

const WRITER = 'writer@paper.example';
const EDITOR = 'editor@paper.example';
const TALKS = wireItem({
  agency: 'Reuters',
  urgency: 2,
  headline: 'Ankara talks end without a deal',
  dateline: 'ANKARA',
  bodyHtml: '<p>Talks in Ankara ended on Tuesday without a deal.</p><p>Envoys will meet again.</p>',
  sentAt: '2026-12-06T07:00:00Z',
});
const TALKS_V2 = {
  ...TALKS,
  version: 2,
  headline: 'Ankara talks end with a partial deal',
  bodyHtml:
    '<p>Talks in Ankara ended on Tuesday with a partial deal.</p><p>Envoys will meet again.</p>',
  sentAt: '2026-12-06T07:30:00Z',
};
const FLOODS = wireItem({
  agency: 'AFP',
  urgency: 5,
  headline: 'Rain floods wadis near Muscat',
  dateline: 'MUSCAT',
  sentAt: '2026-12-06T06:00:00Z',
});
const EXPORTS = wireItem({
  agency: 'ONA',
  urgency: 4,
  headline: 'Oman LNG exports rise',
  dateline: 'SUR',
  bodyHtml: '<p>Liquefied natural gas shipments from Sur rose by a tenth.</p>',
  photos: [
    { href: 'https://photos.example/lng.jpg', caption: 'A tanker at Sur', credit: 'ONA', alt: '' },
  ],
  sentAt: '2026-12-06T05:00:00Z',
});

describe('the wire desk in a browser', () => {
  let site: NewsroomSite;
  let browser: Browser;
  const windows = trackedWindows(() => browser);
  const queue = (page: Page) => page.getByRole('region', { name: 'Wire items, newest first' });
  const preview = (page: Page) => page.getByRole('region', { name: 'Preview' });
  const listed = (page: Page) =>
    queue(page).getByRole('listitem').getByRole('link').allTextContents();

  /** Sets the filters and waits for the list to show exactly `headlines`. */
  const filter = async (
    page: Page,
    fields: { q?: string; agency?: string; urgency?: string },
    headlines: string[],
  ) => {
    await page.getByLabel('Search').fill(fields.q ?? '');
    await page.getByLabel('Agency').selectOption(fields.agency ?? '');
    await page.getByLabel('Urgency').selectOption(fields.urgency ?? '');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(() => listed(page)).toEqual(headlines);
  };

  beforeAll(async () => {
    site = await startNewsroomSite();
    await site.addStaff('writer', WRITER, 'Wafa Writer');
    await site.addStaff('editor', EDITOR, 'Eid Editor');
    const { app } = site.test;
    for (const item of [TALKS, FLOODS, EXPORTS]) await receiveWireItem(app.newsroom, item);
    // The writer made a story of the first version before the agency sent the second.
    const writer = await app.storage.stores.users.findByEmail(WRITER);
    const talks = await app.storage.stores.wire.findByUri(TALKS.uri);
    await makeDraftFromWire(app.newsroom, actorFor(writer!, 'session'), talks!.id);
    await receiveWireItem(app.newsroom, TALKS_V2);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await windows.closeAll();
    await browser?.close();
    await site?.close();
  });

  it('filters the queue, previews an updated item with its diff, catches the earlier story up and makes a draft', async () => {
    const desk = await signIn(await windows.open(LAPTOP_VIEWPORT), site.baseUrl, WRITER);
    await desk.getByRole('navigation').getByRole('link', { name: 'Wire' }).click();
    await desk.getByRole('heading', { name: 'Wire', level: 1 }).waitFor();
    await expect
      .poll(() => listed(desk))
      .toEqual([TALKS_V2.headline, FLOODS.headline, EXPORTS.headline]);
    await queue(desk).getByText('Updated: version 2').waitFor();

    await filter(desk, { agency: 'AFP' }, [FLOODS.headline]);
    await filter(desk, { q: 'liquefied gas' }, [EXPORTS.headline]);
    await filter(desk, { urgency: '2' }, [TALKS_V2.headline]);

    await queue(desk).getByRole('link', { name: TALKS_V2.headline }).click();
    await preview(desk).getByRole('heading', { name: TALKS_V2.headline }).waitFor();
    const changes = preview(desk).getByText('Updated: version 2 replaced version 1');
    await changes.waitFor();
    expect(await preview(desk).locator('del').allTextContents()).toContain('[removed: without]');
    expect(await preview(desk).locator('ins').allTextContents()).toContain('[added: with]');
    const madeInto = preview(desk).getByRole('listitem').filter({ hasText: TALKS.headline });
    await madeInto.getByText('The wire has a newer version').waitFor();
    expect(await axeViolations(desk)).toEqual([]);
    await desk.screenshot({ path: join(tmpdir(), 'wire-1280.png'), fullPage: true });
    await madeInto.getByRole('button', { name: 'It has the newest version' }).click();
    await madeInto.getByText('from version 2').waitFor();
    expect(await madeInto.getByText('The wire has a newer version').count()).toBe(0);

    await preview(desk).getByRole('button', { name: 'Make draft' }).click();
    await desk.waitForURL(/\/admin\/articles\/\d+$/);
    await expect
      .poll(() => desk.getByLabel('Headline', { exact: true }).inputValue())
      .toBe(TALKS_V2.headline);
    expect(await desk.getByLabel('Dateline', { exact: true }).inputValue()).toBe('ANKARA');
    expect(await desk.getByLabel('Sign-off', { exact: true }).inputValue()).toBe('Reuters');
    await desk.screenshot({ path: join(tmpdir(), 'wire-draft-1280.png'), fullPage: true });
  });

  it('reads an item with its photos on a phone, the preview first and nothing wider than the screen', async () => {
    const phone = await signIn(await windows.open(PHONE_VIEWPORT), site.baseUrl, WRITER);
    const { id } = await receiveWireItem(site.test.app.newsroom, EXPORTS);
    await phone.goto(`${site.baseUrl}/admin/wire?item=${id}`);
    await preview(phone).getByRole('heading', { name: EXPORTS.headline }).waitFor();
    await preview(phone).getByText('A tanker at Sur').waitFor();
    const [previewTop, queueTop] = await Promise.all([
      preview(phone).evaluate((element) => element.getBoundingClientRect().top),
      queue(phone).evaluate((element) => element.getBoundingClientRect().top),
    ]);
    expect(previewTop).toBeLessThan(queueTop);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE_VIEWPORT.width,
    );
    expect(await axeViolations(phone)).toEqual([]);
    await phone.screenshot({ path: join(tmpdir(), 'wire-390.png'), fullPage: true });
  });

  it('merges two agencies’ items into one draft signed “Agencies”, linked to both, and publishes it', async () => {
    const { wire } = site.test.app.storage.stores;
    const [floods, talks] = [await wire.findByUri(FLOODS.uri), await wire.findByUri(TALKS.uri)];
    const desk = await signIn(await windows.open(LAPTOP_VIEWPORT), site.baseUrl, EDITOR);
    await desk.goto(`${site.baseUrl}/admin/wire`);
    await expect.poll(() => listed(desk)).toContain(FLOODS.headline);
    // Ticked from the keyboard, the lead first: the order the story will run in.
    await queue(desk)
      .getByRole('checkbox', { name: `Merge “${FLOODS.headline}”` })
      .focus();
    await desk.keyboard.press('Space');
    await queue(desk)
      .getByRole('checkbox', { name: `Merge “${TALKS_V2.headline}”` })
      .check();
    const chosen = desk.getByRole('region', { name: 'Items to merge' });
    await chosen.getByText('2 items ticked').waitFor();
    expect(await chosen.getByRole('listitem').allTextContents()).toEqual([
      `${FLOODS.headline} (AFP, the lead)`,
      `${TALKS_V2.headline} (Reuters)`,
    ]);
    await chosen.getByText('Signed off “Agencies”').waitFor();
    expect(await axeViolations(desk)).toEqual([]);
    await desk.screenshot({ path: join(tmpdir(), 'wire-merge-1280.png'), fullPage: true });

    await chosen.getByRole('button', { name: 'Merge 2 into one draft' }).click();
    await desk.waitForURL(/\/admin\/articles\/\d+$/);
    const editorUrl = desk.url();
    await expect
      .poll(() => desk.getByLabel('Headline', { exact: true }).inputValue())
      .toBe(FLOODS.headline);
    expect(await desk.getByLabel('Dateline', { exact: true }).inputValue()).toBe('MUSCAT');
    expect(await desk.getByLabel('Sign-off', { exact: true }).inputValue()).toBe('Agencies');
    await desk.screenshot({ path: join(tmpdir(), 'wire-merged-draft-1280.png'), fullPage: true });

    for (const item of [floods!, talks!]) {
      await desk.goto(`${site.baseUrl}/admin/wire?item=${item.id}`);
      await preview(desk).getByRole('link', { name: FLOODS.headline }).waitFor();
    }

    await desk.goto(editorUrl);
    await desk.getByRole('button', { name: 'Publish' }).click();
    await answerConfirmation(desk, 'Yes, publish');
    await notice(desk, 'Published.');
    const slug = await desk.getByLabel('Slug').inputValue();
    await waitForReaderText(`${site.baseUrl}/world/${slug}`, FLOODS.headline);
    const reader = await (await windows.open(PHONE_VIEWPORT)).newPage();
    await reader.goto(`${site.baseUrl}/world/${slug}`);
    await reader.getByRole('heading', { name: FLOODS.headline, level: 1 }).waitFor();
    expect(await reader.locator('.sign-off').allTextContents()).toEqual(['— Agencies']);
    expect(await reader.getByText('Agencies').count()).toBe(1);
    await reader.screenshot({ path: join(tmpdir(), 'wire-merged-reader-390.png'), fullPage: true });
  });

  it('ticks items on a phone, the chosen list above the queue and nothing wider than the screen', async () => {
    const phone = await signIn(await windows.open(PHONE_VIEWPORT), site.baseUrl, WRITER);
    await phone.goto(`${site.baseUrl}/admin/wire`);
    await expect.poll(() => listed(phone)).toContain(EXPORTS.headline);
    await queue(phone)
      .getByRole('checkbox', { name: `Merge “${EXPORTS.headline}”` })
      .check();
    const chosen = phone.getByRole('region', { name: 'Items to merge' });
    await chosen.getByText('Tick another item to merge it into this one.').waitFor();
    expect(await chosen.getByRole('button', { name: 'Merge 1 into one draft' }).isDisabled()).toBe(
      true,
    );
    await queue(phone)
      .getByRole('checkbox', { name: `Merge “${FLOODS.headline}”` })
      .check();
    await chosen.getByText('Signed off “Agencies”').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE_VIEWPORT.width,
    );
    expect(await axeViolations(phone)).toEqual([]);
    await phone.screenshot({ path: join(tmpdir(), 'wire-merge-390.png'), fullPage: true });
    await chosen.getByRole('button', { name: 'Clear' }).click();
    expect(await chosen.count()).toBe(0);
  });
});
