import { roleLabel, type User } from '../../domain/account/user.js';
import { entryBy } from '../../domain/audit/audit-entry.js';
import { conflict, forbidden, notFound } from '../../domain/errors.js';
import { authorize, canGrantRole } from '../../domain/roles/permissions.js';
import type { Actor, Role } from '../../domain/roles/role.js';
import { accountAccessOf, authorizeUserChange } from '../../domain/roles/user-actions.js';
import type { Stores } from '../ports.js';
import type { AccountUseCaseDeps } from './account-deps.js';
import { revokeAllAccess } from './revoke-access.js';

export interface UserChange {
  role?: Role;
  disabled?: boolean;
}

/**
 * Changes a member's role or switches their account off or on. Nobody grants a role above
 * their own or changes their own account, and the paper always keeps one active editor-in-chief. A new role or disabling
 * ends their sessions and revokes their API tokens; disabling also withdraws reset links.
 */
export async function changeUser(
  deps: AccountUseCaseDeps<
    Pick<Stores, 'users' | 'oneTimeTokens' | 'apiTokens' | 'sessions' | 'audit'>,
    'clock'
  >,
  actor: Actor,
  userId: number,
  change: UserChange,
): Promise<User> {
  authorize(actor, 'user.manage');
  if (change.role && !canGrantRole(actor, change.role))
    throw forbidden(
      `You may not make anyone ${roleLabel(change.role)}: that is above your own role`,
    );
  const now = deps.clock.now();
  return deps.storage.transaction(async (stores) => {
    const user = await stores.users.findById(userId);
    if (!user) throw notFound(`No user ${userId}`);
    authorizeUserChange(actor, accountAccessOf(user), change);
    await keepAnEditorInChief(stores, user, change);
    const disabledAt =
      change.disabled === undefined ? undefined : change.disabled ? (user.disabledAt ?? now) : null;
    await stores.users.update(userId, { role: change.role, disabledAt }, now);
    const newRole = change.role !== undefined && change.role !== user.role;
    if (newRole || change.disabled) await revokeAllAccess(stores, userId, now);
    if (change.disabled) await stores.oneTimeTokens.withdrawResets(user.email, now);
    await recordChange(stores, actor, user, change, now);
    return {
      ...user,
      role: change.role ?? user.role,
      disabledAt: disabledAt === undefined ? user.disabledAt : disabledAt,
    };
  });
}

/** Refuses to demote or disable the last active editor-in-chief. */
async function keepAnEditorInChief(stores: Pick<Stores, 'users'>, user: User, change: UserChange) {
  const leaves =
    (change.role !== undefined && change.role !== 'editor_in_chief') || change.disabled === true;
  if (user.role !== 'editor_in_chief' || user.disabledAt || !leaves) return;
  if ((await stores.users.countActive('editor_in_chief')) <= 1)
    throw conflict(
      'The paper needs an editor-in-chief: appoint another before demoting or disabling the last one',
    );
}

/** Notes a real change of role, and a switch off or on, in the audit trail. */
async function recordChange(
  stores: Pick<Stores, 'audit'>,
  actor: Actor,
  user: User,
  change: UserChange,
  now: Date,
): Promise<void> {
  const target = { type: 'user', id: user.id };
  const details = { email: user.email };
  if (change.role && change.role !== user.role)
    await stores.audit.record(
      entryBy(actor, 'user.role_changed', {
        target,
        details: { ...details, from: user.role, to: change.role },
      }),
      now,
    );
  if (change.disabled !== undefined && change.disabled !== Boolean(user.disabledAt))
    await stores.audit.record(
      entryBy(actor, change.disabled ? 'user.disabled' : 'user.enabled', { target, details }),
      now,
    );
}
