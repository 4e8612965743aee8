import { z } from 'zod';
import { notFound } from '../../domain/errors.js';
import { surrogateKeys } from '../../domain/publication/surrogate-keys.js';
import type { MediaItem } from '../../domain/media/media-item.js';
import { authorizeMedia } from '../../domain/roles/permissions.js';
import type { Actor } from '../../domain/roles/role.js';
import { MAKE_VARIANTS_JOB, type MediaUseCaseDeps, type PhotoStores } from './media-deps.js';

// Crop names carry the point in whole percent; finer points would name different crops alike.
const fraction = z
  .number()
  .min(0, 'must be between 0 and 1')
  .max(1, 'must be between 0 and 1')
  .transform((value) => Math.round(value * 100) / 100);

export const photoChangesSchema = z
  .object({
    caption: z.string().trim().max(2_000).optional(),
    credit: z.string().trim().max(300).optional(),
    creator: z.string().trim().max(300).optional(),
    copyright: z.string().trim().max(500).optional(),
    alt: z.string().trim().max(1_000).optional(),
    focalPoint: z.object({ x: fraction, y: fraction }).strict().optional(),
  })
  .strict();

export type PhotoChanges = z.infer<typeof photoChangesSchema>;

const samePoint = (a: MediaItem['focalPoint'], b: MediaItem['focalPoint']) =>
  Math.round(a.x * 100) === Math.round(b.x * 100) &&
  Math.round(a.y * 100) === Math.round(b.y * 100);

/**
 * Changes a photo's words or focal point. A new focal point means new crops: they are queued
 * at once, and until they are made the crops are cut on demand.
 */
export async function editPhoto(
  deps: MediaUseCaseDeps<PhotoStores>,
  actor: Actor,
  id: number,
  changes: PhotoChanges,
): Promise<MediaItem> {
  const now = deps.clock.now();
  const result = await deps.storage.transaction(async (stores) => {
    const photo = await stores.media.findById(id);
    if (!photo) throw notFound(`There is no photo ${id}`);
    authorizeMedia(actor, 'media.edit', photo);
    const moved = changes.focalPoint && !samePoint(changes.focalPoint, photo.focalPoint);
    const updated = await stores.media.update(id, {
      ...changes,
      ...(moved && { variantsReady: false }),
    });
    if (moved) await stores.jobs.enqueue(MAKE_VARIANTS_JOB, { mediaId: id }, now, now);
    // Captions, credits and alt text show on the stories using the photo and on their lists.
    const uses = await stores.media.usage(id);
    await stores.events.announce(uses.map((use) => surrogateKeys.article(use.articleId)));
    return { updated: updated ?? photo, moved };
  });
  if (result.moved) deps.wakeJobs?.();
  return result.updated;
}
