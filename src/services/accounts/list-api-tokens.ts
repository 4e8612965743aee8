import type { ApiToken } from '../../domain/account/api-token.js';
import { authorize } from '../../domain/roles/permissions.js';
import type { Actor } from '../../domain/roles/role.js';
import type { AccountDeps } from './account-deps.js';

/** The actor's own API tokens, newest first, revoked ones included (never their secrets). */
export function listApiTokens(
  deps: Pick<AccountDeps, 'storage'>,
  actor: Actor,
): Promise<ApiToken[]> {
  authorize(actor, 'token.manage_own');
  return deps.storage.stores.apiTokens.listOf(actor.userId);
}
