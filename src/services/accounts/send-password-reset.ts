import type { Stores } from '../ports.js';
import type { AccountUseCaseDeps } from './account-deps.js';
import { issueOneTimeLink } from './one-time-link.js';

/**
 * Mails a one-hour, single-use link to choose a new password, if the address belongs to an
 * active account; the background half of a reset request. The link's secret is made here, at
 * sending time, so the queue never holds it and a retry mails a fresh link.
 */
export async function sendPasswordReset(
  deps: AccountUseCaseDeps<Pick<Stores, 'users' | 'oneTimeTokens' | 'settings'>>,
  email: string,
): Promise<void> {
  const { stores } = deps.storage;
  const user = await stores.users.findByEmail(email);
  if (!user || user.disabledAt) return;
  const { url } = await issueOneTimeLink(deps, stores, {
    purpose: 'password_reset',
    email,
    role: null,
    createdBy: null,
  });
  await deps.mailer.send({
    to: email,
    subject: 'Choose a new password',
    text: [
      'Someone (we hope you) asked to reset the password of your newsroom account.',
      '',
      'Choose a new password here; the link works once, for one hour:',
      url,
      '',
      'If it was not you, ignore this mail: your password stays as it is.',
    ].join('\n'),
  });
}
