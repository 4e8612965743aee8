import type { User } from '../../domain/account/user.js';
import { authorize } from '../../domain/roles/permissions.js';
import type { Actor } from '../../domain/roles/role.js';
import type { Stores } from '../ports.js';
import type { AccountUseCaseDeps } from './account-deps.js';

/** Everyone in the newsroom, oldest account first, disabled accounts included. */
export function listUsers(
  deps: AccountUseCaseDeps<Pick<Stores, 'users'>>,
  actor: Actor,
): Promise<User[]> {
  authorize(actor, 'user.manage');
  return deps.storage.stores.users.list();
}
