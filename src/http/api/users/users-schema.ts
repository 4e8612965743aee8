import { z } from 'zod';
import { recordIdParam } from '../../../domain/validation.js';
import { ROLES } from '../../../domain/roles/role.js';
import { USER_ACTIONS } from '../../../domain/roles/user-actions.js';

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

/** An account as `presentUser` shows it: the signed-in person's own, in the session. */
export const accountOutput = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  authorId: z.number().int().nullable(),
  createdAt: z.string().datetime(),
  disabledAt: z.string().datetime().nullable(),
});

/** A user on the users screen, with what the signed-in person may do with them (ADR 0029). */
export const userOutput = accountOutput.extend({
  allowedActions: z.array(z.enum(USER_ACTIONS)),
});

export const userListOutput = z.object({ users: z.array(userOutput) });
export const changedUserOutput = z.object({ user: userOutput });
