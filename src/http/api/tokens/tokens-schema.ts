import { z } from 'zod';
import { recordIdParam } from '../../../domain/validation.js';

export const listTokensInput = z.object({});
export const createTokenInput = z.object({ name: z.string().max(1000) });
export const revokeTokenInput = z.object({ id: recordIdParam });
