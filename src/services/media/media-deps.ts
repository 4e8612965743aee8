import type { Clock, Reads, Storage, Stores, Transactions } from '../ports.js';
import type { ImageProcessor, MediaStorage } from './media-ports.js';
import type { UploadPlaces } from './upload-places.js';

/** Limits on what an upload may be, from MEDIA_MAX_BYTES and MEDIA_MAX_PIXELS. */
export interface MediaLimits {
  maxBytes: number;
  maxPixels: number;
}

/** What the photo library's use cases need. */
export interface MediaDeps {
  storage: Storage;
  clock: Clock;
  files: MediaStorage;
  images: ImageProcessor;
  limits: MediaLimits;
  /** The uploads under way, per member: too many answer 429 before their file is read. */
  uploads: UploadPlaces;
  /** Tells the job worker there is new work, so variants start at once, not at the next poll. */
  wakeJobs?: () => void;
}

/**
 * MediaDeps with only the stores `S` (a Pick of Stores) a use case names; callers pass their
 * MediaDeps as they are.
 */
export type MediaUseCaseDeps<S> = Omit<MediaDeps, 'storage'> & {
  storage: Transactions<S> & Reads<S>;
};

/** The stores an upload touches: the photo's row and the job that makes its variants. */
export type PhotoStores = Pick<Stores, 'media' | 'jobs' | 'events'>;

/** What making a photo's variants needs: the files, the encoder and the photo rows. */
export type VariantDeps = Pick<MediaDeps, 'files' | 'images'> & {
  storage: Reads<Pick<Stores, 'media'>>;
};

/** The kind of background job that makes a photo's variants. */
export const MAKE_VARIANTS_JOB = 'media.variants';
