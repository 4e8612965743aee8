import type { Actor } from '../../domain/roles/role.js';
import type { AccountDeps } from './account-deps.js';

/** Ends every session of the actor's account, this one included; resolves with how many. */
export function signOutEverywhere(deps: Pick<AccountDeps, 'storage'>, actor: Actor) {
  return deps.storage.stores.sessions.deleteAllOf(actor.userId);
}
