import { canOnMedia, type MediaAction } from './permissions.js';
import type { Actor } from './role.js';

export const PHOTO_ACTIONS = ['edit', 'delete'] as const;

/** One thing the photo library may offer to do with a photo. */
export type PhotoAction = (typeof PHOTO_ACTIONS)[number];

const PERMISSION_OF: Record<PhotoAction, MediaAction> = {
  edit: 'media.edit',
  delete: 'media.delete',
};

/**
 * What the actor may do with a photo, by the rule the media services enforce. Deleting a photo
 * an article still shows is refused as well, but that is the photo's use, not the person's right.
 */
export const photoActionsFor = (actor: Actor, photo: { uploadedBy: number | null }) =>
  PHOTO_ACTIONS.filter((action) => canOnMedia(actor, PERMISSION_OF[action], photo));
