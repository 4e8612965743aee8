import { z } from 'zod';
import { recordIdParam } from '../../../domain/validation.js';
import { photoChangesSchema } from '../../../services/media/edit-photo.js';
import { photoQuerySchema } from '../../../services/media/read-photos.js';
import { uploadFieldsSchema } from '../../../services/media/upload-photo.js';
import { PHOTO_ACTIONS } from '../../../domain/roles/photo-actions.js';
import { articleStatus } from '../articles/articles-schema.js';

export const idParams = z.object({ id: recordIdParam }).strict();
export const nothing = z.object({}).strict();
export const listPhotosInput = photoQuerySchema;
export const editPhotoInput = idParams.merge(photoChangesSchema);

/** The upload's form, for the documentation: the file and the text fields beside it. */
export const uploadForm = uploadFieldsSchema.extend({
  file: z.string().describe('The photo: JPEG, PNG, WebP, AVIF or GIF (binary)'),
});

/** A photo as the library shows it (`presentPhoto`). */
export const photoOutput = z.object({
  id: z.number().int(),
  originalName: z.string(),
  mimeType: z.string(),
  format: z.enum(['jpeg', 'png', 'webp', 'avif', 'gif']),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  caption: z.string(),
  credit: z.string(),
  creator: z.string(),
  copyright: z.string(),
  alt: z.string(),
  focalPoint: z.object({ x: z.number(), y: z.number() }),
  placeholderColor: z.string(),
  contentHash: z.string(),
  variantsReady: z.boolean(),
  createdAt: z.string().datetime(),
  uploadedBy: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  /** Where to show it small (a square) and larger. */
  urls: z.object({ thumbnail: z.string(), preview: z.string() }),
  /** What the signed-in person may do with the photo (ADR 0029). */
  allowedActions: z.array(z.enum(PHOTO_ACTIONS)),
});

export const photoListOutput = z.array(photoOutput);

export const uploadersOutput = z.array(z.object({ id: z.number().int(), name: z.string() }));

/** A photo with the stories that show it. */
export const photoWithUsageOutput = photoOutput.extend({
  usage: z.array(
    z.object({
      articleId: z.number().int(),
      headline: z.string(),
      status: articleStatus,
      as: z.enum(['lead', 'inline', 'social']),
    }),
  ),
});
