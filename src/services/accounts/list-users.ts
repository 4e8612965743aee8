import type { User } from '../../domain/account/user.js';
import { authorize } from '../../domain/roles/permissions.js';
import type { Actor } from '../../domain/roles/role.js';
import type { AccountDeps } from './account-deps.js';

/** Everyone in the newsroom, oldest account first, disabled accounts included. */
export function listUsers(deps: Pick<AccountDeps, 'storage'>, actor: Actor): Promise<User[]> {
  authorize(actor, 'user.manage');
  return deps.storage.stores.users.list();
}
