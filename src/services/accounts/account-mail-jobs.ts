import { z } from 'zod';
import { jobHandler } from '../job-handler.js';
import type { JobHandler } from '../job-ports.js';
import type { Stores } from '../ports.js';
import type { AccountUseCaseDeps } from './account-deps.js';
import { sendInvitation } from './send-invitation.js';
import { sendPasswordReset } from './send-password-reset.js';

export const PASSWORD_RESET_MAIL_JOB = 'mail.password_reset';
export const INVITATION_MAIL_JOB = 'mail.invitation';
/** Every kind of job that sends mail, for the newsroom's view of how mail is going. */
export const MAIL_JOBS = [PASSWORD_RESET_MAIL_JOB, INVITATION_MAIL_JOB];

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * How long each kind of mail is retried: a reset is wanted now (its reader waits at the
 * screen), an invitation is good for a week and may wait out a mail server's bad day.
 */
export const MAIL_RETRY_BUDGET_MS = {
  [PASSWORD_RESET_MAIL_JOB]: HOUR,
  [INVITATION_MAIL_JOB]: 24 * HOUR,
} as const;

/** The wait after failed attempt n: 30 s, 1, 2, 4 … minutes up to 15; null once past the budget. */
export function mailRetryDelay(attempts: number, budgetMs: number): number | null {
  const waitAfter = (n: number) => Math.min(30 * SECOND * 2 ** (n - 1), 15 * MINUTE);
  let waited = 0;
  for (let n = 1; n <= attempts; n++) waited += waitAfter(n);
  return waited > budgetMs ? null : waitAfter(attempts);
}

/** One kind of mail: sent by `send`, retried with growing waits, then given up, loudly. */
function mailJob(
  what: string,
  budgetMs: number,
  send: (email: string) => Promise<void>,
): JobHandler {
  return jobHandler({
    payload: z.object({ email: z.string() }),
    run: async ({ email }, job) => {
      try {
        await send(email);
      } catch (error) {
        const givingUp = mailRetryDelay(job.attempts, budgetMs) === null;
        const outcome = givingUp
          ? `giving up after ${job.attempts} attempts over ${Math.round(budgetMs / MINUTE)} minutes`
          : `attempt ${job.attempts}, will retry`;
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`${what} to ${email} not sent (${outcome}): ${reason}`, {
          cause: error,
        });
      }
    },
    retryDelay: (attempts) => mailRetryDelay(attempts, budgetMs),
  });
}

/** The accounts' background work: the mail of password resets and invitations. */
export function accountMailJobHandlers(
  deps: AccountUseCaseDeps<Pick<Stores, 'oneTimeTokens' | 'users' | 'settings'>>,
): Record<string, JobHandler> {
  return {
    [PASSWORD_RESET_MAIL_JOB]: mailJob(
      'password reset mail',
      MAIL_RETRY_BUDGET_MS[PASSWORD_RESET_MAIL_JOB],
      (email) => sendPasswordReset(deps, email),
    ),
    [INVITATION_MAIL_JOB]: mailJob(
      'invitation mail',
      MAIL_RETRY_BUDGET_MS[INVITATION_MAIL_JOB],
      (email) => sendInvitation(deps, email),
    ),
  };
}
