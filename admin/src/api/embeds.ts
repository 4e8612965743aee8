/** The embed providers' API: the registry with the allow-list, and what a pasted address is. */
import { request } from './client.js';

/** A provider as the server describes it (src/services/embeds/list-embed-providers.ts). */
export interface EmbedProviderEntry {
  id: string;
  name: string;
  noun: string;
  example: string;
  allowed: boolean;
}

/** A pasted address, recognised: its provider and the canonical address the body stores. */
export interface EmbedMatch {
  provider: EmbedProviderEntry;
  url: string;
}

export const embeds = {
  providers: () =>
    request<{ providers: EmbedProviderEntry[] }>('GET', '/api/admin/embed-providers'),
  /** Rejects with an ApiError on `url` saying why when the address cannot be embedded. */
  match: (url: string) => request<EmbedMatch>('POST', '/api/admin/embed-providers/match', { url }),
};
