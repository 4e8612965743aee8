import { normalizeEmail } from '../../domain/account/email.js';
import { entryBy } from '../../domain/audit/audit-entry.js';
import { notFound } from '../../domain/errors.js';
import { authorize } from '../../domain/roles/permissions.js';
import type { Actor } from '../../domain/roles/role.js';
import type { Stores } from '../ports.js';
import type { AccountUseCaseDeps } from './account-deps.js';

/** Withdraws the open invitation of an address: its link then says it was withdrawn. */
export async function revokeInvitation(
  deps: AccountUseCaseDeps<Pick<Stores, 'oneTimeTokens' | 'audit'>>,
  actor: Actor,
  input: { email: string },
): Promise<void> {
  authorize(actor, 'user.manage');
  const email = normalizeEmail(input.email);
  const now = deps.clock.now();
  await deps.storage.transaction(async (trx) => {
    if (!(await trx.oneTimeTokens.withdrawInvitations(email, now)))
      throw notFound(`There is no open invitation for ${email}`);
    await trx.audit.record(entryBy(actor, 'invitation.revoked', { details: { email } }), now);
  });
}
