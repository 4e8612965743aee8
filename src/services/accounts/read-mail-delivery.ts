import { authorize } from '../../domain/roles/permissions.js';
import type { Actor } from '../../domain/roles/role.js';
import type { Stores } from '../ports.js';
import type { AccountUseCaseDeps, MailDelivery } from './account-deps.js';
import { MAIL_JOBS } from './account-mail-jobs.js';

/** Mail given up longer ago than this no longer raises a warning. */
const GAVE_UP_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface MailDeliveryReport {
  delivery: MailDelivery;
  /** Mails waiting for another attempt after their server refused or could not be reached. */
  retrying: number;
  /** Mails given up in the last day. */
  gaveUp: number;
  /** The latest failure, first line only (no stack trace), and when its mail is tried next. */
  lastError: string | null;
  nextAttemptAt: Date | null;
}

/** How the newsroom's mail is going: for the editor-in-chief, who can fix the mail server. */
export async function readMailDelivery(
  deps: AccountUseCaseDeps<Pick<Stores, 'jobs'>>,
  actor: Actor,
): Promise<MailDeliveryReport> {
  authorize(actor, 'user.manage');
  const since = new Date(deps.clock.now().getTime() - GAVE_UP_WINDOW_MS);
  const troubles = await deps.storage.stores.jobs.troubles(MAIL_JOBS, since);
  return {
    delivery: deps.mailDelivery,
    ...troubles,
    lastError: troubles.lastError?.split('\n')[0]?.replace(/^Error: /, '') ?? null,
  };
}
