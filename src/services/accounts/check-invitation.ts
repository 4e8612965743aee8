import type { Role } from '../../domain/roles/role.js';
import type { Stores } from '../ports.js';
import type { AccountUseCaseDeps } from './account-deps.js';
import { findUsableLink } from './one-time-link.js';

/**
 * Says whether an invitation link still works, without spending it, so the invitation page
 * can tell a used, revoked or expired link before asking for a name and a password.
 */
export async function checkInvitation(
  deps: AccountUseCaseDeps<Pick<Stores, 'oneTimeTokens'>>,
  token: string,
): Promise<{ email: string; role: Role | null; expiresAt: Date }> {
  const tokenHash = deps.secrets.hash(token);
  const link = await findUsableLink(deps.storage.stores, tokenHash, 'invitation', deps.clock.now());
  return { email: link.email, role: link.role, expiresAt: link.expiresAt };
}
