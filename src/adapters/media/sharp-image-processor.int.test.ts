import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  avifPhoto,
  decompressionBomb,
  gifPhoto,
  heicLike,
  jpegPhoto,
  jpegRotatedByExif,
  jpegWithCredits,
  jpegWithGps,
  jpegWithSpot,
  pngPhoto,
  textRenamedJpg,
  truncatedJpeg,
  webpPhoto,
} from '../../../test/media-fixtures.js';
import type { VariantSpec } from '../../domain/media/variant-plan.js';
import { planCrop, planVariants } from '../../domain/media/variant-plan.js';
import type { RenderedVariant } from '../../services/media/media-ports.js';
import { createEncoderTurns } from './encoder-turns.js';
import { SharpImageProcessor } from './sharp-image-processor.js';
import { sniffImageFormat } from './sniff-image-format.js';

const images = new SharpImageProcessor(createEncoderTurns(2));
const limits = { maxPixels: 40_000_000 };
const HASH = '0123456789abcdef0123456789abcdef';

const plan = (width: number, height: number, focalPoint = { x: 0.5, y: 0.5 }) =>
  planVariants({ contentHash: HASH, width, height, focalPoint });

async function renderAll(original: Uint8Array, specs: VariantSpec[]) {
  const rendered: RenderedVariant[] = [];
  for await (const variant of images.render(original, specs)) rendered.push(variant);
  return rendered;
}

/** The colour at a point of an encoded image, given as fractions of its size. */
async function colourAt(bytes: Uint8Array, x: number, y: number) {
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  const at =
    (Math.floor(y * (info.height - 1)) * info.width + Math.floor(x * (info.width - 1))) *
    info.channels;
  return { r: data[at] ?? 0, g: data[at + 1] ?? 0, b: data[at + 2] ?? 0 };
}

