import type { ContentKey } from '../../domain/content-api/content-key.js';
import { unauthenticated } from '../../domain/errors.js';
import type { ContentApiDeps } from './content-api-deps.js';

/** Last use is written at most this often per key: every request would be a write. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * The key a Content API request presents, if it is one the newsroom gave out and has not
 * revoked; Unauthenticated (401) otherwise. Looked up on every request, so a revocation
 * takes effect at once.
 */
export async function authenticateContentKey(
  deps: Pick<ContentApiDeps, 'stores' | 'clock' | 'secrets'>,
  secret: string | undefined,
): Promise<ContentKey> {
  if (!secret)
    throw unauthenticated(
      'Send your Content API key as "Authorization: Bearer <key>" or "X-Api-Key: <key>"',
    );
  const key = await deps.stores.contentKeys.findActive(deps.secrets.hash(secret));
  if (!key) throw unauthenticated('This Content API key is not valid, or it was revoked');
  const now = deps.clock.now();
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS)
    await deps.stores.contentKeys.touch(key.id, now);
  return key;
}
