import type { FastifyInstance } from 'fastify';
import { acceptInvitation } from '../../../services/accounts/accept-invitation.js';
import type { AccountDeps } from '../../../services/accounts/account-deps.js';
import { inviteUser } from '../../../services/accounts/invite-user.js';
import { clientOf, setSessionCookie } from '../../middleware/authentication/index.js';
import { defineEndpoint } from '../define-endpoint.js';
import type { InvitationMail } from '../mail/mail-schema.js';
import { presentSignedIn } from '../session/session-routes.js';
import { acceptInvitationInput, inviteInput } from './invitations-schema.js';

/** Inviting people into the newsroom, and joining it with an invitation. */
export function registerInvitationRoutes(server: FastifyInstance, accounts: AccountDeps) {
  defineEndpoint(server, {
    method: 'POST',
    url: '/api/admin/invitations',
    input: inviteInput,
    permission: 'user.manage',
    status: 201,
    handle: async ({ actor, input }) => {
      const { mail, ...invitation } = await inviteUser(accounts, actor, input);
      const queued: InvitationMail = { status: 'queued', delivery: mail };
      return {
        invitation: { ...invitation, expiresAt: invitation.expiresAt.toISOString() },
        mail: queued,
      };
    },
  });

  defineEndpoint(server, {
    method: 'POST',
    url: '/api/admin/invitations/accept',
    input: acceptInvitationInput,
    permission: 'public',
    status: 201,
    handle: async ({ input, request, reply }) => {
      const signedIn = await acceptInvitation(accounts, input, clientOf(request));
      setSessionCookie(reply, request, signedIn);
      return presentSignedIn(signedIn);
    },
  });
}
