import { z } from 'zod';
import { notFound } from '../../domain/errors.js';
import { authorize } from '../../domain/roles/permissions.js';
import type { Actor } from '../../domain/roles/role.js';
import { recordId } from '../../domain/validation.js';
import type { MediaItem } from '../../domain/media/media-item.js';
import type { Stores } from '../ports.js';
import type { MediaUse } from './media-ports.js';

const PAGE_SIZE = 60;
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2024-04-24');

export const photoQuerySchema = z
  .object({
    search: z.string().max(200).optional(),
    uploadedBy: z.coerce.number().pipe(recordId).optional(),
    from: day.optional(),
    to: day.optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
  })
  .strict();

export type PhotoQuery = z.infer<typeof photoQuerySchema>;

const startOfDay = (value: string) => new Date(`${value}T00:00:00Z`);
const dayAfter = (value: string) => new Date(startOfDay(value).getTime() + 86_400_000);

/** The library, newest first: searched by caption, credit and file name, filtered. */
export async function listPhotos(stores: Pick<Stores, 'media'>, actor: Actor, query: PhotoQuery) {
  authorize(actor, 'media.upload');
  return stores.media.list({
    search: query.search,
    uploadedBy: query.uploadedBy,
    from: query.from === undefined ? undefined : startOfDay(query.from),
    to: query.to === undefined ? undefined : dayAfter(query.to),
    limit: PAGE_SIZE,
    offset: (query.page - 1) * PAGE_SIZE,
  });
}

/** One photo and every article that shows it. */
export async function readPhoto(
  stores: Pick<Stores, 'media'>,
  actor: Actor,
  id: number,
): Promise<MediaItem & { usage: MediaUse[] }> {
  authorize(actor, 'media.upload');
  const photo = await stores.media.findById(id);
  if (!photo) throw notFound(`There is no photo ${id}`);
  return { ...photo, usage: await stores.media.usage(id) };
}

/** Everyone who has uploaded a photo, for the library's filter. */
export function listUploaders(stores: Pick<Stores, 'media'>, actor: Actor) {
  authorize(actor, 'media.upload');
  return stores.media.uploaders();
}
