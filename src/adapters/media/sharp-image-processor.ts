import sharp, { type Metadata, type Sharp } from 'sharp';
import { invalid, isDomainError, tooLarge, unsupportedMedia } from '../../domain/errors.js';
import type { ImageFormat } from '../../domain/media/media-item.js';
import type { Region, VariantSpec } from '../../domain/media/variant-plan.js';
import type {
  EncodeLane,
  EncoderTurns,
  ImageProcessor,
  InspectedImage,
  RenderedVariant,
} from '../../services/media/media-ports.js';
import { readEmbeddedDetails } from './embedded-details.js';
import { sniffImageFormat } from './sniff-image-format.js';

const FORMAT_NAMES: Record<ImageFormat, string> = {
  jpeg: 'JPEG',
  png: 'PNG',
  webp: 'WebP',
  avif: 'AVIF',
  gif: 'GIF',
};
/** libvips' name for each format's decoder (AVIF is read by the HEIF one). */
const DECODERS: Record<ImageFormat, string> = {
  jpeg: 'jpeg',
  png: 'png',
  webp: 'webp',
  avif: 'heif',
  gif: 'gif',
};
/** Refuse pixel data that is truncated or corrupt; tolerate mere warnings, as browsers do. */
const FAIL_ON = 'error';
/**
 * Encoder settings. AVIF effort, measured on the full plan of 24-megapixel photos: effort 1
 * took 46–71 s of CPU, effort 2 64–101 s and effort 3 67–154 s, for AVIF files at most 11%
 * smaller; effort 4 (sharp's default) takes several minutes. 4:2:0 chroma as on the web.
 */
const ENCODE = {
  avif: { quality: 50, effort: 1, chromaSubsampling: '4:2:0' },
  webp: { quality: 72, effort: 4 },
  jpeg: { quality: 76, mozjpeg: true, progressive: true },
} as const;
const WHITE = { r: 255, g: 255, b: 255 };
/** How render() reads an original: inspect() checked its size and pixels before it was stored. */
const ORIGINAL = { failOn: FAIL_ON, limitInputPixels: false, autoOrient: true } as const;

const notRecognised = () =>
  unsupportedMedia(
    'the file is not a JPEG, PNG, WebP, AVIF or GIF image (its content was not recognised)',
  );
const damaged = (format: ImageFormat) =>
  invalid(
    `the ${FORMAT_NAMES[format]} file is damaged or incomplete (it could not be decoded in full); ` +
      'upload it again or export it anew',
  );
const grouped = (n: number) => n.toLocaleString('en-GB');

/** Runs one sharp pipeline when the encoder has a turn free for it. */
type Turn = <T>(work: () => Promise<T>) => Promise<T>;

/** Uncompressed pixels with their layout, as sharp's raw input and output describe them. */
interface RawImage {
  data: Buffer;
  info: { width: number; height: number; channels: 1 | 2 | 3 | 4 };
}

/**
 * Photos through sharp (libvips): recognised by content, checked before and while decoding,
 * and re-encoded upright with no metadata, so no GPS position or camera serial leaves.
 */
export class SharpImageProcessor implements ImageProcessor {
  constructor(private readonly turns: EncoderTurns) {
    // libvips' operation cache only helps repeated work on one file; it would hold memory.
    sharp.cache(false);
    // One libvips thread per pipeline: the turns decide how many cores photos get, not libvips.
    sharp.concurrency(1);
  }

  private turn(lane: EncodeLane): Turn {
    return (work) => this.turns.run(lane, work);
  }

  async inspect(
    bytes: Uint8Array,
    limits: { maxPixels: number },
    lane: EncodeLane = 'background',
  ): Promise<InspectedImage> {
    const format = sniffImageFormat(bytes);
    if (!format) throw notRecognised();
    const turn = this.turn(lane);
    const header = await readHeader(bytes, format, turn);
    refuseTooManyPixels(header, limits.maxPixels);
    const animated = (header.pages ?? 1) > 1 && (format === 'gif' || format === 'webp');
    const [placeholderColor] = await Promise.all([
      averageColour(bytes, format, turn),
      decodeWhole(bytes, format, { animated, maxPixels: limits.maxPixels }, turn),
    ]);
    return {
      format,
      width: header.autoOrient.width,
      height: header.autoOrient.height,
      placeholderColor,
      embedded: readEmbeddedDetails({
        iptc: header.iptc,
        exif: header.exif,
        xmp: header.xmpAsString ?? header.xmp,
      }),
    };
  }

  async *render(
    original: Uint8Array,
    specs: VariantSpec[],
    lane: EncodeLane = 'background',
  ): AsyncIterable<RenderedVariant> {
    if (specs.length === 0) return;
    const turn = this.turn(lane);
    try {
      const crops = cropsOf(specs);
      // One crop (a variant made on demand): straight from the file, with shrink-on-load.
      // Several: decode once, small enough to hold yet large enough for every crop.
      const decoded = crops.length === 1 ? undefined : await decodeForCrops(original, crops, turn);
      // No more tasks started than turns exist: a waiting task would only hold pixels idle.
      const tasks = variantTasks({ original, decoded, turn }, crops);
      yield* inParallel(tasks, this.turns.concurrency);
    } catch (error) {
      if (isDomainError(error)) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw invalid(`the original could not be turned into variants: ${reason}`);
    }
  }
}

