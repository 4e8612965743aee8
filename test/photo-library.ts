/**
 * What the photo-library suites share: a staffed newsroom on each engine, uploads as a
 * browser sends them, and the reader's addresses of a photo's variants.
 */
import sharp from 'sharp';
import { expect } from 'vitest';
import type { DeliveryFormat } from '../src/domain/media/media-item.js';
import { planCrop, type CropName } from '../src/domain/media/variant-plan.js';
import { photoPixels } from './media-fixtures.js';
import { multipartBody } from './multipart-body.js';
import { newsroomClient, startNewsroom, type Browser } from './newsroom-client.js';
import type { TestApp } from './test-app.js';
import type { TestDatabase } from './test-databases.js';

export interface Photo {
  id: number;
  format: string;
  width: number;
  height: number;
  caption: string;
  credit: string;
  creator: string;
  copyright: string;
  alt: string;
  contentHash: string;
  variantsReady: boolean;
  focalPoint: { x: number; y: number };
  uploadedBy: { id: number; name: string } | null;
  urls: { thumbnail: string; preview: string };
}

export type Fixture = { name: string; bytes: Uint8Array };

/** A JPEG with its own pixels, so no two tests upload the same bytes. */
export const distinctJpeg = async (
  width: number,
  height: number,
  seed: number,
): Promise<Fixture> => ({
  name: `photo-${seed}.jpg`,
  bytes: await sharp(photoPixels({ width, height }, seed), { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 85 })
    .toBuffer(),
});

/** A newsroom with an editor, a writer and a contributor signed in, and calls on its library. */
export function photoLibrary() {
  const state = {} as {
    t: TestApp;
    editor: Browser;
    writer: Browser;
    contributor: Browser;
  };
  const client = newsroomClient(() => state.t);
  const { call } = client;

  const start = async (database: TestDatabase) => {
    state.t = await startNewsroom(database);
    state.editor = await client.signIn('editor@paper.example');
    state.writer = await client.signIn('writer@paper.example');
    state.contributor = await client.signIn('contributor@paper.example');
  };
  const upload = (as: Browser, file: Fixture, fields: Record<string, string> = {}) => {
    const { body, headers } = multipartBody(file, fields);
    return call({ method: 'POST', url: '/api/admin/media', as, body, headers });
  };
  const uploaded = async (as: Browser, file: Fixture, fields: Record<string, string> = {}) => {
    const response = await upload(as, file, fields);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Photo>();
  };
  const fetchMedia = (path: string) => state.t.server.inject({ method: 'GET', url: path });
  /** The smallest variant of a crop in a format, as the reader's page would link it. */
  const variantPath = (photo: Photo, crop: CropName, format: DeliveryFormat) => {
    const spec = planCrop(photo, crop).find((candidate) => candidate.format === format);
    expect(spec).toBeDefined();
    return `/media/${spec?.key ?? ''}`;
  };
  return { state, call, start, upload, uploaded, fetchMedia, variantPath };
}
