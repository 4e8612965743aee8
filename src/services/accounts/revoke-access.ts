import type { Stores } from '../ports.js';

/**
 * Ends every session and revokes every API token of the user, so nothing they (or anyone
 * holding their credentials) signed in with still works. Resolves with how many sessions ended.
 */
export async function revokeAllAccess(
  stores: Pick<Stores, 'apiTokens' | 'sessions'>,
  userId: number,
  now: Date,
): Promise<number> {
  await stores.apiTokens.revokeAllOf(userId, now);
  return stores.sessions.deleteAllOf(userId);
}

/**
 * What follows a new password, by whatever path: whoever knew the old one is locked out, and
 * every reset link still in a mailbox is withdrawn, so a stale one cannot set it again.
 */
export async function lockOutOldPassword(
  stores: Pick<Stores, 'apiTokens' | 'sessions' | 'oneTimeTokens' | 'loginFailures'>,
  user: { id: number; email: string },
  now: Date,
): Promise<void> {
  await revokeAllAccess(stores, user.id, now);
  await stores.oneTimeTokens.withdrawResets(user.email, now);
  await stores.loginFailures.clear(`email:${user.email}`);
}
