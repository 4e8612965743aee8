import sharp from 'sharp';
import type { SvgRasteriser } from '../../services/ports.js';

/** Our own SVGs as PNGs through sharp (librsvg); text is set in the machine's fonts. */
export const sharpSvgRasteriser: SvgRasteriser = {
  async png(svg) {
    const bytes = await sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer();
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  },
};
