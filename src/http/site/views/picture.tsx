import { h } from '../../jsx/jsx.js';
import { mediaUrl, type MediaItem } from '../../../domain/media/media-item.js';
import { planCrop, type CropName, type VariantSpec } from '../../../domain/media/variant-plan.js';

const srcset = (specs: VariantSpec[]) =>
  specs.map((spec) => `${mediaUrl(spec.key)} ${spec.width}w`).join(', ');

/** The JPEG a browser that reads no srcset loads: sharp enough for a laptop column. */
const FALLBACK_WIDTH = 800;

/**
 * A photo as a <picture>: AVIF, then WebP, then JPEG, each in every width, so the browser
 * picks the smallest file that looks sharp. Width and height reserve the space before it
 * loads, and the placeholder colour fills it meanwhile. Variants not made yet are made on
 * request, so these URLs always answer with a photo.
 */
export function Picture(props: {
  media: MediaItem;
  alt: string;
  sizes: string;
  /** The page's main photo loads first; every other photo waits until it is near. */
  priority?: boolean;
  /** The shape to show; the card crops keep a row of stories even. */
  crop?: CropName;
}) {
  const { media } = props;
  const plan = planCrop(media, props.crop ?? 'original');
  const of = (format: VariantSpec['format']) => plan.filter((spec) => spec.format === format);
  const jpeg = of('jpeg');
  const fallback = jpeg.find((spec) => spec.width >= FALLBACK_WIDTH) ?? jpeg.at(-1);
  if (!fallback) return null;
  return (
    <picture>
      <source type="image/avif" srcset={srcset(of('avif'))} sizes={props.sizes} />
      <source type="image/webp" srcset={srcset(of('webp'))} sizes={props.sizes} />
      <img
        src={mediaUrl(fallback.key)}
        srcset={srcset(jpeg)}
        sizes={props.sizes}
        width={fallback.width}
        height={fallback.height}
        alt={props.alt}
        style={`--ratio:${fallback.width}/${fallback.height};background-color:${media.placeholderColor}`}
        loading={props.priority ? undefined : 'lazy'}
        fetchpriority={props.priority ? 'high' : undefined}
        decoding={props.priority ? undefined : 'async'}
      />
    </picture>
  );
}
