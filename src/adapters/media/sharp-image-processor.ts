import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { ImageProcessor, ProcessedImage } from '../../services/ports.js';

/** Widths a phone, a tablet and a desktop pick from with srcset. */
const WIDTHS = [480, 800, 1200, 1600];
const FORMATS = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  heif: 'image/avif',
} as const;

const hex = (n: number) => Math.round(n).toString(16).padStart(2, '0');

/**
 * Photos through sharp: recognised by content, turned upright by EXIF orientation, and
 * re-encoded without metadata (so no GPS position leaves the newsroom).
 */
export class SharpImageProcessor implements ImageProcessor {
  constructor(private readonly maxPixels = 100_000_000) {}

  async process(bytes: Uint8Array): Promise<ProcessedImage> {
    const input = sharp(bytes, { limitInputPixels: this.maxPixels, failOn: 'error' });
    const metadata = await input.metadata();
    const mimeType = FORMATS[metadata.format as keyof typeof FORMATS];
    if (!mimeType || !metadata.width || !metadata.height)
      throw new Error('unsupported image format');
    // Orientations 5–8 swap width and height once the photo is turned upright.
    const swap = (metadata.orientation ?? 1) >= 5;
    const width = swap ? metadata.height : metadata.width;
    const height = swap ? metadata.width : metadata.height;
    const upright = sharp(bytes, { limitInputPixels: this.maxPixels }).rotate();
    const { dominant } = await upright.clone().stats();
    const widths = WIDTHS.filter((w) => w < width).concat(Math.min(width, WIDTHS.at(-1) ?? width));
    const renditions = [];
    for (const w of [...new Set(widths)]) {
      const h = Math.round((height * w) / width);
      const resized = upright.clone().resize(w);
      renditions.push(
        {
          bytes: await resized.clone().webp({ quality: 72 }).toBuffer(),
          format: 'webp' as const,
          width: w,
          height: h,
        },
        {
          bytes: await resized.clone().jpeg({ quality: 78, mozjpeg: true }).toBuffer(),
          format: 'jpeg' as const,
          width: w,
          height: h,
        },
      );
    }
    return {
      mimeType,
      width,
      height,
      placeholderColor: `#${hex(dominant.r)}${hex(dominant.g)}${hex(dominant.b)}`,
      contentHash: createHash('sha256').update(bytes).digest('hex').slice(0, 32),
      metadata: {},
      renditions,
    };
  }
}
