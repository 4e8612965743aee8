/**
 * Real image files made on the fly for the media tests: no binary fixtures in the repository.
 * Each maker returns the bytes and the name a newsroom upload would carry.
 */
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

export interface MediaFixture {
  name: string;
  bytes: Buffer;
}

export interface PhotoSize {
  width: number;
  height: number;
}

/** A small deterministic generator, so a failing test sees the same picture next run. */
function randomSource(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const channel = (value: number) => Math.max(0, Math.min(255, Math.round(value)));

/**
 * Raw RGB pixels that behave like a photograph for the encoders: smooth sky-like gradients,
 * curved shapes with edges, and a little sensor grain, never a flat colour.
 */
export function photoPixels({ width, height }: PhotoSize, seed = 1): Buffer {
  const random = randomSource(seed);
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    const v = y / height;
    for (let x = 0; x < width; x++) {
      const u = x / width;
      const grain = (random() - 0.5) * 10;
      const ripple = Math.sin(Math.hypot(u - 0.62, v - 0.38) * 38) * 28;
      const hill = v > 0.55 + 0.12 * Math.sin(u * 9) ? 40 : 0;
      const at = (y * width + x) * 3;
      pixels[at] = channel(110 + 70 * Math.sin(u * 5.1) + ripple - hill + grain);
      pixels[at + 1] = channel(60 + 150 * v + hill + grain);
      pixels[at + 2] = channel(150 + 60 * Math.cos((u + v) * 5.7) - ripple + grain);
    }
  }
  return pixels;
}

const photo = (size: PhotoSize, seed = 1) =>
  sharp(photoPixels(size, seed), { raw: { ...size, channels: 3 } });

export async function jpegPhoto(
  size: PhotoSize = { width: 1200, height: 800 },
): Promise<MediaFixture> {
  return { name: 'photo.jpg', bytes: await photo(size).jpeg({ quality: 90 }).toBuffer() };
}

export async function pngPhoto(
  size: PhotoSize = { width: 640, height: 480 },
): Promise<MediaFixture> {
  return { name: 'photo.png', bytes: await photo(size).png().toBuffer() };
}

export async function webpPhoto(
  size: PhotoSize = { width: 640, height: 480 },
): Promise<MediaFixture> {
  return { name: 'photo.webp', bytes: await photo(size).webp({ quality: 85 }).toBuffer() };
}

export async function avifPhoto(
  size: PhotoSize = { width: 640, height: 480 },
): Promise<MediaFixture> {
  return {
    name: 'photo.avif',
    bytes: await photo(size).avif({ quality: 60, effort: 0 }).toBuffer(),
  };
}

/** An animated GIF of `frames` frames; each frame is the photo a little shifted. */
export async function gifPhoto(
  size: PhotoSize = { width: 320, height: 240 },
  frames = 1,
): Promise<MediaFixture> {
  const strip = Buffer.concat(Array.from({ length: frames }, (_, i) => photoPixels(size, i + 1)));
  const bytes = await sharp(strip, {
    raw: { width: size.width, height: size.height * frames, channels: 3, pageHeight: size.height },
  })
    // A small palette without dithering: quick to quantise, and the tests need no beauty.
    .gif({ delay: Array.from({ length: frames }, () => 100), colours: 64, dither: 0, effort: 1 })
    .toBuffer();
  return { name: 'photo.gif', bytes };
}

/** The 6000 × 4000 frame of a 24-megapixel camera, for the rendering benchmark. */
export const photo24Megapixel = () => jpegPhoto({ width: 6000, height: 4000 });

/** Where the shot was taken, and the camera: exactly what must never reach a reader. */
export async function jpegWithGps(
  size: PhotoSize = { width: 800, height: 600 },
): Promise<MediaFixture> {
  const bytes = await photo(size)
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'Canon', Model: 'Canon EOS R5' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '51/1 30/1 3230/100',
        GPSLongitudeRef: 'W',
        GPSLongitude: '0/1 7/1 4366/100',
      },
    })
    .toBuffer();
  return { name: 'from-the-scene.jpg', bytes };
}

