import type { Stores } from '../ports.js';
import type { AccountDeps } from './account-deps.js';
import { INVITATION_MAIL_JOB } from './account-mail-jobs.js';
import { reissueOneTimeLink } from './one-time-link.js';

/**
 * Sends the open invitation of this address on its way, inside the caller's transaction. With
 * an SMTP server the mail is queued; without one the link is made here, once, for the
 * editor-in-chief to copy. No mail is queued then: the log's mail would re-key the invitation
 * and so break the link just handed out (ADR 0020).
 */
export async function deliverInvitation(
  deps: Pick<AccountDeps, 'mailDelivery' | 'clock' | 'secrets' | 'publicUrl'>,
  stores: Pick<Stores, 'jobs' | 'oneTimeTokens'>,
  email: string,
  now: Date,
): Promise<{ link?: string }> {
  if (deps.mailDelivery === 'smtp') {
    await stores.jobs.enqueue(INVITATION_MAIL_JOB, { email }, now, now);
    return {};
  }
  const reissued = await reissueOneTimeLink(deps, stores, 'invitation', email);
  return reissued ? { link: reissued.url } : {};
}
