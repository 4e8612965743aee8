import { apiTokenExpiry, type ApiToken } from '../../domain/account/api-token.js';
import { entryBy } from '../../domain/audit/audit-entry.js';
import { invalid } from '../../domain/errors.js';
import { authorize } from '../../domain/roles/permissions.js';
import type { Actor } from '../../domain/roles/role.js';
import type { Stores } from '../ports.js';
import type { AccountUseCaseDeps } from './account-deps.js';

const NAME_MAX_LENGTH = 100;

/**
 * Gives the actor a new API token for a script, lasting `expiresInDays` or until revoked. The
 * secret is in the answer and nowhere else: only its hash is stored, so it cannot be shown again.
 */
export async function createApiToken(
  deps: AccountUseCaseDeps<Pick<Stores, 'apiTokens' | 'audit'>, 'clock' | 'secrets'>,
  actor: Actor,
  input: { name: string; expiresInDays?: number | null },
): Promise<{ token: ApiToken; secret: string }> {
  authorize(actor, 'token.manage_own');
  const name = input.name.trim();
  if (!name) throw invalid('name: say what the token is for, e.g. "wire importer"', 'name');
  if (name.length > NAME_MAX_LENGTH)
    throw invalid(`name: must be at most ${NAME_MAX_LENGTH} characters`, 'name');
  const now = deps.clock.now();
  const expiresAt = apiTokenExpiry(now, input.expiresInDays);
  const secret = deps.secrets.create();
  const token = await deps.storage.stores.apiTokens.create(
    { userId: actor.userId, name, tokenHash: deps.secrets.hash(secret), expiresAt },
    now,
  );
  const created = { target: { type: 'api_token', id: token.id }, details: { name } };
  await deps.storage.stores.audit.record(
    entryBy(actor, 'api_token.created', created),
    token.createdAt,
  );
  return { token, secret };
}
