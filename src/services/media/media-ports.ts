/**
 * The ports of the photo desk: the media library's records, where the files live, and the
 * image processor that checks and re-encodes them.
 */
import type { ArticleStatus } from '../../domain/article/article.js';
import type {
  EmbeddedPhotoDetails,
  ImageFormat,
  MediaItem,
} from '../../domain/media/media-item.js';
import type { VariantSpec } from '../../domain/media/variant-plan.js';

export type NewMediaItem = Omit<MediaItem, 'id' | 'createdAt' | 'variantsReady'>;

/** What the media library can be searched and filtered by; newest first. */
export interface MediaQuery {
  /** Words each found in the caption, credit or file name. */
  search?: string;
  uploadedBy?: number;
  /** Uploaded at or after. */
  from?: Date;
  /** Uploaded before. */
  to?: Date;
  limit: number;
  offset: number;
}

/** The fields of a photo that may change after upload. */
export type MediaChanges = Partial<
  Pick<MediaItem, 'caption' | 'credit' | 'creator' | 'copyright' | 'alt' | 'focalPoint'>
> & { variantsReady?: boolean };

/** One article that shows a photo, and how. */
export interface MediaUse {
  articleId: number;
  headline: string;
  status: ArticleStatus;
  as: 'lead' | 'inline' | 'social';
}

export interface MediaStore {
  create(item: NewMediaItem, now: Date): Promise<MediaItem>;
  findByContentHash(hash: string): Promise<MediaItem | undefined>;
  findById(id: number): Promise<MediaItem | undefined>;
  list(query: MediaQuery): Promise<MediaItem[]>;
  update(id: number, changes: MediaChanges): Promise<MediaItem | undefined>;
  remove(id: number): Promise<void>;
  /** Everyone who has uploaded a photo, by name. */
  uploaders(): Promise<{ id: number; name: string }[]>;
  /** Articles (in any state) whose current text shows the photo. */
  usage(mediaId: number): Promise<MediaUse[]>;
}

/**
 * Where media files live: local disk by default, S3-compatible object storage for several
 * instances. Keys are relative, '/'-separated, and name their bytes for good (content hash).
 */
export interface MediaStorage {
  /** Writes the file, replacing any file at that key. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The file's bytes, or undefined when there is none. */
  get(key: string): Promise<Uint8Array | undefined>;
  has(key: string): Promise<boolean>;
  /** Removes the files; keys that do not exist are ignored. */
  remove(keys: string[]): Promise<void>;
  /** Every key that starts with the prefix. */
  list(prefix: string): Promise<string[]>;
}

/** An upload recognised, measured and decoded in full, so it is known to be whole. */
export interface InspectedImage {
  format: ImageFormat;
  /** Size once turned upright by the EXIF orientation. */
  width: number;
  height: number;
  placeholderColor: string;
  embedded: EmbeddedPhotoDetails;
}

/** One variant made from an original. */
export interface RenderedVariant {
  spec: VariantSpec;
  bytes: Uint8Array;
}

/**
 * Whose photo work this is. The encoder serves the lanes in turn, so one member's burst of
 * uploads cannot starve another's single photo, nor the background job a reader's variant.
 */
export type EncodeLane = 'background' | 'readers' | `uploader:${number}`;

/** What the encoder is doing now, and the most pipelines it ever ran at once. */
export interface EncoderLoad {
  running: number;
  waiting: number;
  mostAtOnce: number;
  /** Pipelines waiting, by lane; lanes with none are left out. */
  waitingByLane: Partial<Record<EncodeLane, number>>;
}

/**
 * Turns at the image encoder (IMAGE_ENCODE_CONCURRENCY): at most `concurrency` decodes or
 * encodes run at once in the process, taken lane by lane in rotation.
 */
export interface EncoderTurns {
  readonly concurrency: number;
  /** Runs the work when its lane's turn comes; the work must not wait for another turn. */
  run<T>(lane: EncodeLane, work: () => Promise<T>): Promise<T>;
  load(): EncoderLoad;
}

/** Recognises, checks and re-encodes photos; every decode and encode waits its turn. */
export interface ImageProcessor {
  /**
   * Checks an upload before anything is stored: throws unsupportedMedia when the content is
   * not JPEG, PNG, WebP, AVIF or GIF, tooLarge when it declares more than maxPixels (before
   * decoding it), and invalid when it does not decode whole (truncated, corrupt).
   * The lane is the background's unless given.
   */
  inspect(
    bytes: Uint8Array,
    limits: { maxPixels: number },
    lane?: EncodeLane,
  ): Promise<InspectedImage>;
  /**
   * Makes the variants from the original, upright and with no metadata (no EXIF, GPS, IPTC
   * or XMP) in what it returns; yields each one as soon as it is encoded.
   */
  render(
    original: Uint8Array,
    specs: VariantSpec[],
    lane?: EncodeLane,
  ): AsyncIterable<RenderedVariant>;
}
