import { z } from 'zod';
import { accountOutput } from '../users/users-schema.js';

/** Lengths are capped before any hashing, so a huge password cannot tie up the server. */
export const signInInput = z
  .object({
    email: z.string().max(320),
    password: z.string().max(1024),
  })
  .strict();

export const noInput = z.object({}).strict();

/** Signed in: who, and the token the newsroom app sends with every change. */
export const signedInOutput = z.object({ user: accountOutput, csrfToken: z.string() });

export const sessionOutput = z.object({
  user: accountOutput.nullable(),
  csrfToken: z.string().nullable(),
});

export const signedOutEverywhereOutput = z.object({ sessionsEnded: z.number().int() });
