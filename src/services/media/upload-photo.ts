import { z } from 'zod';
import { authorize } from '../../domain/roles/permissions.js';
import type { Actor } from '../../domain/roles/role.js';
import type { MediaItem } from '../../domain/media/media-item.js';
import { acceptPhoto, recordPhoto } from './accept-photo.js';
import type { MediaUseCaseDeps, PhotoStores } from './media-deps.js';

export const uploadFieldsSchema = z
  .object({
    caption: z.string().max(2_000).optional(),
    credit: z.string().max(300).optional(),
    alt: z.string().max(1_000).optional(),
  })
  .strict();

export type UploadFields = z.infer<typeof uploadFieldsSchema>;

/** A file as it arrived: its bytes and the name the uploader's computer gave it. */
export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

const cleanName = (name: string) =>
  // Keep the last path segment only, without control characters, at a sane length.
  (name.split(/[\\/]/).pop() ?? '').replace(/\p{Cc}/gu, '').slice(0, 200) || 'photo';

/** The upload's file and the text fields sent beside it, read and checked by the transport. */
export interface ReceivedUpload {
  file: UploadedFile;
  fields: UploadFields;
}

/**
 * Adds a photo to the library. All or nothing: a refused or failed upload leaves no file and
 * no row. The same bytes uploaded again give the photo already there (created: false).
 * `receive` reads the request's body, and is only called once the upload has a place: a member
 * with too many uploads under way is refused (429) before their file fills memory.
 */
export async function uploadPhoto(
  deps: MediaUseCaseDeps<PhotoStores>,
  actor: Actor,
  receive: () => Promise<ReceivedUpload>,
): Promise<{ media: MediaItem; created: boolean }> {
  authorize(actor, 'media.upload');
  const place = deps.uploads.take(actor.userId);
  try {
    const { file, fields } = await receive();
    return await storeUpload(deps, actor, file, fields);
  } finally {
    place.release();
  }
}

async function storeUpload(
  deps: MediaUseCaseDeps<PhotoStores>,
  actor: Actor,
  file: UploadedFile,
  details: UploadFields,
) {
  const originalName = cleanName(file.name);
  // Each member's decoding waits in a lane of its own, so one burst cannot starve the others.
  const lane = `uploader:${actor.userId}` as const;
  const accepted = await acceptPhoto(deps, file.bytes, originalName, lane);
  try {
    const result = await deps.storage.transaction((stores) =>
      recordPhoto(stores, accepted, { originalName, ...details }, actor.userId, deps.clock.now()),
    );
    if (result.created) deps.wakeJobs?.();
    return result;
  } catch (error) {
    await accepted.discard();
    // The same photo, uploaded at the same moment by someone else, got there first.
    const winner = await deps.storage.stores.media.findByContentHash(accepted.contentHash);
    if (winner) return { media: winner, created: false };
    throw error;
  }
}
