import type { EmbeddedPhotoDetails } from '../../domain/media/media-item.js';

/** The metadata blocks of an image file, as sharp's metadata() hands them over. */
export interface MetadataBlocks {
  /** Photoshop image resources (JPEG APP13) holding IPTC-IIM, or bare IIM datasets. */
  iptc?: Uint8Array | undefined;
  /** A TIFF structure, with or without the 'Exif\0\0' header of a JPEG APP1 segment. */
  exif?: Uint8Array | undefined;
  xmp?: Uint8Array | string | undefined;
}

type Field = keyof EmbeddedPhotoDetails;

/** Longest text kept per field; captions run long, names and notices do not. */
const MAX_LENGTH: Record<Field, number> = {
  caption: 2000,
  credit: 500,
  creator: 500,
  copyright: 500,
};

/** Descriptions cameras write by themselves, which say nothing about the picture. */
const CAMERA_DEFAULT_CAPTION =
  /^(olympus digital camera|sony dsc|digital camera|dcim|default|untitled|image|picture)$/i;

/**
 * Caption, credit, creator and copyright as the photographer or agency wrote them into the
 * file. Where several blocks say the same thing, IPTC wins over XMP over EXIF, the order in
 * which newsroom tools (Photo Mechanic, agency feeds) keep them current.
 */
export function readEmbeddedDetails(blocks: MetadataBlocks): EmbeddedPhotoDetails {
  const sources = [
    safely(readIptc, blocks.iptc),
    safely(readXmp, blocks.xmp),
    safely(readExif, blocks.exif),
  ];
  const details: EmbeddedPhotoDetails = {};
  for (const field of Object.keys(MAX_LENGTH) as Field[]) {
    for (const source of sources) {
      const value = cleanText(source[field] ?? '', MAX_LENGTH[field]);
      if (value === '' || (field === 'caption' && CAMERA_DEFAULT_CAPTION.test(value))) continue;
      details[field] = value;
      break;
    }
  }
  return details;
}

/** Metadata is whatever the camera or the last program wrote: a bad block is simply skipped. */
function safely<T>(read: (block: T) => EmbeddedPhotoDetails, block: T | undefined) {
  if (block === undefined) return {};
  try {
    return read(block);
  } catch {
    return {};
  }
}

/** One line of plain text: no control characters, single spaces, at most `max` characters. */
export function cleanText(value: string, max: number): string {
  const text = value
    .replace(/[\t\n\r\u2028\u2029]+/g, ' ')
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\ufeff]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/* ---- text encodings ---- */

// Windows-1252 differs from Latin-1 in 0x80–0x9F, where agencies' curly quotes and dashes live.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const utf8 = new TextDecoder('utf-8', { fatal: true });

const windows1252 = (bytes: Uint8Array) =>
  Array.from(bytes, (b) =>
    b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charAt(b - 0x80) : String.fromCharCode(b),
  ).join('');

/** UTF-8 when the bytes are valid UTF-8 (most software writes it), Windows-1252 otherwise. */
function decodeText(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return windows1252(bytes);
  }
}

const latin = (bytes: Uint8Array, from: number, length: number) =>
  String.fromCharCode(...bytes.subarray(from, from + length));

/* ---- IPTC-IIM inside Photoshop image resources ---- */

const IPTC_RESOURCE_ID = 0x0404;
const PHOTOSHOP_HEADER = 'Photoshop 3.0\0';
/** IIM record 1, dataset 90 holding ESC % G declares UTF-8; anything else is 8-bit text. */
const UTF8_DECLARATION = [0x1b, 0x25, 0x47];

const IIM_FIELDS: Record<string, Field> = {
  '2:120': 'caption',
  '2:110': 'credit',
  '2:80': 'creator',
  '2:116': 'copyright',
};

/** The IIM datasets: from resource 0x0404 of a Photoshop block, or the block itself. */
function iimOf(block: Uint8Array): Uint8Array | undefined {
  if (block[0] === 0x1c) return block;
  const view = new DataView(block.buffer, block.byteOffset, block.byteLength);
  let at =
    latin(block, 0, PHOTOSHOP_HEADER.length) === PHOTOSHOP_HEADER ? PHOTOSHOP_HEADER.length : 0;
  while (at + 12 <= block.length && latin(block, at, 4) === '8BIM') {
    const id = view.getUint16(at + 4);
    // A Pascal-string name, padded so that length byte and name take an even count.
    const nameLength = block[at + 6] ?? 0;
    const sizeAt = at + 6 + nameLength + 1 + ((nameLength + 1) % 2);
    if (sizeAt + 4 > block.length) return undefined;
    const size = view.getUint32(sizeAt);
    const dataAt = sizeAt + 4;
    if (id === IPTC_RESOURCE_ID) {
      return block.subarray(dataAt, Math.min(block.length, dataAt + size));
    }
    at = dataAt + size + (size % 2);
  }
  return undefined;
}

