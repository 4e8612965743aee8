import { normalizeEmail } from '../../domain/account/email.js';
import { entryFrom, SYSTEM_CALLER } from '../../domain/audit/audit-entry.js';
import type { AccountDeps, Client } from './account-deps.js';
import { issueOneTimeLink } from './one-time-link.js';

/** The one answer, whether or not the address has an account. */
export const PASSWORD_RESET_REQUESTED =
  'If that address belongs to an account, a link to choose a new password is on its way. It works once, for one hour.';

/**
 * Mails a one-hour, single-use link to choose a new password, if the address belongs to an
 * active account. Answers the same either way, so nobody can probe for accounts with it.
 */
export async function requestPasswordReset(
  deps: AccountDeps,
  input: { email: string },
  client?: Client,
): Promise<{ message: string }> {
  const email = normalizeEmail(input.email);
  const { stores } = deps.storage;
  const user = await stores.users.findByEmail(email);
  const asked = {
    details: { email, sent: Boolean(user && !user.disabledAt) },
    ...(user && { target: { type: 'user', id: user.id } }),
  };
  await stores.audit.record(
    client
      ? entryFrom(client, 'password_reset.requested', asked)
      : { event: 'password_reset.requested', actor: SYSTEM_CALLER, ...asked },
    deps.clock.now(),
  );
  if (user && !user.disabledAt) {
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
  return { message: PASSWORD_RESET_REQUESTED };
}
