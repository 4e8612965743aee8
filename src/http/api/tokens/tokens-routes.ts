import type { FastifyInstance } from 'fastify';
import type { ApiToken } from '../../../domain/account/api-token.js';
import type { AccountDeps } from '../../../services/accounts/account-deps.js';
import { createApiToken } from '../../../services/accounts/create-api-token.js';
import { listApiTokens } from '../../../services/accounts/list-api-tokens.js';
import { revokeApiToken } from '../../../services/accounts/revoke-api-token.js';
import { defineEndpoint } from '../define-endpoint.js';
import { z } from 'zod';
import {
  createdTokenOutput,
  createTokenInput,
  listTokensInput,
  revokeTokenInput,
  tokenListOutput,
} from './tokens-schema.js';

/** An API token as the API shows it: never its secret. */
export const presentApiToken = (token: ApiToken) => ({
  id: token.id,
  name: token.name,
  createdAt: token.createdAt.toISOString(),
  lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
  revokedAt: token.revokedAt?.toISOString() ?? null,
  expiresAt: token.expiresAt?.toISOString() ?? null,
});

/** A newsroom member's own API tokens for scripts; managed by people, never by tokens. */
export function registerTokenRoutes(server: FastifyInstance, accounts: AccountDeps) {
  defineEndpoint(server, {
    method: 'GET',
    url: '/api/admin/tokens',
    input: listTokensInput,
    output: tokenListOutput,
    permission: 'token.manage_own',
    handle: async ({ actor }) => ({
      tokens: (await listApiTokens(accounts, actor)).map(presentApiToken),
    }),
  });

  defineEndpoint(server, {
    method: 'POST',
    url: '/api/admin/tokens',
    input: createTokenInput,
    output: createdTokenOutput,
    permission: 'token.manage_own',
    status: 201,
    handle: async ({ actor, input }) => {
      const { token, secret } = await createApiToken(accounts, actor, input);
      return { token: presentApiToken(token), secret };
    },
  });

  defineEndpoint(server, {
    method: 'DELETE',
    url: '/api/admin/tokens/:id',
    input: revokeTokenInput,
    output: z.void(),
    permission: 'token.manage_own',
    status: 204,
    handle: ({ actor, input }) => revokeApiToken(accounts, actor, input.id),
  });
}
