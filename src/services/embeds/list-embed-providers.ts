import type { EmbedSettings } from '../../domain/publication/publication-settings.js';
import type { EmbedProvider } from '../../domain/embed/embed-provider.js';
import { EMBED_PROVIDERS } from '../../domain/embed/embed-providers.js';
import type { PublicationCache } from '../publication-cache.js';

/** A provider as the newsroom sees it: what it is called, and whether it may be embedded now. */
export interface EmbedProviderEntry {
  id: EmbedProvider['id'];
  name: string;
  noun: string;
  example: string;
  allowed: boolean;
}

/** The entry of one provider against the publication's allow-list. */
export const embedProviderEntry = (
  provider: EmbedProvider,
  embeds: EmbedSettings,
): EmbedProviderEntry => ({
  id: provider.id,
  name: provider.name,
  noun: provider.noun,
  example: provider.example,
  allowed: embeds.allowedProviders.includes(provider.id),
});

/** Every provider Dateline can embed, and whether the editor-in-chief allows it. */
export async function listEmbedProviders(publication: PublicationCache) {
  const { embeds } = (await publication.current()).settings;
  return { providers: EMBED_PROVIDERS.map((provider) => embedProviderEntry(provider, embeds)) };
}
