import { entryBy } from '../../domain/audit/audit-entry.js';
import type { Actor } from '../../domain/roles/role.js';
import type { AccountDeps } from './account-deps.js';

/** Ends every session of the actor's account, this one included; resolves with how many. */
export function signOutEverywhere(deps: Pick<AccountDeps, 'storage' | 'clock'>, actor: Actor) {
  return deps.storage.transaction(async (stores) => {
    const ended = await stores.sessions.deleteAllOf(actor.userId);
    const entry = entryBy(actor, 'sessions.ended_everywhere', { details: { ended } });
    await stores.audit.record(entry, deps.clock.now());
    return ended;
  });
}
