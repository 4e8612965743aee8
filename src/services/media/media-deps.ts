import type { Clock, Storage } from '../ports.js';
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

/** The kind of background job that makes a photo's variants. */
export const MAKE_VARIANTS_JOB = 'media.variants';