/* ---- inspect ---- */

/** The header only: size, frames, orientation and metadata blocks; no pixel is decoded. */
async function readHeader(bytes: Uint8Array, format: ImageFormat, turn: Turn): Promise<Metadata> {
  let header: Metadata;
  try {
    header = await turn(() => sharp(bytes, { limitInputPixels: false }).metadata());
  } catch {
    throw damaged(format);
  }
  // HEIC shares AVIF's container; its HEVC pictures are refused even under an AVIF brand.
  if (header.format !== DECODERS[format] || (format === 'avif' && header.compression !== 'av1')) {
    throw notRecognised();
  }
  if (!header.width || !header.height) throw damaged(format);
  return header;
}

/** Counts every frame of an animation: a thousand small frames decode like one huge picture. */
function refuseTooManyPixels(header: Metadata, maxPixels: number) {
  const frames = header.format === 'heif' ? 1 : (header.pages ?? 1);
  const pixels = header.width * header.height * frames;
  if (pixels <= maxPixels) return;
  const size = `${grouped(header.width)} × ${grouped(header.height)} pixels`;
  const described = frames > 1 ? `${size} in each of ${grouped(frames)} frames` : size;
  throw tooLarge(
    `the image is ${described} (${grouped(Math.ceil(pixels / 1e6))} megapixels); ` +
      `photos may have at most ${grouped(Math.floor(maxPixels / 1e6))} megapixels`,
  );
}

/** Decodes every pixel (of every frame) so a cut-off or corrupt file is refused now. */
async function decodeWhole(
  bytes: Uint8Array,
  format: ImageFormat,
  { animated, maxPixels }: { animated: boolean; maxPixels: number },
  turn: Turn,
) {
  // libvips reads a GIF cut short without complaint; a whole one ends with its trailer byte.
  if (format === 'gif' && lastNonZeroByte(bytes) !== 0x3b) throw damaged(format);
  try {
    await turn(() =>
      sharp(bytes, { failOn: FAIL_ON, limitInputPixels: maxPixels, animated }).stats(),
    );
  } catch {
    throw damaged(format);
  }
}

function lastNonZeroByte(bytes: Uint8Array) {
  let at = bytes.length - 1;
  while (at > 0 && bytes[at] === 0) at--;
  return bytes[at];
}

const hex = (n: number) => n.toString(16).padStart(2, '0');

/** The photo's average colour over white, as #rrggbb: what shows while it loads. */
async function averageColour(bytes: Uint8Array, format: ImageFormat, turn: Turn): Promise<string> {
  try {
    const pixel = await turn(() =>
      sharp(bytes, { failOn: FAIL_ON, limitInputPixels: false })
        .flatten({ background: WHITE })
        .resize(1, 1, { fit: 'fill' })
        .toColourspace('srgb')
        .raw()
        .toBuffer(),
    );
    return `#${hex(pixel[0] ?? 0)}${hex(pixel[1] ?? 0)}${hex(pixel[2] ?? 0)}`;
  } catch {
    throw damaged(format);
  }
}

/* ---- render ---- */

/** The variants cut from one region of the photo, and the largest size among them. */
interface Crop {
  region: Region;
  specs: VariantSpec[];
  width: number;
  height: number;
}

function cropsOf(specs: VariantSpec[]): Crop[] {
  const crops = new Map<string, Crop>();
  for (const spec of specs) {
    const { left, top, width, height } = spec.region;
    const key = `${left},${top},${width},${height}`;
    const crop = crops.get(key) ?? { region: spec.region, specs: [], width: 0, height: 0 };
    crop.specs.push(spec);
    if (spec.width > crop.width) Object.assign(crop, { width: spec.width, height: spec.height });
    crops.set(key, crop);
  }
  return [...crops.values()];
}

/** The upright photo decoded once, and the upright size of the original it came from. */
interface DecodedPhoto {
  image: RawImage;
  original: { width: number; height: number };
}

/**
 * Decodes the upright original once, shrunk as far as the most demanding crop allows (a
 * 2400-wide variant of a 6000-wide photo needs 2400 of its pixels, not 6000), so memory
 * stays near a few dozen megabytes whatever the camera. GIFs give their first frame.
 */
