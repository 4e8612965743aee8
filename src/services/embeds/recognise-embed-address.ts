import { EMBED_PROVIDERS } from '../../domain/embed/embed-providers.js';
import { parseEmbedAddress, recogniseEmbed } from '../../domain/embed/recognise-embed.js';
import { invalid } from '../../domain/errors.js';
import type { PublicationCache } from '../publication-cache.js';
import { embedProviderEntry } from './list-embed-providers.js';

/** Why an address cannot be embedded, in words a writer can act on. */
function refusal(address: string): string {
  const url = parseEmbedAddress(address);
  const provider = url && EMBED_PROVIDERS.find((p) => p.hosts.includes(url.hostname));
  if (provider) {
    return `url: this ${provider.name} address is not one Dateline can embed; paste the address of one ${provider.noun} (such as ${provider.example})`;
  }
  const names = EMBED_PROVIDERS.map((p) => p.name).join(', ');
  return `url: Dateline cannot embed this address; it embeds only from ${names}`;
}

/**
 * Which provider a pasted address is from, its canonical address (what the body stores), and
 * whether the publication allows that provider; Invalid, saying why, when it is none of them.
 */
export async function recogniseEmbedAddress(publication: PublicationCache, address: string) {
  const found = recogniseEmbed(address);
  if (found === null) throw invalid(refusal(address), 'url');
  const { embeds } = (await publication.current()).settings;
  return { provider: embedProviderEntry(found.provider, embeds), url: found.url };
}
