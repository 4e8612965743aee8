import { entryBy } from '../../domain/audit/audit-entry.js';
import type { Actor } from '../../domain/roles/role.js';
import type { Stores } from '../ports.js';
import type { AccountUseCaseDeps } from './account-deps.js';
import { revokeAllAccess } from './revoke-access.js';

/**
 * Ends every session of the actor's account, this one included, and revokes its API tokens;
 * resolves with how many sessions ended.
 */
export function signOutEverywhere(
  deps: AccountUseCaseDeps<Pick<Stores, 'apiTokens' | 'sessions' | 'audit'>, 'clock'>,
  actor: Actor,
) {
  return deps.storage.transaction(async (stores) => {
    const now = deps.clock.now();
    const ended = await revokeAllAccess(stores, actor.userId, now);
    await stores.audit.record(
      entryBy(actor, 'sessions.ended_everywhere', { details: { ended } }),
      now,
    );
    return ended;
  });
}
