import { normalizeEmail } from '../../domain/account/email.js';
import { roleLabel } from '../../domain/account/user.js';
import { entryBy } from '../../domain/audit/audit-entry.js';
import { conflict, forbidden } from '../../domain/errors.js';
import { authorize, canGrantRole } from '../../domain/roles/permissions.js';
import type { Actor, Role } from '../../domain/roles/role.js';
import type { Stores } from '../ports.js';
import type { AccountUseCaseDeps, MailDelivery } from './account-deps.js';
import { deliverInvitation } from './invitation-delivery.js';
import { refuseLookAlikeAccount } from './look-alike-accounts.js';
import { issueOneTimeLink } from './one-time-link.js';

/**
 * Invites someone into the newsroom with a role no higher than the inviter's own: records the
 * invitation and queues the mail of its link, good for seven days and for one use, to choose
 * their name and password. Answers at once; the mail goes out (and is retried) in the background.
 */
export async function inviteUser(
  deps: AccountUseCaseDeps<Pick<Stores, 'users' | 'oneTimeTokens' | 'jobs' | 'audit'>>,
  actor: Actor,
  input: { email: string; role: Role },
): Promise<{ email: string; role: Role; expiresAt: Date; mail: MailDelivery; link?: string }> {
  authorize(actor, 'user.manage');
  if (!canGrantRole(actor, input.role))
    throw forbidden(
      `You may not invite someone as ${roleLabel(input.role)}: that is above your own role`,
    );
  const email = normalizeEmail(input.email);
  const { stores } = deps.storage;
  if (await stores.users.findByEmail(email)) throw conflict(`${email} already has an account`);
  await refuseLookAlikeAccount(stores, email);
  const now = deps.clock.now();
  const { expiresAt, link } = await deps.storage.transaction(async (trx) => {
    // Inviting an address again replaces its open invitation: one live link per address.
    await trx.oneTimeTokens.withdrawInvitations(email, now);
    // The link made here is dropped: the invitation is re-keyed as it is mailed or handed out.
    const recorded = await issueOneTimeLink(deps, trx, {
      purpose: 'invitation',
      email,
      role: input.role,
      createdBy: actor.userId,
    });
    const delivered = await deliverInvitation(deps, trx, email, now);
    const sent = {
      details: { email, role: input.role, expiresAt: recorded.expiresAt.toISOString() },
    };
    await trx.audit.record(entryBy(actor, 'invitation.sent', sent), now);
    return { ...recorded, ...delivered };
  });
  deps.wakeJobs();
  return { email, role: input.role, expiresAt, mail: deps.mailDelivery, link };
}
