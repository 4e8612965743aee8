import { z } from 'zod';
import { roleSchema } from '../users/users-schema.js';

export const inviteInput = z.object({
  email: z.string().max(320),
  role: roleSchema,
});

export const acceptInvitationInput = z.object({
  token: z.string().min(1).max(200),
  name: z.string().max(1000),
  password: z.string().max(1024),
});

export const listInvitationsInput = z.object({}).strict();

/** Resending or revoking names the invitation by the address it was sent to. */
export const invitationAddressInput = z.object({ email: z.string().max(320) }).strict();

export const checkInvitationInput = z.object({ token: z.string().min(1).max(200) }).strict();
