import { normalizeEmail } from '../../domain/account/email.js';
import { entryFrom, SYSTEM_CALLER } from '../../domain/audit/audit-entry.js';
import type { Stores } from '../ports.js';
import type { AccountUseCaseDeps, Client } from './account-deps.js';
import { PASSWORD_RESET_MAIL_JOB } from './account-mail-jobs.js';
import { recordFailure, refuseWhenThrottled, resetThrottleKeys } from './sign-in-throttle.js';

/** The one answer, whether or not the address has an account. */
export const PASSWORD_RESET_REQUESTED =
  'If that address belongs to an account, a link to choose a new password is on its way. It works once, for one hour.';

/**
 * Queues a password reset for the address, and answers the same either way. The request does
 * the same work for every address, known or not, mail up or down: the account is looked up,
 * and the link made and mailed, by the job (sendPasswordReset), so neither the answer nor its
 * timing can tell anyone whether an account exists. Throttled per address and per client
 * address alike, so the form cannot be used to flood a mailbox.
 */
export async function requestPasswordReset(
  deps: AccountUseCaseDeps<Pick<Stores, 'loginFailures' | 'audit' | 'jobs'>>,
  input: { email: string },
  client?: Client,
): Promise<{ message: string }> {
  const email = normalizeEmail(input.email);
  const now = deps.clock.now();
  const keys = resetThrottleKeys(email, client?.ip);
  await refuseWhenThrottled(
    deps.storage.stores.loginFailures,
    keys,
    now,
    'password reset requests',
  );
  // Only the address asked for: looking the account up here would tell by the time taken.
  const asked = { details: { email } };
  await deps.storage.transaction(async (stores) => {
    await stores.audit.record(
      client
        ? entryFrom(client, 'password_reset.requested', asked)
        : { event: 'password_reset.requested', actor: SYSTEM_CALLER, ...asked },
      now,
    );
    await stores.jobs.enqueue(PASSWORD_RESET_MAIL_JOB, { email }, now, now);
    await recordFailure(stores.loginFailures, keys, now);
  });
  deps.wakeJobs();
  return { message: PASSWORD_RESET_REQUESTED };
}
