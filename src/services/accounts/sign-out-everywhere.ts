import type { Actor } from '../../domain/roles/role.js';
import type { AccountDeps } from './account-deps.js';
import { revokeAllAccess } from './revoke-access.js';

/**
 * Ends every session of the actor's account, this one included, and revokes its API tokens;
 * resolves with how many sessions ended.
 */
export function signOutEverywhere(deps: Pick<AccountDeps, 'storage' | 'clock'>, actor: Actor) {
  return deps.storage.transaction((stores) =>
    revokeAllAccess(stores, actor.userId, deps.clock.now()),
  );
}
