import {
  changedKeys,
  entryBy,
  SYSTEM_CALLER,
  type AuditActor,
} from '../domain/audit/audit-entry.js';
import type { PublicationSettings } from '../domain/publication/publication-settings.js';
import { surrogateKeys } from '../domain/publication/surrogate-keys.js';
import type { Actor } from '../domain/roles/role.js';
import { announcePageChange } from './cdn/cdn-purge-listener.js';
import type { Clock, Stores } from './ports.js';
import { PUBLICATION_KEY } from './publication-cache.js';

/**
 * Stores the publication's settings, validated by the caller's edge (API, command line);
 * returns them. The audit trail notes who changed which keys.
 */
export async function applySettings(
  deps: { stores: Pick<Stores, 'settings' | 'audit' | 'jobs' | 'events'>; clock: Clock },
  settings: PublicationSettings,
  by: Actor | AuditActor = SYSTEM_CALLER,
): Promise<PublicationSettings> {
  const now = deps.clock.now();
  const before = await deps.stores.settings.get(PUBLICATION_KEY);
  await deps.stores.settings.put(PUBLICATION_KEY, settings, now);
  const changed = {
    target: { type: 'settings', id: PUBLICATION_KEY },
    details: { changed: changedKeys(before, settings) },
  };
  await deps.stores.audit.record(entryBy(by, 'settings.changed', changed), now);
  // Every page shows the masthead: the CDN forgets them all.
  await announcePageChange(deps.stores, [surrogateKeys.site], now);
  return settings;
}
