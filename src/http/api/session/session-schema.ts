import { z } from 'zod';

/** Lengths are capped before any hashing, so a huge password cannot tie up the server. */
export const signInInput = z
  .object({
    email: z.string().max(320),
    password: z.string().max(1024),
  })
  .strict();

export const noInput = z.object({}).strict();
