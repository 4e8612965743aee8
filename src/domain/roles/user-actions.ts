import type { User } from '../account/user.js';
import { conflict, forbidden } from '../errors.js';
import { can } from './permissions.js';
import { atLeast, type Actor, type Role } from './role.js';

export const USER_ACTIONS = ['change_role', 'disable', 'enable'] as const;

/** One thing the users page may offer to do with an account. */
export type UserAction = (typeof USER_ACTIONS)[number];

/** What a decision about an account needs to know of it. */
export interface AccountAccess {
  id: number;
  role: Role;
  disabled: boolean;
}

/** What the rules about changing an account need to know of it. */
export const accountAccessOf = (user: User): AccountAccess => ({
  id: user.id,
  role: user.role,
  disabled: user.disabledAt !== null,
});

/** Why the actor may not change the account, or null when they may. */
function refusal(actor: Actor, account: AccountAccess): string | null {
  if (!can(actor, 'user.manage')) return 'Your role may not manage users';
  // Locking oneself out, or stepping down, is for another editor-in-chief to do.
  if (account.id === actor.userId) return 'You may not change your own role or account';
  if (!atLeast(actor.role, account.role))
    return 'You may not change someone whose role is above your own';
  return null;
}

/** What the actor may do with the account, by the rules `changeUser` enforces. */
export function userActionsFor(actor: Actor, account: AccountAccess): UserAction[] {
  if (refusal(actor, account) !== null) return [];
  return ['change_role', account.disabled ? 'enable' : 'disable'];
}

/** Throws Forbidden unless the actor may change the account, Conflict for a switch already made. */
export function authorizeUserChange(
  actor: Actor,
  account: AccountAccess,
  change: { disabled?: boolean },
): void {
  const refused = refusal(actor, account);
  if (refused) throw forbidden(refused);
  if (change.disabled !== undefined && change.disabled === account.disabled)
    throw conflict(`This account is already ${account.disabled ? 'disabled' : 'enabled'}`);
}
