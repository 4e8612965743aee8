import { z } from 'zod';
import { articleChangesSchema } from '../../../domain/article/article-draft.js';

export const idParams = z.object({ id: z.coerce.number().int().positive() });

export const saveArticleInput = articleChangesSchema
  .extend({
    id: z.coerce.number().int().positive(),
    revision: z.number({ required_error: 'say which revision your text is based on' }).int().min(0),
    autosave: z.boolean().default(false),
  })
  .strict();

const instant = z
  .string()
  .datetime({ offset: true, message: 'must be an ISO 8601 time with a zone' })
  .transform((value) => new Date(value));

export const transitionInput = z
  .object({
    id: z.coerce.number().int().positive(),
    to: z.enum(['draft', 'in_review', 'scheduled', 'published', 'unpublished']),
    publishAt: instant.optional(),
    unpublishAt: instant.nullable().optional(),
  })
  .strict();

export const diffInput = z
  .object({
    id: z.coerce.number().int().positive(),
    from: z.coerce.number().int().positive(),
    to: z.coerce.number().int().positive(),
  })
  .strict();

export const restoreInput = z
  .object({
    id: z.coerce.number().int().positive(),
    number: z.coerce.number().int().positive(),
    revision: z.number().int().min(0),
  })
  .strict();

export const noteInput = z
  .object({
    id: z.coerce.number().int().positive(),
    text: z.string().trim().min(1, 'must not be empty').max(4000),
  })
  .strict();
