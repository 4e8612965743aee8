/**
 * Recognises a pasted address as something a provider can embed. Strict: the address is parsed
 * with WHATWG URL, must be http(s) on one of the provider's exact hosts, with no user name,
 * password or port, and the provider must find its ids in it; http is read as https.
 */
import type { EmbedIds, EmbedProvider } from './embed-provider.js';
import { EMBED_PROVIDERS, embedProviderById } from './embed-providers.js';

/** The longest address an embed may be given. */
export const MAX_EMBED_URL_LENGTH = 2_048;

/** A provider's content found in an address: its ids, and its canonical https address. */
export interface RecognisedEmbed {
  provider: EmbedProvider;
  ids: EmbedIds;
  url: string;
}

// Browsers drop tabs and newlines inside a URL (`java\tscript:`) and trim spaces: refuse them.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f-\u00a0\u2028\u2029]/;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** The pasted text as an https URL, or null when it is not a plain http(s) address. */
export function parseEmbedAddress(text: string): URL | null {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > MAX_EMBED_URL_LENGTH) return null;
  if (CONTROL_OR_SPACE.test(trimmed)) return null;
  // People paste `youtu.be/…` without a scheme; anything that names another scheme is refused below.
  const address = HAS_SCHEME.test(trimmed) ? trimmed : `https://${trimmed}`;
  if (!URL.canParse(address)) return null;
  const url = new URL(address);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username !== '' || url.password !== '' || url.port !== '') return null;
  url.protocol = 'https:';
  return url;
}

function recogniseWith(provider: EmbedProvider, url: URL): RecognisedEmbed | null {
  if (!provider.hosts.includes(url.hostname)) return null;
  const ids = provider.match(url);
  return ids === null ? null : { provider, ids, url: provider.canonicalUrl(ids) };
}

/** The provider and ids of a pasted address, whichever provider it is from, or null. */
export function recogniseEmbed(text: string): RecognisedEmbed | null {
  const url = parseEmbedAddress(text);
  if (url === null) return null;
  for (const provider of EMBED_PROVIDERS) {
    const found = recogniseWith(provider, url);
    if (found !== null) return found;
  }
  return null;
}

/** The address read as one provider's, or null when it is not one of that provider's. */
export function recogniseEmbedFor(providerId: string, text: string): RecognisedEmbed | null {
  const provider = embedProviderById(providerId);
  const url = provider === undefined ? null : parseEmbedAddress(text);
  return provider === undefined || url === null ? null : recogniseWith(provider, url);
}
