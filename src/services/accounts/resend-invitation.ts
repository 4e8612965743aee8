import { ONE_TIME_TOKEN_LIFETIME_MS } from '../../domain/account/one-time-token.js';
import { normalizeEmail } from '../../domain/account/email.js';
import { entryBy } from '../../domain/audit/audit-entry.js';
import { notFound } from '../../domain/errors.js';
import { authorize } from '../../domain/roles/permissions.js';
import type { Actor } from '../../domain/roles/role.js';
import type { Stores } from '../ports.js';
import type { AccountUseCaseDeps, MailDelivery } from './account-deps.js';
import { deliverInvitation } from './invitation-delivery.js';

/**
 * Sends an open invitation again, good for another seven days from now; the link it carries is
 * new, so any earlier copy of it stops working.
 */
export async function resendInvitation(
  deps: AccountUseCaseDeps<Pick<Stores, 'oneTimeTokens' | 'jobs' | 'audit'>>,
  actor: Actor,
  input: { email: string },
): Promise<{ email: string; expiresAt: Date; mail: MailDelivery; link?: string }> {
  authorize(actor, 'user.manage');
  const email = normalizeEmail(input.email);
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + ONE_TIME_TOKEN_LIFETIME_MS.invitation);
  const { link } = await deps.storage.transaction(async (trx) => {
    if (!(await trx.oneTimeTokens.extendInvitations(email, expiresAt)))
      throw notFound(`There is no open invitation for ${email}`);
    const delivered = await deliverInvitation(deps, trx, email, now);
    const details = { email, expiresAt: expiresAt.toISOString() };
    await trx.audit.record(entryBy(actor, 'invitation.resent', { details }), now);
    return delivered;
  });
  deps.wakeJobs();
  return { email, expiresAt, mail: deps.mailDelivery, link };
}
