import type { DeliveryFormat, FocalPoint, ImageFormat } from './media-item.js';

/** The shapes a photo is delivered in: as taken, three crops for cards, and the social card. */
export type CropName = 'original' | '16x9' | '4x3' | '1x1' | 'social';

/** Widths srcset offers, from a small phone to a wide retina screen. */
export const VARIANT_WIDTHS = [320, 480, 640, 800, 1024, 1280, 1600, 2000, 2400] as const;
export const DELIVERY_FORMATS: readonly DeliveryFormat[] = ['avif', 'webp', 'jpeg'];
/** The 1.91:1 card Facebook, LinkedIn and X show for a shared link. */
export const SOCIAL_CARD = { width: 1200, height: 628 } as const;

const RATIOS: Record<Exclude<CropName, 'original'>, number> = {
  '16x9': 16 / 9,
  '4x3': 4 / 3,
  '1x1': 1,
  social: SOCIAL_CARD.width / SOCIAL_CARD.height,
};
export const CROP_NAMES: readonly CropName[] = ['original', '16x9', '4x3', '1x1', 'social'];

const EXTENSIONS: Record<DeliveryFormat, string> = { avif: 'avif', webp: 'webp', jpeg: 'jpg' };
const FORMAT_OF_EXTENSION: Record<string, DeliveryFormat> = {
  avif: 'avif',
  webp: 'webp',
  jpg: 'jpeg',
};
export const MIME_TYPES: Record<ImageFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
};
const ORIGINAL_EXTENSIONS: Record<ImageFormat, string> = {
  jpeg: 'jpg',
  png: 'png',
  webp: 'webp',
  avif: 'avif',
  gif: 'gif',
};

/** A rectangle of the upright original, in its pixels. */
export interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** One file to make from the original. */
export interface VariantSpec {
  /** Storage key and URL path under /media/; names carry the content hash. */
  key: string;
  crop: CropName;
  format: DeliveryFormat;
  width: number;
  height: number;
  /** The part of the upright original this variant shows. */
  region: Region;
}

/** What the plan needs to know of a photo. */
export interface PlanSource {
  contentHash: string;
  width: number;
  height: number;
  focalPoint: FocalPoint;
}

/** The key the untouched upload is kept under; never served, since it may carry GPS EXIF. */
export const originalKey = (contentHash: string, format: ImageFormat) =>
  `originals/${contentHash}.${ORIGINAL_EXTENSIONS[format]}`;

/** The folder every variant of a photo lives in. */
export const variantFolder = (contentHash: string) => `${contentHash.slice(0, 2)}/${contentHash}`;

const percent = (fraction: number) => Math.round(Math.min(1, Math.max(0, fraction)) * 100);

/**
 * The largest rectangle of the crop's ratio inside the photo, placed so the focal point is
 * as near its centre as the photo's edges allow.
 */
export function cropRegion(source: PlanSource, crop: CropName): Region {
  if (crop === 'original') return { left: 0, top: 0, width: source.width, height: source.height };
  const ratio = RATIOS[crop];
  const width = Math.min(source.width, Math.round(source.height * ratio));
  const height = Math.min(source.height, Math.round(width / ratio));
  const place = (extent: number, size: number, focus: number) =>
    Math.round(Math.min(extent - size, Math.max(0, focus * extent - size / 2)));
  return {
    left: place(source.width, width, source.focalPoint.x),
    top: place(source.height, height, source.focalPoint.y),
    width,
    height,
  };
}

/** Widths offered for a region: every standard width it can fill, or its own if smaller. */
function widthsFor(regionWidth: number): number[] {
  const widths: number[] = VARIANT_WIDTHS.filter((w) => w <= regionWidth);
  return widths.length > 0 ? widths : [regionWidth];
}

function keyFor(source: PlanSource, crop: CropName, width: number, format: DeliveryFormat) {
  // Crops move with the focal point, so their names carry it: a new point gives new files.
  const focus =
    crop === 'original' ? '' : `-${percent(source.focalPoint.x)}x${percent(source.focalPoint.y)}`;
  return `${variantFolder(source.contentHash)}/${crop}${focus}-${width}.${EXTENSIONS[format]}`;
}

/**
 * Plans of the photos pages showed lately, by everything a plan depends on. Every page asks
 * for its photos' plans (a front, dozens), and each plan builds up to 27 names; the cap keeps
 * the memory flat however large the archive.
 */
const recentPlans = new Map<string, readonly VariantSpec[]>();
const RECENT_PLANS_LIMIT = 2000;

/** Every variant of one crop, smallest first, in each delivery format (shared: never change it). */
export function planCrop(source: PlanSource, crop: CropName): readonly VariantSpec[] {
  const { x, y } = source.focalPoint;
  const key = `${source.contentHash}|${source.width}|${source.height}|${x}|${y}|${crop}`;
  let plan = recentPlans.get(key);
  if (!plan) {
    if (recentPlans.size >= RECENT_PLANS_LIMIT) recentPlans.clear();
    plan = Object.freeze(makeCropPlan(source, crop).map((spec) => Object.freeze(spec)));
    recentPlans.set(key, plan);
  }
  return plan;
}

function makeCropPlan(source: PlanSource, crop: CropName): VariantSpec[] {
  const region = cropRegion(source, crop);
  if (crop === 'social') {
    return [
      {
        key: keyFor(source, crop, SOCIAL_CARD.width, 'jpeg'),
        crop,
        format: 'jpeg',
        width: SOCIAL_CARD.width,
        height: SOCIAL_CARD.height,
        region,
      },
    ];
  }
  const specs: VariantSpec[] = [];
  for (const format of DELIVERY_FORMATS) {
    for (const width of widthsFor(region.width)) {
      specs.push({
        key: keyFor(source, crop, width, format),
        crop,
        format,
        width,
        height: Math.max(1, Math.round((region.height * width) / region.width)),
        region,
      });
    }
  }
  return specs;
}

/** The full set the background job makes for a photo. */
export const planVariants = (source: PlanSource): VariantSpec[] =>
  CROP_NAMES.flatMap((crop) => planCrop(source, crop));

/** The parts of a variant key, or null when the name is not one Dateline makes. */
export function parseVariantKey(
  key: string,
): { contentHash: string; crop: CropName; width: number; format: DeliveryFormat } | null {
  const match =
    /^([0-9a-f]{2})\/([0-9a-f]{32})\/(original|16x9|4x3|1x1|social)(?:-(\d{1,3})x(\d{1,3}))?-(\d{1,4})\.(avif|webp|jpg)$/.exec(
      key,
    );
  if (!match) return null;
  const [, prefix, contentHash, crop, , , width, extension] = match;
  if (!contentHash || !contentHash.startsWith(prefix ?? '-')) return null;
  return {
    contentHash,
    crop: crop as CropName,
    width: Number(width),
    format: FORMAT_OF_EXTENSION[extension ?? ''] ?? 'jpeg',
  };
}

/** The variant a key names, if the photo's current plan has it. */
export const findPlannedVariant = (source: PlanSource, key: string): VariantSpec | undefined => {
  const parsed = parseVariantKey(key);
  if (!parsed || parsed.contentHash !== source.contentHash) return undefined;
  return planCrop(source, parsed.crop).find((spec) => spec.key === key);
};
