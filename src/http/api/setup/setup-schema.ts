import { z } from 'zod';

/** The first editor-in-chief: the domain checks the address, the name and the password rules. */
export const setUpInput = z
  .object({
    email: z.string().max(320),
    name: z.string().max(1000),
    password: z.string().max(1024),
  })
  .strict();

export type SetUpInput = z.infer<typeof setUpInput>;
