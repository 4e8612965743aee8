import { z } from 'zod';
import { API_TOKEN_MAX_DAYS } from '../../../domain/account/api-token.js';
import { recordIdParam } from '../../../domain/validation.js';

export const listTokensInput = z.object({}).strict();
export const createTokenInput = z
  .object({
    name: z.string().max(1000),
    /** Days the token works for; left out or null, it works until revoked. */
    expiresInDays: z.number().int().min(1).max(API_TOKEN_MAX_DAYS).nullable().optional(),
  })
  .strict();
export const revokeTokenInput = z.object({ id: recordIdParam }).strict();

/** A token as `presentApiToken` shows it: never its secret. */
export const apiTokenOutput = z.object({
  id: z.number().int(),
  name: z.string(),
  createdAt: z.string().datetime(),
  lastUsedAt: z.string().datetime().nullable(),
  revokedAt: z.string().datetime().nullable(),
  expiresAt: z.string().datetime().nullable(),
});

export const tokenListOutput = z.object({ tokens: z.array(apiTokenOutput) });
/** The new token, and its secret: shown this once. */
export const createdTokenOutput = z.object({ token: apiTokenOutput, secret: z.string() });
