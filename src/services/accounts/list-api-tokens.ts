import type { ApiToken } from '../../domain/account/api-token.js';
import { authorize } from '../../domain/roles/permissions.js';
import type { Actor } from '../../domain/roles/role.js';
import type { Stores } from '../ports.js';
import type { AccountUseCaseDeps } from './account-deps.js';

/** The actor's own API tokens, newest first, revoked ones included (never their secrets). */
export function listApiTokens(
  deps: AccountUseCaseDeps<Pick<Stores, 'apiTokens'>>,
  actor: Actor,
): Promise<ApiToken[]> {
  authorize(actor, 'token.manage_own');
  return deps.storage.stores.apiTokens.listOf(actor.userId);
}
