import { z } from 'zod';
import { recordIdParam } from '../../../domain/validation.js';

export const listContentKeysInput = z.object({}).strict();
export const createContentKeyInput = z.object({ name: z.string().max(1000) }).strict();
export const revokeContentKeyInput = z.object({ id: recordIdParam }).strict();

/** A key as `presentContentKey` shows it: never its secret. */
const contentKeyOutput = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string(),
  createdBy: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  createdAt: z.string().datetime(),
  lastUsedAt: z.string().datetime().nullable(),
  revokedAt: z.string().datetime().nullable(),
});
export const contentKeyListOutput = z.object({ keys: z.array(contentKeyOutput) });
/** The new key, and its secret: shown this once. */
export const createdContentKeyOutput = z.object({ key: contentKeyOutput, secret: z.string() });
