import { z } from 'zod';

export const listTokensInput = z.object({});
export const createTokenInput = z.object({ name: z.string().max(1000) });
export const revokeTokenInput = z.object({ id: z.coerce.number().int().positive() });