describe('inspecting an upload', () => {
  it.each([
    ['JPEG', jpegPhoto, 'jpeg'],
    ['PNG', pngPhoto, 'png'],
    ['WebP', webpPhoto, 'webp'],
    ['AVIF', avifPhoto, 'avif'],
    ['GIF', gifPhoto, 'gif'],
  ] as const)('accepts a %s photo and measures it', async (_, make, format) => {
    const { bytes } = await make({ width: 320, height: 240 });
    const inspected = await images.inspect(bytes, limits);
    expect(inspected).toMatchObject({ format, width: 320, height: 240, embedded: {} });
    expect(inspected.placeholderColor).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('accepts an animated GIF and counts the pixels of every frame', async () => {
    const { bytes } = await gifPhoto({ width: 200, height: 100 }, 4);
    await expect(images.inspect(bytes, limits)).resolves.toMatchObject({ width: 200, height: 100 });
    await expect(images.inspect(bytes, { maxPixels: 200 * 100 * 3 })).rejects.toMatchObject({
      kind: 'too_large',
      message: expect.stringContaining('4 frames') as string,
    });
  });

  it('gives the average colour as the placeholder', async () => {
    const bytes = await sharp({
      create: { width: 64, height: 64, channels: 3, background: '#336699' },
    })
      .png()
      .toBuffer();
    expect((await images.inspect(bytes, limits)).placeholderColor).toBe('#336699');
  });

  it('refuses a decompression bomb from its header, fast and without decoding it', async () => {
    const { bytes } = decompressionBomb();
    expect(bytes.length).toBeLessThan(2000);
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    await expect(images.inspect(bytes, limits)).rejects.toMatchObject({
      kind: 'too_large',
      message: expect.stringMatching(/50,000 × 50,000 pixels.*at most 40 megapixels/) as string,
    });
    // Decoding would need 7.5 GB and minutes; reading the header needs neither.
    expect(performance.now() - started).toBeLessThan(5000);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * 1024 * 1024);
  });

  it('refuses a text file renamed photo.jpg as not an image', async () => {
    const { name, bytes } = textRenamedJpg();
    expect(name).toBe('photo.jpg');
    await expect(images.inspect(bytes, limits)).rejects.toMatchObject({
      kind: 'unsupported_media',
      message: expect.stringContaining('not a JPEG, PNG, WebP, AVIF or GIF image') as string,
    });
  });

  it('refuses an iPhone HEIC photo', async () => {
    await expect(images.inspect(heicLike().bytes, limits)).rejects.toMatchObject({
      kind: 'unsupported_media',
    });
  });

  it('refuses a JPEG cut off halfway as damaged', async () => {
    const { bytes } = await truncatedJpeg();
    expect(sniffImageFormat(bytes)).toBe('jpeg');
    await expect(images.inspect(bytes, limits)).rejects.toMatchObject({
      kind: 'invalid',
      message: expect.stringContaining('JPEG file is damaged or incomplete') as string,
    });
  });

  it.each([
    ['PNG', pngPhoto],
    ['WebP', webpPhoto],
    ['AVIF', avifPhoto],
    ['GIF', gifPhoto],
  ] as const)('refuses a %s cut off halfway as damaged', async (_, make) => {
    const { bytes } = await make({ width: 320, height: 240 });
    const cut = bytes.subarray(0, Math.floor(bytes.length * 0.6));
    await expect(images.inspect(cut, limits)).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('reports a photo taken on its side at its upright size', async () => {
    const { bytes } = await jpegRotatedByExif();
    expect(await sharp(bytes).metadata()).toMatchObject({
      width: 400,
      height: 200,
      orientation: 6,
    });
    await expect(images.inspect(bytes, limits)).resolves.toMatchObject({ width: 200, height: 400 });
  });

  it('reads the caption and credits a wire photo carries', async () => {
    const { bytes } = await jpegWithCredits(
      {
        caption: 'Firefighters at the Grenfell memorial — Londres',
        credit: 'Reuters',
        creator: 'Hannah McKay',
        copyright: '© Reuters 2025',
      },
      { exif: { creator: 'EXIF Artist', copyright: 'EXIF Copyright' } },
    );
    expect((await images.inspect(bytes, limits)).embedded).toEqual({
      caption: 'Firefighters at the Grenfell memorial — Londres',
      credit: 'Reuters',
      creator: 'Hannah McKay',
      copyright: '© Reuters 2025',
    });
  });

  it('reads credits from XMP where the file has no IPTC', async () => {
    const xmp = { caption: 'Storm <Ciarán> & floods', credit: 'PA', creator: 'Lee Oh' };
    const { bytes } = await jpegWithCredits({}, { xmp, exif: { creator: 'Camera owner' } });
    expect((await images.inspect(bytes, limits)).embedded).toEqual(xmp);
  });

  it('falls back to the EXIF artist and copyright a camera wrote', async () => {
    const { bytes } = await jpegWithCredits(
      {},
      { exif: { creator: 'Sam Roe', copyright: 'Sam Roe / Daily' } },
    );
    expect((await images.inspect(bytes, limits)).embedded).toEqual({
      creator: 'Sam Roe',
      copyright: 'Sam Roe / Daily',
    });
  });
});

describe('rendering variants', () => {
  it('makes every planned variant at its exact size and in its format', async () => {
    const { bytes } = await jpegPhoto({ width: 900, height: 600 });
    const specs = plan(900, 600);
    const rendered = await renderAll(bytes, specs);
    expect(rendered.map((v) => v.spec.key).sort()).toEqual(specs.map((s) => s.key).sort());
    for (const { spec, bytes: out } of rendered) {
      expect(sniffImageFormat(out), spec.key).toBe(spec.format);
      const metadata = await sharp(out).metadata();
      expect({ width: metadata.width, height: metadata.height }, spec.key).toEqual({
        width: spec.width,
        height: spec.height,
      });
    }
  });

  it('makes a single variant on demand', async () => {
    const { bytes } = await pngPhoto({ width: 700, height: 500 });
    const spec = planCrop(
      { contentHash: HASH, width: 700, height: 500, focalPoint: { x: 0.5, y: 0.5 } },
      '1x1',
    ).find((s) => s.format === 'webp' && s.width === 480);
    expect(spec).toBeDefined();
    const [variant] = await renderAll(bytes, [spec as VariantSpec]);
    expect(await sharp(variant?.bytes).metadata()).toMatchObject({
      format: 'webp',
      width: 480,
      height: 480,
    });
  });

  it('serves a photo taken on its side upright, its top at the top', async () => {
    const { bytes } = await jpegRotatedByExif();
    const specs = plan(200, 400).filter((s) => s.crop === 'original' || s.crop === '1x1');
    const alone = specs.filter((s) => s.crop === 'original' && s.format === 'jpeg');
    const rendered = [...(await renderAll(bytes, specs)), ...(await renderAll(bytes, alone))];
    for (const { spec, bytes: out } of rendered) {
      const metadata = await sharp(out).metadata();
      expect(metadata.orientation, spec.key).toBeUndefined();
      if (spec.crop !== 'original') continue;
      expect(metadata.height).toBeGreaterThan(metadata.width);
      const top = await colourAt(out, 0.5, 0.1);
      const bottom = await colourAt(out, 0.5, 0.9);
      expect(top.r, spec.key).toBeGreaterThan(150);
      expect(top.b, spec.key).toBeLessThan(100);
      expect(bottom.b, spec.key).toBeGreaterThan(150);
      expect(bottom.r, spec.key).toBeLessThan(100);
    }
  });

  it('strips GPS position, camera and all other metadata from every format', async () => {
    const { bytes } = await jpegWithGps();
    const original = await sharp(bytes).metadata();
    expect(original.exif?.includes('Canon EOS R5')).toBe(true);
    const specs = plan(800, 600).filter((s) => s.width === 320 || s.crop === 'social');
    const rendered = await renderAll(bytes, specs);
    expect(new Set(rendered.map((v) => v.spec.format))).toEqual(new Set(['avif', 'webp', 'jpeg']));
    for (const { spec, bytes: out } of rendered) {
      const metadata = await sharp(out).metadata();
      expect(metadata.exif, spec.key).toBeUndefined();
      expect(metadata.iptc, spec.key).toBeUndefined();
      expect(metadata.xmp, spec.key).toBeUndefined();
      expect(Buffer.from(out).includes('Canon'), spec.key).toBe(false);
    }
  });

  it('strips IPTC, XMP and EXIF credits from the variants', async () => {
    const { bytes } = await jpegWithCredits(
      { caption: 'Secret note', creator: 'Ann' },
      { xmp: { caption: 'Secret note' } },
    );
    for (const { spec, bytes: out } of await renderAll(bytes, plan(600, 400).slice(0, 3))) {
      const metadata = await sharp(out).metadata();
      expect([metadata.exif, metadata.iptc, metadata.xmp], spec.key).toEqual([
        undefined,
        undefined,
        undefined,
      ]);
    }
  });

  it('cuts each crop around the focal point', async () => {
    const focalPoint = { x: 0.8, y: 0.3 };
    const { bytes } = await jpegWithSpot({ width: 1200, height: 800 }, focalPoint, 60);
    const source = { contentHash: HASH, width: 1200, height: 800, focalPoint };
    const square = planCrop(source, '1x1').filter((s) => s.format === 'jpeg');
    // The 800 × 800 square is centred on x = 960 as far as the right edge allows (400…1200),
    // so the spot at (960, 240) sits at (0.7, 0.3) of it; with another crop and alone.
    const withOthers = plan(1200, 800, focalPoint).filter(
      (s) => s.crop === '1x1' || s.crop === 'social',
    );
    const together = await renderAll(bytes, withOthers);
    const alone = await renderAll(bytes, square.slice(0, 1));
    const squares = [...together.filter((v) => v.spec.crop === '1x1'), ...alone];
    expect(squares.length).toBeGreaterThan(1);
    for (const { spec, bytes: out } of squares) {
      const spot = await colourAt(out, 0.7, 0.3);
      expect(spot.g, spec.key).toBeGreaterThan(200);
      expect(spot.r + spot.b, spec.key).toBeLessThan(120);
      const beside = await colourAt(out, 0.5, 0.5);
      expect(beside.g - beside.r, spec.key).toBeLessThan(150);
    }
  });

  it('makes variants of a GIF from its first frame, and flattens transparency in JPEG', async () => {
    const { bytes: gif } = await gifPhoto({ width: 360, height: 240 }, 2);
    const gifVariants = await renderAll(
      gif,
      plan(360, 240).filter((s) => s.width === 320),
    );
    for (const { spec, bytes: out } of gifVariants) {
      expect((await sharp(out).metadata()).pages ?? 1, spec.key).toBe(1);
    }
    const clear = await sharp({
      create: { width: 400, height: 300, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const [jpeg] = await renderAll(
      clear,
      plan(400, 300)
        .filter((s) => s.format === 'jpeg')
        .slice(0, 1),
    );
    expect(await colourAt(jpeg?.bytes ?? new Uint8Array(), 0.5, 0.5)).toEqual({
      r: 255,
      g: 255,
      b: 255,
    });
  });

  it('renders CMYK and 16-bit originals as 8-bit sRGB', async () => {
    const { bytes } = await jpegPhoto({ width: 400, height: 300 });
    const cmyk = await sharp(bytes).toColourspace('cmyk').jpeg().toBuffer();
    const deep = await sharp(bytes).toColourspace('rgb16').png().toBuffer();
    for (const original of [cmyk, deep]) {
      await expect(images.inspect(original, limits)).resolves.toMatchObject({ width: 400 });
      const specs = plan(400, 300).filter((s) => s.crop === 'original');
      for (const { spec, bytes: out } of await renderAll(original, specs)) {
        const { space, channels, depth } = await sharp(out).metadata();
        expect([space, channels, depth], spec.key).toEqual(['srgb', 3, 'uchar']);
      }
    }
  });

  it('refuses to render an original that is not an image', async () => {
    const specs = plan(900, 600).slice(0, 2);
    await expect(renderAll(textRenamedJpg().bytes, specs)).rejects.toMatchObject({
      kind: 'invalid',
    });
  });
});
