/**
 * The photo library in Chromium, end to end: an editor uploads a photo, puts its focal point on
 * the subject and describes it; drops several at once (sent three at a time) and sees a file
 * that is no photo refused by name; makes the photo the lead of a story and publishes; readers
 * get it as a <picture> in AVIF and WebP; and the library knows where it is used and keeps it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerConfirmation,
  bodyBox,
  newWindow,
  signIn,
  startNewsroomSite,
  type NewsroomSite,
} from './admin-newsroom.js';
import { launchChromium } from './reader-site.js';
import { mediaRecord } from '../src/services/fakes/media-record.js';

const FILE_NAME = 'harbour-at-dawn.jpg';
const PHOTO = {
  caption: 'Fishing boats come back into Mutrah harbour at dawn.',
  credit: 'Dateline/Salim Al Harthy',
  alt: 'Three wooden fishing boats with blue hulls moored by a stone quay, hills behind.',
};
const STORY = {
  headline: 'Mutrah fishermen land a record catch',
  paragraph: 'The season’s first boats came in before sunrise, low in the water.',
};

/** A 1600×1067 JPEG with real detail (gradients, rings and noise), as a camera would give. */
async function makePhoto(): Promise<Buffer> {
  const width = 1600;
  const height = 1067;
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const ring = Math.sin(Math.hypot(x - 420, y - 330) / 9) * 60;
      const noise = ((x * 7919 + y * 104_729) % 61) - 30;
      const i = (y * width + x) * 3;
      pixels[i] = Math.max(0, Math.min(255, (x / width) * 200 + ring + noise));
      pixels[i + 1] = Math.max(0, Math.min(255, (y / height) * 180 + noise));
      pixels[i + 2] = Math.max(0, Math.min(255, 160 - ring + noise));
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 85 })
    .toBuffer();
}

const uploadRow = (page: Page, name: string) =>
  page.getByRole('list', { name: 'Uploads' }).getByRole('listitem').filter({ hasText: name });

const photoPanel = (page: Page) => page.getByRole('region', { name: 'Photo details' });

/** Opens the library and the detail panel of the photo with that file name. */
async function openInLibrary(page: Page, baseUrl: string): Promise<Locator> {
  await page.goto(`${baseUrl}/admin/media`);
  await page.getByRole('heading', { name: 'Photos', level: 1 }).waitFor();
  await page.getByLabel('Search photos').fill('Mutrah harbour');
  await page.getByRole('button', { name: 'Filter' }).click();
  await page
    .getByRole('region', { name: 'Library' })
    .getByRole('button', { name: /Fishing boats come back/ })
    .click();
  const panel = photoPanel(page);
  await panel.waitFor();
  return panel;
}

