import { embeds, type EmbedProviderEntry } from '../api/embeds.js';

let loading: Promise<EmbedProviderEntry[]> | null = null;

/**
 * The embed providers, read once per visit for the cards' names; a failed read is tried again
 * next time. The Embed form asks the server afresh for each address, so the allow-list it
 * applies is always current.
 */
export function loadEmbedProviders(): Promise<EmbedProviderEntry[]> {
  loading ??= embeds.providers().then(
    (answer) => answer.providers,
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}
