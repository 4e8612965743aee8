import type { ContentKey } from '../../domain/content-api/content-key.js';
import { authorize } from '../../domain/roles/permissions.js';
import type { Actor } from '../../domain/roles/role.js';
import type { ContentApiDeps } from './content-api-deps.js';

/** Every Content API key, newest first, revoked ones included; never their secrets. */
export function listContentKeys(
  deps: Pick<ContentApiDeps, 'stores'>,
  actor: Actor,
): Promise<ContentKey[]> {
  authorize(actor, 'content_key.manage');
  return deps.stores.contentKeys.list();
}
