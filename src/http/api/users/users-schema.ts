import { z } from 'zod';
import { recordIdParam } from '../../../domain/validation.js';
import { ROLES } from '../../../domain/roles/role.js';

export const roleSchema = z.enum(ROLES);

export const listUsersInput = z.object({}).strict();

export const changeUserInput = z
  .object({
    id: recordIdParam,
    role: roleSchema.optional(),
    disabled: z.boolean().optional(),
  })
  .strict()
  .refine((change) => change.role !== undefined || change.disabled !== undefined, {
    message: 'give a new role, or disabled: true or false',
    path: ['role'],
  });

/** A user as `presentUser` shows them. */
export const userOutput = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  authorId: z.number().int().nullable(),
  createdAt: z.string().datetime(),
  disabledAt: z.string().datetime().nullable(),
});

export const userListOutput = z.object({ users: z.array(userOutput) });
export const changedUserOutput = z.object({ user: userOutput });
