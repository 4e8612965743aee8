import { actorFor, type User } from '../../domain/account/user.js';
import type { Actor } from '../../domain/roles/role.js';
import type { Stores } from '../ports.js';
import type { AccountUseCaseDeps } from './account-deps.js';

/** last_seen_at is written at most this often: one write a minute, not one per request. */
const TOUCH_INTERVAL_MS = 60_000;

const HOUR_MS = 60 * 60 * 1000;

/**
 * Who holds this session cookie: null for an unknown session, one past its end or unused for
 * longer than the idle limit (both are deleted), or a disabled user.
 */
export async function resolveSession(
  deps: AccountUseCaseDeps<Pick<Stores, 'sessions'>, 'clock' | 'secrets' | 'sessionIdleHours'>,
  sessionToken: string,
): Promise<{ actor: Actor; user: User; csrfToken: string } | null> {
  const { sessions } = deps.storage.stores;
  const tokenHash = deps.secrets.hash(sessionToken);
  const found = await sessions.find(tokenHash);
  if (!found) return null;
  const { session, user } = found;
  const now = deps.clock.now();
  const idleSince = new Date(now.getTime() - deps.sessionIdleHours * HOUR_MS);
  if (session.expiresAt <= now || session.lastSeenAt <= idleSince) {
    await sessions.delete(tokenHash);
    return null;
  }
  if (user.disabledAt) return null;
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS)
    await sessions.touch(tokenHash, now);
  return { actor: actorFor(user, 'session'), user, csrfToken: session.csrfToken };
}
