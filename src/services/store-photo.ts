import type { MediaItem } from '../domain/media/media-item.js';
import { invalid } from '../domain/errors.js';
import type { ImageProcessor, MediaFiles, Stores } from './ports.js';

export interface PhotoDetails {
  originalName: string;
  caption: string;
  credit: string;
  alt: string;
}

export interface StoredPhoto {
  media: MediaItem;
  /** Files this call wrote, to remove if the surrounding transaction fails. */
  writtenPaths: string[];
}

const EXTENSIONS = { jpeg: 'jpg', webp: 'webp', avif: 'avif', png: 'png', gif: 'gif' } as const;

/**
 * Decodes a photo, writes its renditions under content-hashed names and records it in the
 * library; the same bytes stored twice give the same item.
 */
export async function storePhoto(
  deps: { images: ImageProcessor; files: MediaFiles; stores: Stores; now: Date },
  bytes: Uint8Array,
  details: PhotoDetails,
): Promise<StoredPhoto> {
  const processed = await deps.images.process(bytes).catch((error: unknown) => {
    throw invalid(`${details.originalName} is not a photo we can read (${String(error)})`);
  });
  const existing = await deps.stores.media.findByContentHash(processed.contentHash);
  if (existing) return { media: existing, writtenPaths: [] };
  const writtenPaths: string[] = [];
  const variants = [];
  for (const rendition of processed.renditions) {
    const path = `${processed.contentHash.slice(0, 2)}/${processed.contentHash}-${rendition.width}.${EXTENSIONS[rendition.format]}`;
    if (await deps.files.put(path, rendition.bytes)) writtenPaths.push(path);
    variants.push({
      path,
      format: rendition.format,
      width: rendition.width,
      height: rendition.height,
      bytes: rendition.bytes.byteLength,
    });
  }
  const media = await deps.stores.media.create(
    {
      originalName: details.originalName,
      mimeType: processed.mimeType,
      width: processed.width,
      height: processed.height,
      caption: details.caption || processed.metadata.caption || '',
      credit: details.credit || processed.metadata.credit || '',
      alt: details.alt,
      placeholderColor: processed.placeholderColor,
      variants,
      contentHash: processed.contentHash,
    },
    deps.now,
  );
  return { media, writtenPaths };
}
