import type { Selectable } from 'kysely';
import type { MediaItem } from '../domain/media/media-item.js';
import { fromDbTime, type MediaTable } from './schema.js';

/** A media row as the domain sees it. */
export const mediaFrom = (row: Selectable<MediaTable>): MediaItem => ({
  id: row.id,
  originalName: row.original_name,
  mimeType: row.mime_type,
  format: row.format,
  width: row.width,
  height: row.height,
  bytes: row.bytes,
  caption: row.caption,
  credit: row.credit,
  creator: row.creator,
  copyright: row.copyright,
  alt: row.alt,
  focalPoint: { x: Number(row.focal_x), y: Number(row.focal_y) },
  placeholderColor: row.placeholder_color,
  contentHash: row.content_hash,
  variantsReady: Number(row.variants_ready) === 1,
  uploadedBy: row.uploaded_by,
  createdAt: fromDbTime(row.created_at),
});

/** The media columns, each as `<prefix>_<column>`, for queries that join a photo in. */
export const MEDIA_COLUMN_NAMES = [
  'id',
  'original_name',
  'mime_type',
  'format',
  'width',
  'height',
  'bytes',
  'caption',
  'credit',
  'creator',
  'copyright',
  'alt',
  'focal_x',
  'focal_y',
  'placeholder_color',
  'content_hash',
  'variants_ready',
  'uploaded_by',
  'created_at',
] as const satisfies readonly (keyof MediaTable)[];
