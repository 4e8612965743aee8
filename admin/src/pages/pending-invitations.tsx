/** The invitations not yet taken up: sent again, revoked, or their link copied. */
import { ActionMessage, LoadStatus } from '../components/form-parts.js';
import { useState } from 'preact/hooks';
import type { InvitationMail } from '../api/mail.js';
import { newsroom } from '../api/newsroom.js';
import type { PendingInvitation } from '../api/types.js';
import { When } from '../components/status.js';
import { messageOf, useLoad } from '../components/use-load.js';
import { roleLabel } from '../session.js';

/**
 * A link handed out once because no mail server is set up: shown with a copy button, and never
 * again (the server keeps only its hash).
 */
export function InvitationLink({ email, mail }: { email: string; mail: InvitationMail }) {
  const [copied, setCopied] = useState(false);
  if (mail.status !== 'link' || !mail.link) return null;
  const link = mail.link;
  const copy = () =>
    void navigator.clipboard.writeText(link).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <div class="notice invitation-link" role="status">
      <p>
        No mail server is set up, so nothing was mailed. Send this link to {email} yourself: it is
        shown only now, and works once.
      </p>
      <p>
        <label for="invitation-link-value">Invitation link</label>
        <input id="invitation-link-value" type="text" readOnly value={link} />{' '}
        <button type="button" onClick={copy}>
          {copied ? 'Copied' : 'Copy link'}
        </button>
      </p>
    </div>
  );
}

interface RowProps {
  invitation: PendingInvitation;
  onDone: (text: string, handedOut?: { email: string; mail: InvitationMail }) => void;
  onFailed: (text: string) => void;
}

/** One pending invitation and what can be done with it. */
function InvitationRow({ invitation, onDone, onFailed }: RowProps) {
  const [busy, setBusy] = useState(false);
  const { email } = invitation;
  const act = async (run: () => Promise<void>) => {
    setBusy(true);
    try {
      await run();
    } catch (caught) {
      onFailed(messageOf(caught));
    }
    setBusy(false);
  };
  const resend = () =>
    act(async () => {
      const { mail } = await newsroom.resendInvitation(email);
      onDone(`Invitation to ${email} sent again, good for another week.`, { email, mail });
    });
  const revoke = () =>
    act(async () => {
      await newsroom.revokeInvitation(email);
      onDone(`Invitation to ${email} revoked: its link now says it was withdrawn.`);
    });
  return (
    <tr>
      <td data-label="Email">{email}</td>
      <td data-label="Role">{invitation.role ? roleLabel(invitation.role) : '—'}</td>
      <td data-label="Invited by">{invitation.invitedBy ?? '—'}</td>
      <td data-label="Sent">
        <When at={invitation.invitedAt} />
      </td>
      <td data-label="Good until">
        {invitation.expired ? 'Expired ' : ''}
        <When at={invitation.expiresAt} />
      </td>
      <td class="actions">
        <button type="button" disabled={busy} onClick={() => void resend()}>
          Resend<span class="visually-hidden"> to {email}</span>
        </button>{' '}
        <button type="button" class="danger" disabled={busy} onClick={() => void revoke()}>
          Revoke<span class="visually-hidden"> the invitation to {email}</span>
        </button>
      </td>
    </tr>
  );
}

/** Pending invitations; `round` changes when a new one was sent, to list it. */
export function PendingInvitations({ round }: { round: number }) {
  const [loaded, reload] = useLoad(() => newsroom.invitations(), [round]);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const [handedOut, setHandedOut] = useState<{ email: string; mail: InvitationMail } | null>(null);
  const onDone = (text: string, link?: { email: string; mail: InvitationMail }) => {
    setMessage({ text, failed: false });
    setHandedOut(link ?? null);
    reload();
  };
  return (
    <section class="pending-invitations" aria-labelledby="pending-heading">
      <h2 id="pending-heading">Pending invitations</h2>
      <ActionMessage message={message} />
      {handedOut && <InvitationLink {...handedOut} />}
      <LoadStatus loaded={loaded} />
      {loaded.state === 'ready' && loaded.value.invitations.length === 0 && (
        <p class="muted">No invitations are waiting to be taken up.</p>
      )}
      {loaded.state === 'ready' && loaded.value.invitations.length > 0 && (
        <table class="users invitations">
          <caption class="visually-hidden">Invitations not yet taken up</caption>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Invited by</th>
              <th scope="col">Sent</th>
              <th scope="col">Good until</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {loaded.value.invitations.map((invitation) => (
              <InvitationRow
                key={invitation.email}
                invitation={invitation}
                onDone={onDone}
                onFailed={(text) => setMessage({ text, failed: true })}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
