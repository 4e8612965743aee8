import { z } from 'zod';

export const requestResetInput = z.object({ email: z.string().max(320) });

export const completeResetInput = z.object({
  token: z.string().min(1).max(200),
  password: z.string().max(1024),
});

/** What to tell the person, the same whether or not the address has an account. */
export const resetMessageOutput = z.object({ message: z.string() });