async function decodeForCrops(
  original: Uint8Array,
  crops: Crop[],
  turn: Turn,
): Promise<DecodedPhoto> {
  const needed = Math.max(
    ...crops.map((crop) =>
      Math.max(crop.width / crop.region.width, crop.height / crop.region.height),
    ),
  );
  const upright = sharp(original, ORIGINAL).toColourspace('srgb');
  const size = (await turn(() => sharp(original, ORIGINAL).metadata())).autoOrient;
  if (needed >= 1) return { image: await toRaw(upright, turn), original: size };
  const target = { width: Math.ceil(size.width * needed), height: Math.ceil(size.height * needed) };
  const image = await toRaw(upright.resize(target.width, target.height, { fit: 'fill' }), turn);
  return { image, original: size };
}

const toRaw = async (pipeline: Sharp, turn: Turn): Promise<RawImage> => {
  const { data, info } = await turn(() => pipeline.raw().toBuffer({ resolveWithObject: true }));
  return { data, info: { width: info.width, height: info.height, channels: info.channels } };
};

const fromRaw = (image: RawImage) => sharp(image.data, { raw: image.info });

/** What every variant of one render() is made from, and how its pipelines wait their turn. */
interface RenderSource {
  original: Uint8Array;
  decoded: DecodedPhoto | undefined;
  turn: Turn;
}

/** The crop's region at its largest size: every smaller variant is resized from this. */
async function cutCrop({ original, decoded, turn }: RenderSource, crop: Crop): Promise<RawImage> {
  const size = { fit: 'fill' } as const;
  if (!decoded) {
    const upright = sharp(original, ORIGINAL).toColourspace('srgb');
    return toRaw(upright.extract(crop.region).resize(crop.width, crop.height, size), turn);
  }
  return toRaw(
    fromRaw(decoded.image)
      .extract(scaleRegion(crop.region, decoded))
      .resize(crop.width, crop.height, size),
    turn,
  );
}

/** A region of the original in the pixels of the decoded copy, kept inside its edges. */
function scaleRegion(region: Region, { image, original }: DecodedPhoto) {
  const { width, height } = image.info;
  const x = (at: number) => Math.min(width, Math.round((at * width) / original.width));
  const y = (at: number) => Math.min(height, Math.round((at * height) / original.height));
  const left = Math.min(width - 1, x(region.left));
  const top = Math.min(height - 1, y(region.top));
  const right = x(region.left + region.width);
  const bottom = y(region.top + region.height);
  return { left, top, width: Math.max(1, right - left), height: Math.max(1, bottom - top) };
}

const sizeOf = (spec: VariantSpec) => `${spec.width}x${spec.height}`;

/**
 * One task per variant, crop by crop and smallest first, made as they are needed. A crop is
 * cut when its first variant starts; each size is resized once for all its formats and let
 * go after the last of them, so only a couple of crops' pixels are held at any time.
 */
function* variantTasks(source: RenderSource, crops: Crop[]) {
  for (const crop of crops) {
    let cut: Promise<RawImage> | undefined;
    const specs = [...crop.specs].sort((a, b) => a.width - b.width);
    const uses = new Map<string, number>();
    for (const spec of specs) uses.set(sizeOf(spec), (uses.get(sizeOf(spec)) ?? 0) + 1);
    const sizes = new Map<string, Promise<RawImage>>();
    for (const spec of specs) {
      yield async (): Promise<RenderedVariant> => {
        const key = sizeOf(spec);
        let pixels = sizes.get(key);
        if (!pixels) {
          cut ??= cutCrop(source, crop);
          pixels = cut.then((largest) => resized(largest, spec, source.turn));
          sizes.set(key, pixels);
        }
        try {
          return { spec, bytes: await encode(await pixels, spec, source.turn) };
        } finally {
          const left = (uses.get(key) ?? 1) - 1;
          uses.set(key, left);
          if (left === 0) sizes.delete(key);
        }
      };
    }
  }
}

async function resized(image: RawImage, spec: VariantSpec, turn: Turn): Promise<RawImage> {
  const { width, height } = spec;
  if (image.info.width === width && image.info.height === height) return image;
  return toRaw(fromRaw(image).resize(width, height, { fit: 'fill' }), turn);
}

/** Encodes with no metadata at all: sharp writes none unless asked to keep it. */
async function encode(pixels: RawImage, spec: VariantSpec, turn: Turn): Promise<Buffer> {
  const image = fromRaw(pixels);
  switch (spec.format) {
    case 'avif':
      return turn(() => image.avif(ENCODE.avif).toBuffer());
    case 'webp':
      return turn(() => image.webp(ENCODE.webp).toBuffer());
    case 'jpeg':
      return turn(() => image.flatten({ background: WHITE }).jpeg(ENCODE.jpeg).toBuffer());
  }
}

/** Runs up to `width` tasks at once and yields their results in order. */
async function* inParallel<T>(tasks: Iterable<() => Promise<T>>, width: number) {
  const running: Promise<T>[] = [];
  for (const task of tasks) {
    const started = task();
    // Marked handled now; the error still surfaces when its turn to be awaited comes.
    started.catch(() => undefined);
    running.push(started);
    if (running.length >= width) yield await (running.shift() as Promise<T>);
  }
  while (running.length > 0) yield await (running.shift() as Promise<T>);
}
