import { apiTokenExpired } from '../../domain/account/api-token.js';
import { actorFor, type User } from '../../domain/account/user.js';
import type { Actor } from '../../domain/roles/role.js';
import type { Stores } from '../ports.js';
import type { AccountUseCaseDeps } from './account-deps.js';

/** last_used_at is written at most this often. */
const TOUCH_INTERVAL_MS = 60_000;

/** Who a script acts for with this API token: null when it is unknown, revoked, expired or its owner disabled. */
export async function resolveApiToken(
  deps: AccountUseCaseDeps<Pick<Stores, 'apiTokens'>, 'clock' | 'secrets'>,
  secret: string,
): Promise<{ actor: Actor; user: User } | null> {
  const { apiTokens } = deps.storage.stores;
  const found = await apiTokens.findActive(deps.secrets.hash(secret));
  const now = deps.clock.now();
  if (!found || found.user.disabledAt || apiTokenExpired(found.token, now)) return null;
  const lastUsed = found.token.lastUsedAt?.getTime() ?? 0;
  if (now.getTime() - lastUsed >= TOUCH_INTERVAL_MS) await apiTokens.touch(found.token.id, now);
  return { actor: actorFor(found.user, 'api_token'), user: found.user };
}
