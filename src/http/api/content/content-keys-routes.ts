import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ContentKey } from '../../../domain/content-api/content-key.js';
import type { ContentApiDeps } from '../../../services/content-api/content-api-deps.js';
import { createContentKey } from '../../../services/content-api/create-content-key.js';
import { listContentKeys } from '../../../services/content-api/list-content-keys.js';
import { revokeContentKey } from '../../../services/content-api/revoke-content-key.js';
import { defineEndpoint } from '../define-endpoint.js';
import {
  contentKeyListOutput,
  createContentKeyInput,
  createdContentKeyOutput,
  listContentKeysInput,
  revokeContentKeyInput,
} from './content-keys-schema.js';

/** A Content API key as the newsroom sees it: never its secret. */
export const presentContentKey = (key: ContentKey) => ({
  id: key.id,
  name: key.name,
  prefix: key.prefix,
  createdBy: key.createdBy,
  createdAt: key.createdAt.toISOString(),
  lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
  revokedAt: key.revokedAt?.toISOString() ?? null,
});

/** The newsroom's Content API keys, for apps and partners: the editor-in-chief's, in person. */
export function registerContentKeyRoutes(server: FastifyInstance, deps: ContentApiDeps) {
  defineEndpoint(server, {
    method: 'GET',
    url: '/api/admin/content-keys',
    input: listContentKeysInput,
    output: contentKeyListOutput,
    permission: 'content_key.manage',
    handle: async ({ actor }) => ({
      keys: (await listContentKeys(deps, actor)).map(presentContentKey),
    }),
  });

  defineEndpoint(server, {
    method: 'POST',
    url: '/api/admin/content-keys',
    input: createContentKeyInput,
    output: createdContentKeyOutput,
    permission: 'content_key.manage',
    status: 201,
    handle: async ({ actor, input }) => {
      const { key, secret } = await createContentKey(deps, actor, input);
      return { key: presentContentKey(key), secret };
    },
  });

  defineEndpoint(server, {
    method: 'DELETE',
    url: '/api/admin/content-keys/:id',
    input: revokeContentKeyInput,
    output: z.void(),
    permission: 'content_key.manage',
    status: 204,
    handle: ({ actor, input }) => revokeContentKey(deps, actor, input.id),
  });
}
