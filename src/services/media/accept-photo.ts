import { createHash } from 'node:crypto';
import type { EmbeddedPhotoDetails, MediaItem } from '../../domain/media/media-item.js';
import { CENTRE } from '../../domain/media/media-item.js';
import { MIME_TYPES, originalKey } from '../../domain/media/variant-plan.js';
import { tooLarge } from '../../domain/errors.js';
import { formatFileSize } from '../../domain/media/file-size.js';
import type { Reads, Stores } from '../ports.js';
import type { EncodeLane, InspectedImage } from './media-ports.js';
import { MAKE_VARIANTS_JOB, type MediaDeps, type PhotoStores } from './media-deps.js';

/**
 * An upload that passed every check, with its original stored; or one whose bytes the library
 * holds already (`existing`), which was checked when it first came and is not stored again.
 */
export type AcceptedPhoto = {
  contentHash: string;
  bytes: number;
  /** Removes the original again when the caller's transaction fails. */
  discard(): Promise<void>;
} & ({ existing: MediaItem } | { existing: undefined; inspected: InspectedImage });

/** What the uploader says about the photo; empty fields take what the file says. */
export interface PhotoDetails {
  originalName: string;
  caption?: string;
  credit?: string;
  alt?: string;
}

/**
 * Checks a new upload (size, kind, pixel count, whole) and stores its original. Runs before
 * the database transaction, so a bad file never reaches the database and a failed
 * transaction can discard the one file written. The decoding waits its turn in `lane`.
 */
export async function acceptPhoto(
  deps: Pick<MediaDeps, 'files' | 'images' | 'limits'> & { storage: Reads<Pick<Stores, 'media'>> },
  bytes: Uint8Array,
  name: string,
  lane: EncodeLane = 'background',
): Promise<AcceptedPhoto> {
  if (bytes.byteLength > deps.limits.maxBytes) {
    throw tooLarge(
      `${name} is ${formatFileSize(bytes.byteLength)}; photos may be at most ${formatFileSize(deps.limits.maxBytes)}`,
    );
  }
  // A photo the library has is known to be good: no need to decode it again.
  const contentHash = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
  const existing = await deps.storage.stores.media.findByContentHash(contentHash);
  const noop = () => Promise.resolve();
  if (existing) return { contentHash, bytes: bytes.byteLength, existing, discard: noop };
  const inspected = await deps.images.inspect(bytes, { maxPixels: deps.limits.maxPixels }, lane);
  const key = originalKey(contentHash, inspected.format);
  const wasThere = await deps.files.has(key);
  await deps.files.put(key, bytes, MIME_TYPES[inspected.format]);
  return {
    inspected,
    contentHash,
    bytes: bytes.byteLength,
    existing: undefined,
    async discard() {
      // Another upload of the same bytes may have won the race and recorded this original.
      if (wasThere || (await deps.storage.stores.media.findByContentHash(contentHash))) return;
      await deps.files.remove([key]);
    },
  };
}

const firstOf = (...values: (string | undefined)[]) =>
  values.map((v) => v?.trim() ?? '').find((v) => v !== '') ?? '';

/** Records an accepted photo in the library and queues its variants; inside a transaction. */
export async function recordPhoto(
  stores: PhotoStores,
  accepted: AcceptedPhoto,
  details: PhotoDetails,
  uploadedBy: number | null,
  now: Date,
): Promise<{ media: MediaItem; created: boolean }> {
  if (accepted.existing) return { media: accepted.existing, created: false };
  const { inspected } = accepted;
  const embedded: EmbeddedPhotoDetails = inspected.embedded;
  const media = await stores.media.create(
    {
      originalName: details.originalName,
      mimeType: MIME_TYPES[inspected.format],
      format: inspected.format,
      width: inspected.width,
      height: inspected.height,
      bytes: accepted.bytes,
      caption: firstOf(details.caption, embedded.caption),
      credit: firstOf(details.credit, embedded.credit, embedded.creator),
      creator: firstOf(embedded.creator),
      copyright: firstOf(embedded.copyright),
      alt: firstOf(details.alt),
      focalPoint: CENTRE,
      placeholderColor: inspected.placeholderColor,
      contentHash: accepted.contentHash,
      uploadedBy,
    },
    now,
  );
  await stores.jobs.enqueue(MAKE_VARIANTS_JOB, { mediaId: media.id }, now, now);
  return { media, created: true };
}