/**
 * A portrait taken with the camera on its side: the pixels are stored as a 400 × 200
 * landscape and EXIF orientation 6 says to turn them a quarter clockwise, so the picture
 * is 200 × 400 upright. Its upright top half is red and its bottom half blue.
 */
export async function jpegRotatedByExif(): Promise<MediaFixture> {
  const stored = { width: 400, height: 200 };
  const pixels = Buffer.alloc(stored.width * stored.height * 3);
  for (let y = 0; y < stored.height; y++) {
    for (let x = 0; x < stored.width; x++) {
      // Orientation 6: the stored left edge becomes the top of the upright picture.
      const top = x < stored.width / 2;
      pixels.set(top ? [220, 20, 20] : [20, 20, 220], (y * stored.width + x) * 3);
    }
  }
  const bytes = await sharp(pixels, { raw: { ...stored, channels: 3 } })
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .toBuffer();
  return { name: 'portrait.jpg', bytes };
}

/** A photo with a bright green square at `spot` (fractions of width and height). */
export async function jpegWithSpot(
  size: PhotoSize,
  spot: { x: number; y: number },
  spotSize = 40,
): Promise<MediaFixture> {
  const square = await sharp({
    create: { width: spotSize, height: spotSize, channels: 3, background: '#00ff00' },
  })
    .png()
    .toBuffer();
  const left = Math.round(spot.x * size.width - spotSize / 2);
  const top = Math.round(spot.y * size.height - spotSize / 2);
  const bytes = await photo(size)
    .composite([{ input: square, left, top }])
    .jpeg({ quality: 95 })
    .toBuffer();
  return { name: 'spot.jpg', bytes };
}

export interface Credits {
  caption?: string;
  credit?: string;
  creator?: string;
  copyright?: string;
}

/** One IIM dataset: tag marker, record, dataset number, 16-bit length, value. */
function iimDataset(record: number, dataset: number, value: Buffer): Buffer {
  const header = Buffer.from([0x1c, record, dataset, 0, 0]);
  header.writeUInt16BE(value.length, 3);
  return Buffer.concat([header, value]);
}

/**
 * A Photoshop image-resource block ('Photoshop 3.0' then 8BIM resource 0x0404) holding
 * these credits as IPTC-IIM record 2, in UTF-8 (declared by dataset 1:90) or Latin-1.
 */
export function photoshopIptcBlock(credits: Credits, encoding: 'utf8' | 'latin1' = 'utf8'): Buffer {
  const text = (value: string) => Buffer.from(value, encoding);
  const datasets = [
    ...(encoding === 'utf8' ? [iimDataset(1, 90, Buffer.from([0x1b, 0x25, 0x47]))] : []),
    iimDataset(2, 0, Buffer.from([0, 4])), // record version
    ...(credits.caption ? [iimDataset(2, 120, text(credits.caption))] : []),
    ...(credits.creator ? [iimDataset(2, 80, text(credits.creator))] : []),
    ...(credits.credit ? [iimDataset(2, 110, text(credits.credit))] : []),
    ...(credits.copyright ? [iimDataset(2, 116, text(credits.copyright))] : []),
  ];
  const iim = Buffer.concat(datasets);
  const resource = Buffer.alloc(12);
  resource.write('8BIM', 0, 'latin1');
  resource.writeUInt16BE(0x0404, 4);
  // Bytes 6–7: an empty Pascal-string name, padded to an even length.
  resource.writeUInt32BE(iim.length, 8);
  const padding = Buffer.alloc(iim.length % 2);
  return Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), resource, iim, padding]);
}

