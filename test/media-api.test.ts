/**
 * Uploads to the photo library through the newsroom API, with real files: what is accepted,
 * what is refused (and leaves nothing behind), and what readers are then served.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  avifPhoto,
  decompressionBomb,
  gifPhoto,
  jpegPhoto,
  jpegRotatedByExif,
  jpegWithCredits,
  jpegWithGps,
  pngPhoto,
  textRenamedJpg,
  truncatedJpeg,
  webpPhoto,
} from './media-fixtures.js';
import { multipartBody } from './multipart-body.js';
import type { Browser } from './newsroom-client.js';
import { distinctJpeg, photoLibrary, type Fixture, type Photo } from './photo-library.js';
import type { TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';

describe.each(ENGINES)('uploading photos on $engine', ({ create }) => {
  const library = photoLibrary();
  const { call, upload, uploaded, fetchMedia, variantPath } = library;
  let t: TestApp;
  let editor: Browser;
  let writer: Browser;
  let contributor: Browser;

  beforeAll(async () => {
    await library.start(await create());
    ({ t, editor, writer, contributor } = library.state);
  });
  afterAll(() => library.state.t?.close());
  /** Every file in media storage, and every row the library keeps. */
  const leftovers = async () => ({
    files: (await t.app.media.files.list('')).sort(),
    rows: (await t.app.storage.stores.media.list({ limit: 1000, offset: 0 })).length,
    jobs: await t.app.storage.stores.jobs.countPending('media.variants'),
  });

  it('accepts JPEG, PNG, WebP, AVIF and GIF, recognised by content, and makes variants in the background', async () => {
    const files: [Fixture, string][] = [
      [await jpegPhoto({ width: 480, height: 320 }), 'jpeg'],
      [await pngPhoto({ width: 480, height: 320 }), 'png'],
      [await webpPhoto({ width: 480, height: 320 }), 'webp'],
      [await avifPhoto({ width: 480, height: 320 }), 'avif'],
      [await gifPhoto({ width: 400, height: 300 }), 'gif'],
    ];
    for (const [file, format] of files) {
      // The name lies on purpose: the content decides.
      const photo = await uploaded(writer, { name: `upload-${format}.bin`, bytes: file.bytes });
      expect(photo.format).toBe(format);
      expect(photo.variantsReady).toBe(false);
      expect(photo.uploadedBy?.id).toBeGreaterThan(0);
    }
    expect(await t.app.storage.stores.jobs.countPending('media.variants')).toBe(5);
    await t.app.jobs.runDue();
    expect(await t.app.storage.stores.jobs.countPending('media.variants')).toBe(0);
    const list = (await call({ url: '/api/admin/media', as: writer })).json<Photo[]>();
    expect(list.length).toBeGreaterThanOrEqual(5);
    for (const photo of list.slice(0, 5)) {
      expect(photo.variantsReady).toBe(true);
      const avif = await fetchMedia(variantPath(photo, 'original', 'avif'));
      expect(avif.statusCode).toBe(200);
      expect(avif.headers['content-type']).toBe('image/avif');
      expect(avif.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect((await sharp(avif.rawPayload).metadata()).format).toBe('heif');
    }
  });

  it('serves a variant the job has not made yet, made on request, and never an original', async () => {
    const photo = await uploaded(editor, await jpegPhoto({ width: 1300, height: 900 }));
    const before = await t.app.media.files.list(`${photo.contentHash.slice(0, 2)}/`);
    expect(before).toEqual([]);
    const response = await fetchMedia(variantPath(photo, '16x9', 'webp'));
    expect(response.statusCode).toBe(200);
    const meta = await sharp(response.rawPayload).metadata();
    expect(meta.format).toBe('webp');
    expect(meta.width).toBe(320);
    expect(meta.height).toBe(180);
    const originals = (await t.app.media.files.list('originals/')).filter((key) =>
      key.includes(photo.contentHash),
    );
    expect(originals).toHaveLength(1);
    expect((await fetchMedia(`/media/${originals[0] ?? ''}`)).statusCode).toBe(404);
    // Names the plan does not offer are not made.
    const odd = `/media/${photo.contentHash.slice(0, 2)}/${photo.contentHash}/original-333.webp`;
    expect((await fetchMedia(odd)).statusCode).toBe(404);
    expect((await fetchMedia('/media/../../etc/passwd')).statusCode).toBe(404);
  });

  it('removes GPS and every other EXIF from what readers get', async () => {
    const gps = await jpegWithGps();
    expect((await sharp(gps.bytes).metadata()).exif).toBeDefined();
    const photo = await uploaded(editor, gps);
    for (const format of ['avif', 'webp', 'jpeg'] as const) {
      const response = await fetchMedia(variantPath(photo, 'original', format));
      expect(response.statusCode).toBe(200);
      const meta = await sharp(response.rawPayload).metadata();
      expect(meta.exif, format).toBeUndefined();
      expect(meta.xmp, format).toBeUndefined();
      expect(meta.iptc, format).toBeUndefined();
      expect(response.rawPayload.includes(Buffer.from('GPS'))).toBe(false);
    }
  });

  it('turns a photo upright by its EXIF orientation', async () => {
    const photo = await uploaded(editor, await jpegRotatedByExif());
    expect(photo.height).toBeGreaterThan(photo.width);
    const response = await fetchMedia(variantPath(photo, 'original', 'jpeg'));
    const { data, info } = await sharp(response.rawPayload)
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(info.height).toBeGreaterThan(info.width);
    const pixel = (y: number) => {
      const at = (y * info.width + Math.floor(info.width / 2)) * info.channels;
      return [data[at] ?? 0, data[at + 1] ?? 0, data[at + 2] ?? 0];
    };
    const [topRed, topGreen] = pixel(Math.floor(info.height * 0.1));
    const [bottomRed] = pixel(Math.floor(info.height * 0.9));
    expect(topRed).toBeGreaterThan(180);
    expect(topGreen).toBeLessThan(80);
    expect(bottomRed).toBeLessThan(120);
  });

  it('offers the credit and caption written into the file, and keeps what the uploader typed first', async () => {
    const file = await jpegWithCredits({
      caption: 'Fishermen unload the morning catch at Seeb',
      credit: 'ONA',
      creator: 'Salim Al Hinai',
      copyright: '© Oman News Agency',
    });
    const photo = await uploaded(editor, file);
    expect(photo).toMatchObject({
      caption: 'Fishermen unload the morning catch at Seeb',
      credit: 'ONA',
      creator: 'Salim Al Hinai',
      copyright: '© Oman News Agency',
    });
    await t.app.storage.stores.media.remove(photo.id);
    await t.app.media.files.remove(await t.app.media.files.list(''));
    const typed = await uploaded(editor, file, { caption: 'Seeb fish market', alt: 'Boats' });
    expect(typed).toMatchObject({ caption: 'Seeb fish market', credit: 'ONA', alt: 'Boats' });
  });

  it('gives the photo already in the library when the same bytes come again', async () => {
    const file = await distinctJpeg(640, 480, 7);
    const first = await uploaded(writer, file);
    const again = await upload(contributor, { name: 'copy.jpg', bytes: file.bytes });
    expect(again.statusCode).toBe(200);
    expect(again.json<Photo>().id).toBe(first.id);
  });

  describe('refuses what it cannot take, and leaves nothing behind', () => {
    const cases: [string, () => Promise<Fixture> | Fixture, number, RegExp][] = [
      ['a decompression bomb', decompressionBomb, 413, /pixels/],
      ['a text file named .jpg', textRenamedJpg, 415, /JPEG, PNG, WebP, AVIF or GIF/],
      ['a truncated JPEG', truncatedJpeg, 400, /damaged|incomplete/],
    ];
    it.each(cases)('%s', async (_name, make, status, message) => {
      const before = await leftovers();
      const response = await upload(writer, await make());
      expect(response.statusCode, response.body).toBe(status);
      expect(response.json<{ error: string }>().error).toMatch(message);
      expect(await leftovers()).toEqual(before);
    });

    it('a file above MEDIA_MAX_BYTES', async () => {
      const before = await leftovers();
      const big = await distinctJpeg(400, 300, 3);
      const limit = t.app.media.limits.maxBytes;
      t.app.media.limits.maxBytes = big.bytes.byteLength - 1;
      try {
        const response = await upload(writer, big);
        expect(response.statusCode).toBe(413);
        expect(response.json<{ error: string }>().error).toMatch(/the most a photo may be/);
      } finally {
        t.app.media.limits.maxBytes = limit;
      }
      expect(await leftovers()).toEqual(before);
    });

    it('a request without a file field, and one from someone not signed in', async () => {
      const file = await distinctJpeg(320, 240, 9);
      const wrongField = multipartBody({ ...file, field: 'photo' });
      const response = await call({
        method: 'POST',
        url: '/api/admin/media',
        as: writer,
        body: wrongField.body,
        headers: wrongField.headers,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json<{ field: string }>().field).toBe('file');
      const { body, headers } = multipartBody(file);
      const anonymous = await call({ method: 'POST', url: '/api/admin/media', body, headers });
      expect(anonymous.statusCode).toBe(401);
      const noCsrf = await call({
        method: 'POST',
        url: '/api/admin/media',
        as: writer,
        csrf: null,
        body,
        headers,
      });
      expect(noCsrf.statusCode).toBe(403);
    });
  });
});
