import { mediaUrl } from '../media/media-item.js';
import { planCrop, type PlanSource, type VariantSpec } from '../media/variant-plan.js';

/** Feed readers and image search want one big JPEG: at least this wide when the photo allows. */
const LARGE_WIDTH = 1200;

/** The photo as taken, as the JPEG variant feeds and sitemaps link to. */
export function largeJpeg(photo: PlanSource): VariantSpec | undefined {
  const jpeg = planCrop(photo, 'original').filter((spec) => spec.format === 'jpeg');
  return jpeg.find((spec) => spec.width >= LARGE_WIDTH) ?? jpeg.at(-1);
}

/** The absolute URL of a variant. */
export const absoluteMediaUrl = (origin: string, spec: VariantSpec) =>
  `${origin}${mediaUrl(spec.key)}`;
