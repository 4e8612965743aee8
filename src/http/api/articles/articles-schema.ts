import { z } from 'zod';
import { recordIdParam } from '../../../domain/validation.js';
import { articleChangesSchema } from '../../../domain/article/article-draft.js';

export const idParams = z.object({ id: recordIdParam }).strict();

export const saveArticleInput = articleChangesSchema
  .extend({
    id: recordIdParam,
    revision: z.number({ required_error: 'say which revision your text is based on' }).int().min(0),
    autosave: z.boolean().default(false),
    /** After a 409: for each conflict's key (`headline`, `body.3`), the version to keep. */
    choices: z
      .record(z.string().regex(/^[a-zA-Z]+(\.\d+)?$/), z.enum(['yours', 'theirs']))
      .optional(),
  })
  .strict();

const instant = z
  .string()
  .datetime({ offset: true, message: 'must be an ISO 8601 time with a zone' })
  .transform((value) => new Date(value));

export const transitionInput = z
  .object({
    id: recordIdParam,
    to: z.enum(['draft', 'in_review', 'scheduled', 'published', 'unpublished']),
    publishAt: instant.optional(),
    unpublishAt: instant.nullable().optional(),
  })
  .strict();

export const diffInput = z
  .object({
    id: recordIdParam,
    from: recordIdParam,
    to: recordIdParam,
  })
  .strict();

export const restoreInput = z
  .object({
    id: recordIdParam,
    number: recordIdParam,
    revision: z.number().int().min(0),
  })
  .strict();

export const noteInput = z
  .object({
    id: recordIdParam,
    text: z.string().trim().min(1, 'must not be empty').max(4000),
  })
  .strict();

export const scheduledUpdateInput = articleChangesSchema
  .extend({
    id: recordIdParam,
    revision: z.number({ required_error: 'say which revision your text is based on' }).int().min(0),
    applyAt: instant,
  })
  .strict();
