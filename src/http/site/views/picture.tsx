import { h } from '../../jsx/jsx.js';
import { mediaUrl, type MediaItem, type MediaVariant } from '../../../domain/media/media-item.js';

const srcset = (variants: MediaVariant[]) =>
  variants.map((v) => `${mediaUrl(v.path)} ${v.width}w`).join(', ');

/**
 * A photo as a <picture>: WebP first, JPEG for the rest, each in every width so the browser
 * picks the smallest that looks sharp. Width and height reserve the space before it loads.
 */
export function Picture(props: {
  media: MediaItem;
  alt: string;
  sizes: string;
  /** The page's main photo loads first; every other photo waits until it is near. */
  priority?: boolean;
}) {
  const { media } = props;
  const webp = media.variants.filter((v) => v.format === 'webp');
  const jpeg = media.variants.filter((v) => v.format === 'jpeg');
  const fallback = jpeg.at(-1) ?? media.variants.at(-1);
  if (!fallback) return <span />;
  return (
    <picture>
      {webp.length > 0 ? (
        <source type="image/webp" srcset={srcset(webp)} sizes={props.sizes} />
      ) : null}
      <img
        src={mediaUrl(fallback.path)}
        srcset={jpeg.length > 0 ? srcset(jpeg) : undefined}
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
