import { createHash } from 'node:crypto';
import type { NewMediaItem } from '../media/media-ports.js';

/** A library record for store-level tests, with no files behind it. */
export function mediaRecord(
  fields: Partial<NewMediaItem> & { originalName: string },
): NewMediaItem {
  return {
    mimeType: 'image/jpeg',
    format: 'jpeg',
    width: 1200,
    height: 800,
    bytes: 1000,
    caption: '',
    credit: '',
    creator: '',
    copyright: '',
    alt: '',
    focalPoint: { x: 0.5, y: 0.5 },
    placeholderColor: '#336699',
    contentHash: createHash('sha256').update(fields.originalName).digest('hex').slice(0, 32),
    uploadedBy: null,
    ...fields,
  };
}
