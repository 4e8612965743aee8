import { entryBy } from '../../domain/audit/audit-entry.js';
import { notFound } from '../../domain/errors.js';
import { authorize } from '../../domain/roles/permissions.js';
import type { Actor } from '../../domain/roles/role.js';
import type { Stores } from '../ports.js';
import type { AccountUseCaseDeps } from './account-deps.js';

/** Revokes one of the actor's own API tokens; scripts using it are refused from now on. */
export async function revokeApiToken(
  deps: AccountUseCaseDeps<Pick<Stores, 'apiTokens' | 'audit'>, 'clock'>,
  actor: Actor,
  tokenId: number,
): Promise<void> {
  authorize(actor, 'token.manage_own');
  const now = deps.clock.now();
  const revoked = await deps.storage.stores.apiTokens.revoke(tokenId, actor.userId, now);
  if (!revoked) throw notFound(`You have no active API token ${tokenId}`);
  const target = { target: { type: 'api_token', id: tokenId } };
  await deps.storage.stores.audit.record(entryBy(actor, 'api_token.revoked', target), now);
}
