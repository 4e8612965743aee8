import { actorFor, type User } from '../../domain/account/user.js';
import type { Actor } from '../../domain/roles/role.js';
import type { AccountDeps } from './account-deps.js';

/** last_seen_at is written at most this often: one write a minute, not one per request. */
const TOUCH_INTERVAL_MS = 60_000;

/** Who holds this session cookie: null for an unknown or expired session or a disabled user. */
export async function resolveSession(
  deps: Pick<AccountDeps, 'storage' | 'clock' | 'secrets'>,
  sessionToken: string,
): Promise<{ actor: Actor; user: User; csrfToken: string } | null> {
  const { sessions } = deps.storage.stores;
  const tokenHash = deps.secrets.hash(sessionToken);
  const found = await sessions.find(tokenHash);
  if (!found) return null;
  const { session, user } = found;
  const now = deps.clock.now();
  if (session.expiresAt <= now) {
    await sessions.delete(tokenHash);
    return null;
  }
  if (user.disabledAt) return null;
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS)
    await sessions.touch(tokenHash, now);
  return { actor: actorFor(user, 'session'), user, csrfToken: session.csrfToken };
}
