import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { MAX_EMBED_URL_LENGTH } from '../../../domain/embed/recognise-embed.js';
import { listEmbedProviders } from '../../../services/embeds/list-embed-providers.js';
import { recogniseEmbedAddress } from '../../../services/embeds/recognise-embed-address.js';
import type { PublicationCache } from '../../../services/publication-cache.js';
import { defineEndpoint } from '../define-endpoint.js';
import { embedMatchOutput, embedProvidersOutput } from '../publication/publication-schema.js';

/**
 * The registry of embed providers for the newsroom app: the settings' allow-list and the body
 * editor's Embed button. A pasted address is sent in a POST body, so it stays out of access logs
 * (private SoundCloud tracks carry their key in the address).
 */
export function registerEmbedRoutes(server: FastifyInstance, publication: PublicationCache) {
  defineEndpoint(server, {
    method: 'GET',
    url: '/api/admin/embed-providers',
    input: z.object({}).strict(),
    output: embedProvidersOutput,
    permission: 'signed_in',
    handle: () => listEmbedProviders(publication),
  });
  defineEndpoint(server, {
    method: 'POST',
    url: '/api/admin/embed-providers/match',
    input: z.object({ url: z.string().max(MAX_EMBED_URL_LENGTH) }).strict(),
    output: embedMatchOutput,
    permission: 'signed_in',
    handle: ({ input }) => recogniseEmbedAddress(publication, input.url),
  });
}
