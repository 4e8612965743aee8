import { mailApi, type MailDelivery } from '../api/mail.js';
import { When } from './status.js';
import { useLoad } from './use-load.js';

const mails = (n: number) => (n === 1 ? '1 mail' : `${n} mails`);

/** What is wrong with the mail, in one sentence; null when nothing is. */
function trouble(status: MailDelivery): string | null {
  const parts = [
    status.retrying > 0 && `${mails(status.retrying)} could not be sent and will be tried again`,
    status.gaveUp > 0 && `${mails(status.gaveUp)} were given up in the last day`,
  ].filter(Boolean);
  return parts.length > 0 ? `${parts.join('; ')}.` : null;
}

/**
 * Warns the editor-in-chief when invitations and password resets are not getting out (the
 * mail server refuses or cannot be reached), with the latest error; with `showLogNote`, also
 * says when no mail server is set up and links go to the server's log instead.
 */
export function MailWarning({ showLogNote = false }: { showLogNote?: boolean }) {
  const [loaded] = useLoad(() => mailApi.delivery(), []);
  if (loaded.state !== 'ready') return null;
  const status = loaded.value;
  const problem = trouble(status);
  if (problem)
    return (
      <section class="mail-warning" aria-labelledby="mail-warning-heading">
        <h2 id="mail-warning-heading">Mail is not being delivered</h2>
        <p>
          Invitations and password reset links are waiting: {problem} Check the mail server
          (SMTP_URL).
        </p>
        {status.lastError && (
          <p class="mail-warning-error">
            Last error: <code>{status.lastError}</code>
          </p>
        )}
        {status.nextAttemptAt && (
          <p>
            Next attempt: <When at={status.nextAttemptAt} />
          </p>
        )}
      </section>
    );
  if (showLogNote && status.delivery === 'log')
    return (
      <p class="warning mail-note" role="note">
        No mail server is set up (SMTP_URL): an invitation’s link is shown here once, for you to
        copy, and password reset links are written to the server’s log instead of being mailed.
      </p>
    );
  return null;
}
