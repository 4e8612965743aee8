import { describe, expect, it } from 'vitest';
import { sniffImageFormat } from './sniff-image-format.js';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(
    parts.flatMap((part) =>
      typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : part,
    ),
  );

/** An ISO-BMFF `ftyp` box with the given brands, then a little of what would follow. */
function ftyp(major: string, ...compatible: string[]) {
  const size = 16 + 4 * compatible.length;
  return bytes([0, 0, 0, size], 'ftyp', major, [0, 0, 0, 0], ...compatible, [0, 0, 0, 8], 'free');
}

describe('recognising an image by its first bytes', () => {
  it('knows JPEG, PNG, GIF (both versions) and WebP by their signatures', () => {
    expect(sniffImageFormat(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('jpeg');
    expect(
      sniffImageFormat(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR')),
    ).toBe('png');
    expect(sniffImageFormat(bytes('GIF87a', [1, 0, 1, 0]))).toBe('gif');
    expect(sniffImageFormat(bytes('GIF89a', [1, 0, 1, 0]))).toBe('gif');
    expect(sniffImageFormat(bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '))).toBe('webp');
  });

  it('knows AVIF by its major brand or by a compatible brand', () => {
    expect(sniffImageFormat(ftyp('avif', 'mif1', 'miaf'))).toBe('avif');
    expect(sniffImageFormat(ftyp('avis', 'msf1'))).toBe('avif');
    expect(sniffImageFormat(ftyp('mif1', 'miaf', 'avif'))).toBe('avif');
  });

  it('refuses HEIC and other ISO-BMFF files that are not AVIF', () => {
    expect(sniffImageFormat(ftyp('heic', 'mif1', 'heic'))).toBeNull();
    expect(sniffImageFormat(ftyp('mif1', 'heic', 'heix'))).toBeNull();
    expect(sniffImageFormat(ftyp('isom', 'iso2', 'mp41'))).toBeNull();
  });

  it('does not read brands past the end of the ftyp box', () => {
    // 'avif' appears in the next box, not among the compatible brands.
    const next = bytes([0, 0, 0, 16], 'ftyp', 'heic', [0, 0, 0, 0], [0, 0, 0, 12], 'avif');
    expect(sniffImageFormat(next)).toBeNull();
  });

  it('refuses text, other formats and files too short to tell', () => {
    expect(sniffImageFormat(bytes('This is not a photo, just text.'))).toBeNull();
    expect(sniffImageFormat(bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '))).toBeNull();
    expect(sniffImageFormat(bytes('II*', [0]))).toBeNull(); // TIFF
    expect(sniffImageFormat(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImageFormat(bytes([0xff, 0xd8]))).toBeNull();
    expect(sniffImageFormat(new Uint8Array(0))).toBeNull();
    expect(sniffImageFormat(bytes([0, 0, 0, 8], 'ftyp'))).toBeNull();
  });

  it('reads a view into a larger buffer from its own start', () => {
    const backing = bytes('junk', [0xff, 0xd8, 0xff, 0xdb]);
    expect(sniffImageFormat(backing.subarray(4))).toBe('jpeg');
    const avif = ftyp('avif', 'mif1');
    const shifted = new Uint8Array(avif.length + 3);
    shifted.set(avif, 3);
    expect(sniffImageFormat(shifted.subarray(3))).toBe('avif');
  });
});
