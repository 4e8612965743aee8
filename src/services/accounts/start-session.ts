import type { User } from '../../domain/account/user.js';
import type { Stores } from '../ports.js';
import type { AccountDeps, Client, SignedIn } from './account-deps.js';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** Opens a session for a user whose identity is already proven; used by every way in. */
export async function startSession(
  deps: Pick<AccountDeps, 'clock' | 'secrets' | 'sessionDays' | 'sessionIdleHours'>,
  stores: Pick<Stores, 'sessions'>,
  user: User,
  client: Client,
): Promise<SignedIn> {
  const now = deps.clock.now();
  const sessionToken = deps.secrets.create();
  const csrfToken = deps.secrets.create();
  const expiresAt = new Date(now.getTime() + deps.sessionDays * DAY_MS);
  // Sign-ins are rare enough to tidy up after: expired and long-unused sessions go now.
  await stores.sessions.deleteExpired(
    now,
    new Date(now.getTime() - deps.sessionIdleHours * HOUR_MS),
  );
  await stores.sessions.create({
    tokenHash: deps.secrets.hash(sessionToken),
    userId: user.id,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
    userAgent: client.userAgent.slice(0, 300),
    ip: client.ip,
  });
  return { user, sessionToken, csrfToken, expiresAt };
}
