import {
  publicationSettingsSchema,
  type PublicationSettings,
} from '../domain/publication/publication-settings.js';
import { parseWith } from '../domain/validation.js';
import type { Clock, Stores } from './ports.js';
import { PUBLICATION_KEY } from './publication-cache.js';

/** Validates and stores the publication's settings; returns them with defaults filled in. */
export async function applySettings(
  deps: { stores: Stores; clock: Clock },
  input: unknown,
): Promise<PublicationSettings> {
  const settings = parseWith(publicationSettingsSchema, input);
  await deps.stores.settings.put(PUBLICATION_KEY, settings, deps.clock.now());
  return settings;
}