/** Each dataset's values by "record:dataset"; repeatable ones (by-line) keep every value. */
function iimDatasets(iim: Uint8Array): Map<string, Uint8Array[]> {
  const view = new DataView(iim.buffer, iim.byteOffset, iim.byteLength);
  const datasets = new Map<string, Uint8Array[]>();
  let at = 0;
  while (at + 5 <= iim.length && iim[at] === 0x1c) {
    const tag = `${iim[at + 1]}:${iim[at + 2]}`;
    let length = view.getUint16(at + 3);
    at += 5;
    if (length & 0x8000) {
      // Extended dataset: the low bits say how many bytes the real length takes.
      const lengthBytes = length & 0x7fff;
      if (lengthBytes > 4 || at + lengthBytes > iim.length) break;
      length = 0;
      for (let i = 0; i < lengthBytes; i++) length = length * 256 + (iim[at + i] ?? 0);
      at += lengthBytes;
    }
    const values = datasets.get(tag) ?? [];
    values.push(iim.subarray(at, Math.min(iim.length, at + length)));
    datasets.set(tag, values);
    at += length;
  }
  return datasets;
}

export function readIptc(block: Uint8Array): EmbeddedPhotoDetails {
  const iim = iimOf(block);
  if (!iim) return {};
  const datasets = iimDatasets(iim);
  const declared = datasets.get('1:90')?.[0];
  const isUtf8 =
    declared !== undefined && UTF8_DECLARATION.every((byte, i) => declared[i] === byte);
  const decode = (bytes: Uint8Array) =>
    isUtf8 ? new TextDecoder().decode(bytes) : decodeText(bytes);
  const details: EmbeddedPhotoDetails = {};
  for (const [tag, field] of Object.entries(IIM_FIELDS)) {
    const values = (datasets.get(tag) ?? []).map((v) => decode(v).trim()).filter(Boolean);
    if (values.length > 0) details[field] = values.join(', ');
  }
  return details;
}

/* ---- EXIF (TIFF IFD0) ---- */

const EXIF_FIELDS: Record<number, Field> = {
  0x010e: 'caption', // ImageDescription
  0x013b: 'creator', // Artist
  0x8298: 'copyright', // Copyright
};
const EXIF_ASCII = 2;
const EXIF_UNDEFINED = 7;

export function readExif(block: Uint8Array): EmbeddedPhotoDetails {
  const base = latin(block, 0, 6) === 'Exif\0\0' ? 6 : 0;
  const view = new DataView(block.buffer, block.byteOffset, block.byteLength);
  const order = latin(block, base, 2);
  if (order !== 'II' && order !== 'MM') return {};
  const little = order === 'II';
  const u16 = (at: number) => view.getUint16(at, little);
  const u32 = (at: number) => view.getUint32(at, little);
  if (u16(base + 2) !== 42) return {};
  const ifd = base + u32(base + 4);
  const details: EmbeddedPhotoDetails = {};
  for (let i = 0, count = u16(ifd); i < count; i++) {
    const entry = ifd + 2 + i * 12;
    const field = EXIF_FIELDS[u16(entry)];
    const type = u16(entry + 2);
    if (!field || (type !== EXIF_ASCII && type !== EXIF_UNDEFINED)) continue;
    const length = u32(entry + 4);
    const at = length <= 4 ? entry + 8 : base + u32(entry + 8);
    if (at + length > block.length) continue;
    // Copyright may hold the photographer's and the editor's notices, NUL-separated.
    const parts = decodeText(block.subarray(at, at + length))
      .split('\0')
      .map((part) => part.trim())
      .filter(Boolean);
    if (parts.length > 0) details[field] = parts.join('; ');
  }
  return details;
}

/* ---- XMP ---- */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const decodeEntities = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[name.toLowerCase()] ?? entity;
  });

const textOf = (xml: string) => decodeEntities(xml.replace(/<[^>]*>/g, '')).trim();

/**
 * A property's value: the x-default item of a language alternative, every item of a list
 * (joined), the element's own text, or the attribute form `prop="…"`.
 */
function xmpProperty(xmp: string, name: string): string | undefined {
  const element = new RegExp(`<${name}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${name}>)`).exec(xmp);
  const inner = element?.[1];
  if (inner !== undefined) {
    const items = [...inner.matchAll(/<rdf:li\b([^>]*)>([\s\S]*?)<\/rdf:li>/g)];
    if (items.length === 0) return textOf(inner);
    if (/<rdf:Alt\b/.test(inner)) {
      const preferred = items.find(([, attributes]) =>
        /xml:lang=["']x-default["']/.test(attributes ?? ''),
      );
      return textOf((preferred ?? items[0])?.[2] ?? '');
    }
    return items
      .map(([, , value]) => textOf(value ?? ''))
      .filter(Boolean)
      .join(', ');
  }
  const attribute = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(xmp);
  return attribute ? decodeEntities(attribute[1] ?? attribute[2] ?? '').trim() : undefined;
}

export function readXmp(block: Uint8Array | string): EmbeddedPhotoDetails {
  const xmp = typeof block === 'string' ? block : decodeText(block);
  return {
    caption: xmpProperty(xmp, 'dc:description'),
    credit: xmpProperty(xmp, 'photoshop:Credit'),
    creator: xmpProperty(xmp, 'dc:creator'),
    copyright: xmpProperty(xmp, 'dc:rights'),
  };
}
