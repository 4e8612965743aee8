import type { FastifyInstance } from 'fastify';
import type { AccountDeps } from '../../../services/accounts/account-deps.js';
import { requestPasswordReset } from '../../../services/accounts/request-password-reset.js';
import { resetPassword } from '../../../services/accounts/reset-password.js';
import { clientOf } from '../../middleware/authentication/index.js';
import { defineEndpoint } from '../define-endpoint.js';
import {
  completeResetInput,
  requestResetInput,
  resetMessageOutput,
} from './password-resets-schema.js';

/** Forgotten passwords: a mailed single-use link, then the new password. */
export function registerPasswordResetRoutes(server: FastifyInstance, accounts: AccountDeps) {
  defineEndpoint(server, {
    method: 'POST',
    url: '/api/admin/password-resets',
    input: requestResetInput,
    output: resetMessageOutput,
    permission: 'public',
    status: 202,
    handle: ({ input, request }) => requestPasswordReset(accounts, input, clientOf(request)),
  });

  defineEndpoint(server, {
    method: 'POST',
    url: '/api/admin/password-resets/complete',
    input: completeResetInput,
    output: resetMessageOutput,
    permission: 'public',
    handle: async ({ input, request }) => {
      await resetPassword(accounts, input, clientOf(request));
      return { message: 'Your password is changed. Sign in with it now.' };
    },
  });
}
