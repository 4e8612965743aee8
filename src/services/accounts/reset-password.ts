import { ANONYMOUS_CALLER } from '../../domain/audit/audit-entry.js';
import { gone } from '../../domain/errors.js';
import type { Stores } from '../ports.js';
import type { AccountUseCaseDeps, Client } from './account-deps.js';
import { hashChosenPassword } from './choose-password.js';
import { findUsableLink, spendLink } from './one-time-link.js';
import { lockOutOldPassword } from './revoke-access.js';

/**
 * Sets a new password with a reset link (once), signs the account out everywhere, revokes its
 * API tokens and withdraws its other reset links: whoever knew the old password is locked out.
 */
export async function resetPassword(
  deps: AccountUseCaseDeps<
    Pick<
      Stores,
      'oneTimeTokens' | 'users' | 'apiTokens' | 'sessions' | 'loginFailures' | 'audit' | 'settings'
    >
  >,
  input: { token: string; password: string },
  client?: Client,
): Promise<void> {
  const tokenHash = deps.secrets.hash(input.token);
  const now = deps.clock.now();
  const { stores } = deps.storage;
  const reset = await findUsableLink(stores, tokenHash, 'password_reset', now);
  const user = await stores.users.findByEmail(reset.email);
  if (!user || user.disabledAt) throw gone('This account can no longer sign in.');
  const passwordHash = await hashChosenPassword(deps, input.password, user);
  await deps.storage.transaction(async (trx) => {
    await spendLink(trx, tokenHash, 'password_reset', now);
    await trx.users.update(user.id, { passwordHash }, now);
    await lockOutOldPassword(trx, user, now);
    const target = { type: 'user', id: user.id };
    const done = { actor: ANONYMOUS_CALLER, target, details: { email: user.email } };
    await trx.audit.record({ event: 'password_reset.completed', ...done, origin: client }, now);
  });
}
