import type { FastifyInstance } from 'fastify';
import type { AccountDeps, SignedIn } from '../../../services/accounts/account-deps.js';
import { signIn } from '../../../services/accounts/sign-in.js';
import { signOutEverywhere } from '../../../services/accounts/sign-out-everywhere.js';
import { signOut } from '../../../services/accounts/sign-out.js';
import {
  clearSessionCookie,
  clientOf,
  sessionTokenOf,
  setSessionCookie,
} from '../../middleware/authentication/index.js';
import { defineEndpoint } from '../define-endpoint.js';
import { presentUser } from '../users/user-presenter.js';
import { z } from 'zod';
import {
  noInput,
  sessionOutput,
  signedInOutput,
  signedOutEverywhereOutput,
  signInInput,
} from './session-schema.js';

/** What the newsroom app gets on signing in: the user, and the token for its changes. */
export const presentSignedIn = (signedIn: SignedIn) => ({
  user: presentUser(signedIn.user),
  csrfToken: signedIn.csrfToken,
});

/** Signing in and out of the newsroom. */
export function registerSessionRoutes(server: FastifyInstance, accounts: AccountDeps) {
  defineEndpoint(server, {
    method: 'POST',
    url: '/api/admin/session',
    input: signInInput,
    output: signedInOutput,
    permission: 'public',
    handle: async ({ input, request, reply }) => {
      const signedIn = await signIn(accounts, input, clientOf(request));
      setSessionCookie(reply, request, signedIn);
      return presentSignedIn(signedIn);
    },
  });

  defineEndpoint(server, {
    method: 'GET',
    url: '/api/admin/session',
    input: noInput,
    output: sessionOutput,
    permission: 'signed_in',
    handle: ({ request }) => {
      const account = request.account;
      return Promise.resolve({
        user: account && presentUser(account.user),
        csrfToken: account?.csrfToken ?? null,
      });
    },
  });

  defineEndpoint(server, {
    method: 'DELETE',
    url: '/api/admin/session',
    input: noInput,
    output: z.void(),
    permission: 'public',
    status: 204,
    handle: async ({ request, reply }) => {
      const token = sessionTokenOf(request);
      if (token) await signOut(accounts, token);
      clearSessionCookie(reply, request);
    },
  });

  defineEndpoint(server, {
    method: 'POST',
    url: '/api/admin/session/sign-out-everywhere',
    input: noInput,
    output: signedOutEverywhereOutput,
    permission: 'signed_in',
    handle: async ({ actor, request, reply }) => {
      const sessionsEnded = await signOutEverywhere(accounts, actor);
      clearSessionCookie(reply, request);
      return { sessionsEnded };
    },
  });
}