describe('the photo library in a browser', () => {
  let site: NewsroomSite;
  let browser: Browser;
  let page: Page;
  let folder: string;
  let photoId = 0;
  let slug = '';

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'dateline-photos-'));
    writeFileSync(join(folder, FILE_NAME), await makePhoto());
    site = await startNewsroomSite();
    await site.addStaff('editor', 'editor@paper.example', 'Eid Editor');
    browser = await launchChromium();
    page = await signIn(await newWindow(browser), site.baseUrl, 'editor@paper.example');
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('uploads a photo chosen with the button, then takes its focal point and wording', async () => {
    await page.getByRole('link', { name: 'Photos' }).click();
    await page.getByRole('heading', { name: 'Photos', level: 1 }).waitFor();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Choose photos' }).click(),
    ]);
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles(join(folder, FILE_NAME));

    const row = uploadRow(page, FILE_NAME);
    await row.getByText('Uploaded', { exact: true }).waitFor({ timeout: 20_000 });
    const progress = row.getByRole('progressbar');
    expect(await progress.evaluate((bar) => (bar as HTMLProgressElement).value)).toBe(100);
    await page.getByRole('status').filter({ hasText: '1 uploaded.' }).waitFor();

    const thumbnail = page
      .getByRole('region', { name: 'Library' })
      .getByRole('button', { name: new RegExp(FILE_NAME) });
    photoId = Number(await thumbnail.getAttribute('data-photo'));
    await thumbnail.click();
    const panel = photoPanel(page);
    // The focus moves into the panel, so keyboard users land in it.
    await panel.getByRole('heading', { name: 'Photo details' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('photo-panel-title');

    const focal = panel.getByRole('application', { name: 'Focal point' });
    const preview = focal.locator('img');
    // The preview is made on first request; it must arrive.
    await preview.evaluate((img: HTMLImageElement) =>
      img.complete && img.naturalWidth > 0
        ? undefined
        : new Promise((resolve, reject) => {
            img.addEventListener('load', resolve);
            img.addEventListener('error', reject);
          }),
    );
    const box = await preview.boundingBox();
    if (!box) throw new Error('the preview is not shown');
    await preview.click({ position: { x: box.width * 0.25, y: box.height * 0.3 } });
    await panel.getByText('At 25% across, 30% down.').waitFor();
    await focal.focus();
    await page.keyboard.press('ArrowRight');
    await panel.getByText('At 30% across, 30% down.').waitFor();

    await panel.getByLabel('Caption', { exact: true }).fill(PHOTO.caption);
    await panel.getByLabel('Credit', { exact: true }).fill(PHOTO.credit);
    await panel.getByLabel('Alt text', { exact: true }).fill(PHOTO.alt);
    await panel.getByRole('button', { name: 'Save photo' }).click();
    await panel.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

    const saved = await site.test.app.storage.stores.media.findById(photoId);
    expect(saved).toMatchObject({ ...PHOTO, focalPoint: { x: 0.3, y: 0.3 } });
  });

  it('uploads photos dropped together, never more than three at a time', async () => {
    await page.goto(`${site.baseUrl}/admin/media`);
    await page.getByRole('heading', { name: 'Photos', level: 1 }).waitFor();
    const colours = ['#8c2f39', '#2f8c55', '#2f4f8c', '#8c7a2f', '#5e2f8c'];
    const files = await Promise.all(
      colours.map(async (background, n) => ({
        name: `market-${n + 1}.jpg`,
        base64: (
          await sharp({ create: { width: 400, height: 300, channels: 3, background } })
            .jpeg()
            .toBuffer()
        ).toString('base64'),
      })),
    );
    // Each upload is held back a little, to count how many the app sends at once.
    let sending = 0;
    let most = 0;
    await page.route('**/api/admin/media', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      sending += 1;
      most = Math.max(most, sending);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const response = await route.fetch();
      sending -= 1;
      await route.fulfill({ response });
    });
    const dropped = await page.evaluateHandle((photos) => {
      const transfer = new DataTransfer();
      for (const photo of photos) {
        const bytes = Uint8Array.from(atob(photo.base64), (c) => c.charCodeAt(0));
        transfer.items.add(new File([bytes], photo.name, { type: 'image/jpeg' }));
      }
      return transfer;
    }, files);
    await page.locator('.drop-target').dispatchEvent('drop', { dataTransfer: dropped });
    await page.getByRole('status').filter({ hasText: '5 uploaded.' }).waitFor();
    await page.unroute('**/api/admin/media');
    expect(most).toBe(3);
    for (const { name } of files) await uploadRow(page, name).getByText('Uploaded').waitFor();
  });

  it('shows the server’s refusal of a text file named photo.jpg beside that file', async () => {
    await page.locator('#library-upload-input').setInputFiles({
      name: 'photo.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from('Notes from the harbour master, not a photo.\n'),
    });
    const refusal = uploadRow(page, 'photo.jpg').locator('.error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/^photo\.jpg.*JPEG/);
    await page.getByRole('status').filter({ hasText: '1 refused' }).waitFor();
  });

  it('makes the photo the lead of a published story, which readers get as a <picture>', async () => {
    await page.getByRole('link', { name: 'New article' }).click();
    await page.getByRole('heading', { name: 'New article' }).waitFor();
    await page.getByLabel('Headline').fill(STORY.headline);
    await page.getByLabel('Section').selectOption({ label: 'World' });
    await bodyBox(page).click();
    await page.keyboard.type(STORY.paragraph);

    await page.getByRole('button', { name: 'Choose lead photo' }).click();
    const picker = page.getByRole('dialog', { name: 'Choose the lead photo' });
    await picker.getByLabel('Search the library').fill('Mutrah harbour');
    await picker.getByRole('button', { name: 'Search', exact: true }).click();
    await picker.getByRole('button', { name: /Fishing boats come back/ }).click();
    await picker.waitFor({ state: 'detached' });
    // The library's wording comes with the photo, for this article to change if it wants.
    expect(await page.getByLabel('Alt text', { exact: true }).inputValue()).toBe(PHOTO.alt);
    expect(await page.getByLabel('Credit', { exact: true }).inputValue()).toBe(PHOTO.credit);
    await page.getByText('Focal point at 30% across, 30% down').waitFor();

    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.getByRole('heading', { name: `Edit article: ${STORY.headline}` }).waitFor();
    await page.getByRole('button', { name: 'Publish' }).click();
    await answerConfirmation(page, 'Yes, publish');
    await page.getByRole('status').filter({ hasText: 'Published.' }).waitFor();
    slug = await page.getByLabel('Slug').inputValue();

    const reader = await (await newWindow(browser)).newPage();
    await reader.goto(`${site.baseUrl}/world/${slug}`);
    const lead = reader.locator('picture', { has: reader.locator(`img[alt="${PHOTO.alt}"]`) });
    expect(await lead.count()).toBe(1);
    expect(await lead.locator('source[type="image/avif"]').count()).toBe(1);
    expect(await lead.locator('source[type="image/webp"]').count()).toBe(1);
    const img = lead.locator('img');
    expect(Number(await img.getAttribute('width'))).toBeGreaterThan(0);
    expect(Number(await img.getAttribute('height'))).toBeGreaterThan(0);
    expect(await img.getAttribute('fetchpriority')).toBe('high');
    // The browser picks a source from the srcset and actually gets a photo from it.
    await reader.waitForFunction(
      (alt) => {
        const shown = document.querySelector<HTMLImageElement>(`picture img[alt="${alt}"]`);
        return shown !== null && shown.complete && shown.naturalWidth > 0;
      },
      PHOTO.alt,
      { timeout: 20_000 },
    );
    await reader.context().close();
  });

  it('lists the story under where the photo is used, and will not delete the photo', async () => {
    const panel = await openInLibrary(page, site.baseUrl);
    const usage = panel.getByRole('region', { name: 'Where it’s used' });
    await usage.getByRole('link', { name: STORY.headline }).waitFor();
    expect(await usage.textContent()).toContain('lead photo');

    const remove = panel.getByRole('button', { name: 'Delete photo…' });
    expect(await remove.isDisabled()).toBe(true);
    expect(await panel.getByText(/cannot be deleted while an article uses it/).count()).toBe(1);

    // The server refuses too, naming the story, should anyone ask it directly.
    const answer = await page.evaluate(async (id) => {
      const session = (await (await fetch('/api/admin/session')).json()) as { csrfToken: string };
      const response = await fetch(`/api/admin/media/${id}`, {
        method: 'DELETE',
        headers: { 'x-csrf-token': session.csrfToken },
      });
      return { status: response.status, body: await response.text() };
    }, photoId);
    expect(answer.status).toBe(409);
    expect(answer.body).toContain(STORY.headline);
    expect(await site.test.app.storage.stores.media.findById(photoId)).toBeDefined();
  });

  it('lets a contributor describe their own photo but offers them no Delete, as the server refuses it', async () => {
    await site.addStaff('contributor', 'stringer@paper.example', 'Rashid Stringer');
    const stringer = await site.test.app.storage.stores.users.findByEmail('stringer@paper.example');
    const caption = 'Nets drying on the Sur waterfront';
    await site.test.app.storage.stores.media.create(
      mediaRecord({ originalName: 'sur-nets.jpg', caption, uploadedBy: stringer!.id }),
      new Date(),
    );
    const contributor = await signIn(
      await newWindow(browser),
      site.baseUrl,
      'stringer@paper.example',
    );
    await contributor.goto(`${site.baseUrl}/admin/media`);
    await contributor.getByLabel('Search photos').fill('Sur waterfront');
    await contributor.getByRole('button', { name: 'Filter' }).click();
    await contributor
      .getByRole('region', { name: 'Library' })
      .getByRole('button', { name: /Nets drying/ })
      .click();
    const panel = photoPanel(contributor);
    await panel.getByLabel('Caption').waitFor();
    expect(await panel.getByLabel('Caption').isDisabled()).toBe(false);
    expect(await panel.getByRole('button', { name: 'Delete photo…' }).count()).toBe(0);
    await contributor.context().close();
  });
});
