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
