/** The embed providers' API: the registry with the allow-list, and what a pasted address is. */
import type {
  embedMatchOutput,
  embedProvidersOutput,
} from '../../../src/http/api/publication/publication-schema.js';
import { request } from './client.js';
import type { Answer } from './json.js';

/** The registry, each provider with whether the allow-list lets stories show it. */
export type EmbedProviders = Answer<typeof embedProvidersOutput>;
export type EmbedProviderEntry = EmbedProviders['providers'][number];

/** A pasted address, recognised: its provider and the canonical address the body stores. */
export type EmbedMatch = Answer<typeof embedMatchOutput>;

export const embeds = {
  providers: () => request<EmbedProviders>('GET', '/api/admin/embed-providers'),
  /** Rejects with an ApiError on `url` saying why when the address cannot be embedded. */
  match: (url: string) => request<EmbedMatch>('POST', '/api/admin/embed-providers/match', { url }),
};
