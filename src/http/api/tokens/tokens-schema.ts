import { z } from 'zod';
import { recordIdParam } from '../../../domain/validation.js';

export const listTokensInput = z.object({}).strict();
export const createTokenInput = z.object({ name: z.string().max(1000) }).strict();
export const revokeTokenInput = z.object({ id: recordIdParam }).strict();
