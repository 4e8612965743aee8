import { mediaUrl, type MediaItem } from '../../../domain/media/media-item.js';
import { planCrop } from '../../../domain/media/variant-plan.js';
import { photoActionsFor } from '../../../domain/roles/photo-actions.js';
import type { Actor } from '../../../domain/roles/role.js';

/**
 * The library's view of a photo: its fields, who uploaded it, two URLs to show it by, and what
 * the caller may do with it.
 */
export function presentPhoto(photo: MediaItem, uploaders: Map<number, string>, actor: Actor) {
  const nearest = (crop: 'original' | '1x1', width: number) => {
    const webp = planCrop(photo, crop).filter((spec) => spec.format === 'webp');
    const fit = webp.find((spec) => spec.width >= width) ?? webp.at(-1);
    return fit ? mediaUrl(fit.key) : '';
  };
  return {
    ...photo,
    createdAt: photo.createdAt.toISOString(),
    uploadedBy:
      photo.uploadedBy === null
        ? null
        : { id: photo.uploadedBy, name: uploaders.get(photo.uploadedBy) ?? 'Former colleague' },
    urls: { thumbnail: nearest('1x1', 320), preview: nearest('original', 1024) },
    allowedActions: photoActionsFor(actor, photo),
  };
}
