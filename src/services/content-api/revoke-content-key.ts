import { entryBy } from '../../domain/audit/audit-entry.js';
import { notFound } from '../../domain/errors.js';
import { authorize } from '../../domain/roles/permissions.js';
import type { Actor } from '../../domain/roles/role.js';
import type { ContentApiDeps } from './content-api-deps.js';

/** Revokes a Content API key: its next request is refused (401), for good. */
export async function revokeContentKey(
  deps: Pick<ContentApiDeps, 'stores' | 'clock'>,
  actor: Actor,
  id: number,
): Promise<void> {
  authorize(actor, 'content_key.manage');
  const now = deps.clock.now();
  if (!(await deps.stores.contentKeys.revoke(id, now)))
    throw notFound('No such key, or it was already revoked');
  const target = { target: { type: 'content_key', id } };
  await deps.stores.audit.record(entryBy(actor, 'content_key.revoked', target), now);
}
