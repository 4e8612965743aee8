import { z } from 'zod';

export const requestResetInput = z.object({ email: z.string().max(320) });

export const completeResetInput = z.object({
  token: z.string().min(1).max(200),
  password: z.string().max(1024),
});
