import { h } from '../../jsx/jsx.js';
import { mediaUrl, type MediaItem } from '../../../domain/media/media-item.js';
import { planCrop, type CropName, type VariantSpec } from '../../../domain/media/variant-plan.js';

const srcset = (specs: readonly VariantSpec[]) =>
  specs.map((spec) => `${mediaUrl(spec.key)} ${spec.width}w`).join(', ');

/** The JPEG a browser that reads no srcset loads: sharp enough for a laptop column. */
const FALLBACK_WIDTH = 800;

interface Sources {
  avif: string;
  webp: string;
  jpeg: string;
  fallback: VariantSpec | undefined;
}

/**
 * A plan's srcsets, written once: plans are shared while a photo stays in use (planCrop), and
 * the sources go with their plan when it is dropped.
 */
const sourcesOfPlan = new WeakMap<readonly VariantSpec[], Sources>();

function sourcesOf(plan: readonly VariantSpec[]): Sources {
  let sources = sourcesOfPlan.get(plan);
  if (!sources) {
    const of = (format: VariantSpec['format']) => plan.filter((spec) => spec.format === format);
    const jpeg = of('jpeg');
    sources = {
      avif: srcset(of('avif')),
      webp: srcset(of('webp')),
      jpeg: srcset(jpeg),
      fallback: jpeg.find((spec) => spec.width >= FALLBACK_WIDTH) ?? jpeg.at(-1),
    };
    sourcesOfPlan.set(plan, sources);
  }
  return sources;
}

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
  const sources = sourcesOf(planCrop(media, props.crop ?? 'original'));
  const fallback = sources.fallback;
  if (!fallback) return null;
  return (
    <picture>
      <source type="image/avif" srcset={sources.avif} sizes={props.sizes} />
      <source type="image/webp" srcset={sources.webp} sizes={props.sizes} />
      <img
        src={mediaUrl(fallback.key)}
        srcset={sources.jpeg}
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
