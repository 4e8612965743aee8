import sharp from 'sharp';
import type { SvgRasteriser } from '../../services/ports.js';
import type { EncoderTurns } from '../../services/media/media-ports.js';

/**
 * Our own SVGs as PNGs through sharp (librsvg); text is set in the machine's fonts. A reader's
 * page asks for the logo, so it waits in the readers' lane like their variants.
 */
export const sharpSvgRasteriser = (turns: EncoderTurns): SvgRasteriser => ({
  async png(svg) {
    const bytes = await turns.run('readers', () =>
      sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer(),
    );
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  },
});
