import { z } from 'zod';
import { invitationMailOutput as invitationMail } from '../mail/mail-schema.js';
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

const expiresAt = z.string().datetime();

export const sentInvitationOutput = z.object({
  invitation: z.object({ email: z.string(), role: roleSchema, expiresAt }),
  mail: invitationMail,
});

export const resentInvitationOutput = z.object({
  invitation: z.object({ email: z.string(), expiresAt }),
  mail: invitationMail,
});

export const invitationListOutput = z.object({
  invitations: z.array(
    z.object({
      email: z.string(),
      role: roleSchema.nullable(),
      invitedBy: z.string().nullable(),
      invitedAt: z.string().datetime(),
      expiresAt,
      expired: z.boolean(),
    }),
  ),
});

export const revokedInvitationOutput = z.object({ revoked: z.string() });

export const checkedInvitationOutput = z.object({
  invitation: z.object({ email: z.string(), role: roleSchema.nullable(), expiresAt }),
});