/** Puts an APP13 segment after the APPn segments (JFIF, EXIF) that open a JPEG. */
export function withApp13(jpeg: Buffer, payload: Buffer): Buffer {
  let at = 2;
  while (jpeg[at] === 0xff && (jpeg[at + 1] ?? 0) >= 0xe0 && (jpeg[at + 1] ?? 0) <= 0xef) {
    at += 2 + jpeg.readUInt16BE(at + 2);
  }
  const marker = Buffer.from([0xff, 0xed, 0, 0]);
  marker.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, at), marker, payload, jpeg.subarray(at)]);
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An XMP packet with the credits in Dublin Core and Photoshop properties, as Lightroom writes. */
export function xmpPacket(credits: Credits): string {
  const alt = (text: string) =>
    `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(text)}</rdf:li></rdf:Alt>`;
  const properties = [
    credits.caption ? `<dc:description>${alt(credits.caption)}</dc:description>` : '',
    credits.creator
      ? `<dc:creator><rdf:Seq><rdf:li>${escapeXml(credits.creator)}</rdf:li></rdf:Seq></dc:creator>`
      : '',
    credits.copyright ? `<dc:rights>${alt(credits.copyright)}</dc:rights>` : '',
    credits.credit ? `<photoshop:Credit>${escapeXml(credits.credit)}</photoshop:Credit>` : '',
  ];
  return [
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">',
    ...properties,
    '</rdf:Description></rdf:RDF></x:xmpmeta>',
  ].join('');
}

/**
 * A wire photo as agencies send it: credits in IPTC (APP13), and the creator and
 * copyright in EXIF Artist and Copyright as cameras write them; XMP only when asked.
 */
export async function jpegWithCredits(
  credits: Credits,
  options: { encoding?: 'utf8' | 'latin1'; exif?: Credits; xmp?: Credits } = {},
): Promise<MediaFixture> {
  const exif = options.exif ?? credits;
  const ifd0: Record<string, string> = {};
  if (exif.creator) ifd0.Artist = exif.creator;
  if (exif.copyright) ifd0.Copyright = exif.copyright;
  if (exif.caption) ifd0.ImageDescription = exif.caption;
  let image = photo({ width: 600, height: 400 }).jpeg({ quality: 85 }).withExif({ IFD0: ifd0 });
  if (options.xmp) image = image.withXmp(xmpPacket(options.xmp));
  const jpeg = await image.toBuffer();
  const hasIptc = Object.values(credits).some(Boolean);
  const bytes = hasIptc ? withApp13(jpeg, photoshopIptcBlock(credits, options.encoding)) : jpeg;
  return { name: 'wire-photo.jpg', bytes };
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A decompression bomb: a well-formed PNG of a few hundred bytes whose header declares
 * 50,000 × 50,000 pixels (7.5 GB once decoded as RGB).
 */
export function decompressionBomb(size = 50_000): MediaFixture {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter method, no interlace
  // A few rows of black, compressed to almost nothing; the rest is never reached.
  const rows = deflateSync(Buffer.alloc((size * 3 + 1) * 4));
  const bytes = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', rows),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
  return { name: 'bomb.png', bytes };
}

/** A text file someone renamed to look like a photo. */
export function textRenamedJpg(): MediaFixture {
  return {
    name: 'photo.jpg',
    bytes: Buffer.from('Minutes of the editorial meeting, Tuesday.\nNot a photo at all.\n'),
  };
}

/** A real JPEG cut off halfway, as an interrupted upload leaves it. */
export async function truncatedJpeg(): Promise<MediaFixture> {
  const { bytes } = await jpegPhoto({ width: 800, height: 600 });
  return { name: 'cut-short.jpg', bytes: bytes.subarray(0, Math.floor(bytes.length / 2)) };
}

/** The start of an iPhone HEIC file: an ISO-BMFF ftyp box with HEVC brands, no AVIF. */
export function heicLike(): MediaFixture {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write('ftypheic', 4, 'latin1');
  ftyp.write('mif1heic', 16, 'latin1');
  return { name: 'IMG_0001.HEIC', bytes: Buffer.concat([ftyp, Buffer.alloc(512, 7)]) };
}
