/**
 * The photo library on S3-compatible storage, as several instances would share it: a real
 * S3 server on loopback, an upload through the API, variants made by the job and on demand,
 * served to readers, and deleted with the photo.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planCrop } from '../src/domain/media/variant-plan.js';
import { jpegWithGps } from './media-fixtures.js';
import { multipartBody } from './multipart-body.js';
import { newsroomClient, type Browser } from './newsroom-client.js';
import { startS3Server, type S3TestServer } from './s3-server.js';
import { startTestApp, type TestApp } from './test-app.js';

describe('the photo library on S3-compatible storage', () => {
  let s3: S3TestServer;
  let t: TestApp;
  const { call, signIn, addUser } = newsroomClient(() => t);
  let editor: Browser;

  beforeAll(async () => {
    s3 = await startS3Server();
    t = await startTestApp({
      MEDIA_STORAGE: 's3',
      S3_ENDPOINT: s3.endpoint,
      S3_BUCKET: s3.bucket,
      S3_ACCESS_KEY_ID: s3.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
      S3_PREFIX: 'paper',
    });
    await addUser('editor@paper.example', 'editor');
    editor = await signIn('editor@paper.example');
  });
  afterAll(async () => {
    await t?.close();
    await s3?.stop();
  });

  it('stores the original and its variants in the bucket, serves them, and deletes them', async () => {
    const { body, headers } = multipartBody(await jpegWithGps(), { alt: 'A dhow at anchor' });
    const uploaded = await call({
      method: 'POST',
      url: '/api/admin/media',
      as: editor,
      body,
      headers,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const photo = uploaded.json<{
      id: number;
      contentHash: string;
      width: number;
      height: number;
      focalPoint: { x: number; y: number };
    }>();
    const folder = `${photo.contentHash.slice(0, 2)}/${photo.contentHash}/`;

    // Before the job: a reader's request makes the variant and puts it in the bucket.
    const square = planCrop(photo, '1x1').find((spec) => spec.format === 'avif');
    const onDemand = await t.server.inject({ url: `/media/${square?.key ?? ''}` });
    expect(onDemand.statusCode).toBe(200);
    expect((await sharp(onDemand.rawPayload).metadata()).exif).toBeUndefined();
    expect(await t.app.media.files.has(square?.key ?? '')).toBe(true);

    await t.app.jobs.runDue();
    const stored = await t.app.media.files.list(folder);
    expect(stored.length).toBe(
      (['original', '16x9', '4x3', '1x1', 'social'] as const).reduce(
        (n, crop) => n + planCrop(photo, crop).length,
        0,
      ),
    );
    const social = planCrop(photo, 'social')[0];
    const card = await t.server.inject({ url: `/media/${social?.key ?? ''}` });
    expect(card.headers['content-type']).toBe('image/jpeg');
    expect(await sharp(card.rawPayload).metadata()).toMatchObject({ width: 1200, height: 628 });

    const removed = await call({
      method: 'DELETE',
      url: `/api/admin/media/${photo.id}`,
      as: editor,
    });
    expect(removed.statusCode).toBe(204);
    expect(await t.app.media.files.list('')).toEqual([]);
  });
});
