import {
  CONTENT_KEY_PREFIX,
  SHOWN_PREFIX_LENGTH,
  type ContentKey,
} from '../../domain/content-api/content-key.js';
import { entryBy } from '../../domain/audit/audit-entry.js';
import { invalid } from '../../domain/errors.js';
import { authorize } from '../../domain/roles/permissions.js';
import type { Actor } from '../../domain/roles/role.js';
import type { ContentApiDeps } from './content-api-deps.js';

const NAME_MAX_LENGTH = 100;

/**
 * Makes a Content API key for an app or partner. The secret is in the answer and nowhere
 * else: only its hash is stored, so it cannot be shown again.
 */
export async function createContentKey(
  deps: Pick<ContentApiDeps, 'stores' | 'clock' | 'secrets'>,
  actor: Actor,
  input: { name: string },
): Promise<{ key: ContentKey; secret: string }> {
  authorize(actor, 'content_key.manage');
  const name = input.name.trim();
  if (!name) throw invalid('name: say who the key is for, e.g. "iOS app"', 'name');
  if (name.length > NAME_MAX_LENGTH)
    throw invalid(`name: must be at most ${NAME_MAX_LENGTH} characters`, 'name');
  const secret = `${CONTENT_KEY_PREFIX}${deps.secrets.create()}`;
  const key = await deps.stores.contentKeys.create(
    {
      name,
      keyHash: deps.secrets.hash(secret),
      prefix: secret.slice(0, SHOWN_PREFIX_LENGTH),
      createdBy: actor.userId,
    },
    deps.clock.now(),
  );
  const created = {
    target: { type: 'content_key', id: key.id },
    details: { name, prefix: key.prefix },
  };
  await deps.stores.audit.record(entryBy(actor, 'content_key.created', created), deps.clock.now());
  return { key, secret };
}
