import {
  publicationSettingsSchema,
  type PublicationSettings,
} from '../domain/publication/publication-settings.js';
import { surrogateKeys } from '../domain/publication/surrogate-keys.js';
import { parseWith } from '../domain/validation.js';
import { queueCdnPurge } from './cdn/cdn-purge-listener.js';
import type { Clock, Stores } from './ports.js';
import { PUBLICATION_KEY } from './publication-cache.js';

/** Validates and stores the publication's settings; returns them with defaults filled in. */
export async function applySettings(
  deps: { stores: Stores; clock: Clock },
  input: unknown,
): Promise<PublicationSettings> {
  const settings = parseWith(publicationSettingsSchema, input);
  const now = deps.clock.now();
  await deps.stores.settings.put(PUBLICATION_KEY, settings, now);
  // Every page shows the masthead: the CDN forgets them all.
  await queueCdnPurge(deps.stores, [surrogateKeys.site], now);
  return settings;
}
