import type { FastifyInstance } from 'fastify';
import { acceptInvitation } from '../../../services/accounts/accept-invitation.js';
import type { AccountDeps } from '../../../services/accounts/account-deps.js';
import { checkInvitation } from '../../../services/accounts/check-invitation.js';
import type { MailDelivery } from '../../../services/accounts/account-deps.js';
import { inviteUser } from '../../../services/accounts/invite-user.js';
import { listInvitations } from '../../../services/accounts/list-invitations.js';
import { resendInvitation } from '../../../services/accounts/resend-invitation.js';
import { revokeInvitation } from '../../../services/accounts/revoke-invitation.js';
import { clientOf, setSessionCookie } from '../../middleware/authentication/index.js';
import { defineEndpoint } from '../define-endpoint.js';
import type { InvitationMail } from '../mail/mail-schema.js';
import { presentSignedIn } from '../session/session-routes.js';
import { signedInOutput } from '../session/session-schema.js';
import {
  acceptInvitationInput,
  checkedInvitationOutput,
  checkInvitationInput,
  invitationAddressInput,
  invitationListOutput,
  inviteInput,
  listInvitationsInput,
  resentInvitationOutput,
  revokedInvitationOutput,
  sentInvitationOutput,
} from './invitations-schema.js';

/** How an invitation went out: queued mail, or the link itself when no mail server is set up. */
const mailOf = (delivery: MailDelivery, link: string | undefined): InvitationMail =>
  link === undefined ? { status: 'queued', delivery } : { status: 'link', delivery, link };

/** Inviting people into the newsroom, and joining it with an invitation. */
export function registerInvitationRoutes(server: FastifyInstance, accounts: AccountDeps) {
  defineEndpoint(server, {
    method: 'POST',
    url: '/api/admin/invitations',
    input: inviteInput,
    output: sentInvitationOutput,
    permission: 'user.manage',
    status: 201,
    handle: async ({ actor, input }) => {
      const { mail, link, ...invitation } = await inviteUser(accounts, actor, input);
      return {
        invitation: { ...invitation, expiresAt: invitation.expiresAt.toISOString() },
        mail: mailOf(mail, link),
      };
    },
  });

  defineEndpoint(server, {
    method: 'GET',
    url: '/api/admin/invitations',
    input: listInvitationsInput,
    output: invitationListOutput,
    permission: 'user.manage',
    handle: async ({ actor }) => {
      const pending = await listInvitations(accounts, actor);
      return {
        invitations: pending.map((invitation) => ({
          ...invitation,
          invitedAt: invitation.invitedAt.toISOString(),
          expiresAt: invitation.expiresAt.toISOString(),
        })),
      };
    },
  });

  defineEndpoint(server, {
    method: 'POST',
    url: '/api/admin/invitations/resend',
    input: invitationAddressInput,
    output: resentInvitationOutput,
    permission: 'user.manage',
    handle: async ({ actor, input }) => {
      const { mail, link, ...invitation } = await resendInvitation(accounts, actor, input);
      return {
        invitation: { ...invitation, expiresAt: invitation.expiresAt.toISOString() },
        mail: mailOf(mail, link),
      };
    },
  });

  defineEndpoint(server, {
    method: 'POST',
    url: '/api/admin/invitations/revoke',
    input: invitationAddressInput,
    output: revokedInvitationOutput,
    permission: 'user.manage',
    handle: async ({ actor, input }) => {
      await revokeInvitation(accounts, actor, input);
      return { revoked: input.email.trim().toLowerCase() };
    },
  });
  registerJoiningRoutes(server, accounts);
}

/** The invited person's side: check the link, then join with it. */
function registerJoiningRoutes(server: FastifyInstance, accounts: AccountDeps) {
  defineEndpoint(server, {
    method: 'POST',
    url: '/api/admin/invitations/check',
    input: checkInvitationInput,
    output: checkedInvitationOutput,
    permission: 'public',
    handle: async ({ input }) => {
      const invitation = await checkInvitation(accounts, input.token);
      return { invitation: { ...invitation, expiresAt: invitation.expiresAt.toISOString() } };
    },
  });

  defineEndpoint(server, {
    method: 'POST',
    url: '/api/admin/invitations/accept',
    input: acceptInvitationInput,
    output: signedInOutput,
    permission: 'public',
    status: 201,
    handle: async ({ input, request, reply }) => {
      const signedIn = await acceptInvitation(accounts, input, clientOf(request));
      setSessionCookie(reply, request, signedIn);
      return presentSignedIn(signedIn);
    },
  });
}
