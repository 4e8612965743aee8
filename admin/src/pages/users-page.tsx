import { useState } from 'preact/hooks';
import { newsroom } from '../api/newsroom.js';
import type { UserChange } from '../api/newsroom.js';
import type { Role, StaffUser } from '../api/types.js';
import { Field } from '../components/field.js';
import { usePageTitle } from '../components/page-title.js';
import { messageOf, useLoad } from '../components/use-load.js';
import { atLeast, roleLabel, useUser } from '../session.js';
import { formErrorsOf } from '../components/form-submit.js';
import { ErrorSummary } from '../components/error-summary.js';
import { FormActions, FormError, LoadStatus } from '../components/form-parts.js';
import { MailWarning } from '../components/mail-warning.js';
import { Link } from '../router.js';
import type { InvitationMail } from '../api/mail.js';
import { InvitationLink, PendingInvitations } from './pending-invitations.js';
import { useConfirm } from '../components/confirm-dialog.js';

const ROLES: Role[] = ['contributor', 'writer', 'editor', 'editor_in_chief'];

interface RowProps {
  member: StaffUser;
  grantable: Role[];
  onChanged: (member: StaffUser, message: string) => void;
  onFailed: (message: string) => void;
}

type Change = (changes: UserChange, done: string) => void;

/** Enabling at once, disabling after asking: it ends the member's sessions and tokens. */
function AccessButton(props: { member: StaffUser; who: string; busy: boolean; change: Change }) {
  const { member, who, busy, change } = props;
  const { ask, dialog } = useConfirm();
  const enabling = member.allowedActions.includes('enable');
  const enable = () => change({ disabled: false }, `${who} may sign in again.`);
  const disable = async () => {
    const confirmed = await ask({
      heading: `Disable ${who}?`,
      message: `${who} is signed out everywhere, their API tokens stop working, and they cannot sign in until enabled again. Their stories and bylines stay.`,
      confirmLabel: 'Yes, disable',
      danger: true,
    });
    if (confirmed) change({ disabled: true }, `${who} is disabled.`);
  };

  return (
    <>
      <button
        type="button"
        class={enabling ? undefined : 'danger'}
        disabled={busy}
        onClick={() => void (enabling ? enable() : disable())}
      >
        {enabling ? 'Enable' : 'Disable'}
        <span class="visually-hidden"> {who}</span>
      </button>
      {dialog}
    </>
  );
}

/** One member: their role and whether they may sign in, each changeable where the server allows. */
function UserRow({ member, grantable, onChanged, onFailed }: RowProps) {
  const [role, setRole] = useState<Role>(member.role);
  const [busy, setBusy] = useState(false);
  const mayChange = member.allowedActions.includes('change_role');
  const maySwitch = member.allowedActions.some((a) => a === 'disable' || a === 'enable');
  const who = member.name || member.email;

  const change = async (...[changes, done]: Parameters<Change>) => {
    setBusy(true);
    try {
      const { user } = await newsroom.changeUser(member.id, changes);
      setRole(user.role);
      onChanged(user, done);
    } catch (caught) {
      onFailed(messageOf(caught));
      setRole(member.role);
    }
    setBusy(false);
  };

  return (
    <tr>
      <td data-label="Email">{member.email}</td>
      <td data-label="Name">{member.name}</td>
      <td data-label="Role">
        {mayChange ? (
          <form
            class="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              void change(
                { role },
                `${who} is now ${roleLabel(role)}: their sessions and API tokens are ended, so they sign in again.`,
              );
            }}
          >
            <label class="visually-hidden" for={`role-${member.id}`}>
              Role of {who}
            </label>
            <select
              id={`role-${member.id}`}
              value={role}
              onChange={(event) => setRole(event.currentTarget.value as Role)}
            >
              {grantable.map((r) => (
                <option key={r} value={r}>
                  {roleLabel(r)}
                </option>
              ))}
            </select>{' '}
            <button type="submit" disabled={busy || role === member.role}>
              Change role<span class="visually-hidden"> of {who}</span>
            </button>
          </form>
        ) : (
          roleLabel(member.role)
        )}
      </td>
      <td data-label="Account">{member.disabledAt ? 'Disabled' : 'Active'}</td>
      <td>
        {maySwitch && (
          <AccessButton
            member={member}
            who={who}
            busy={busy}
            change={(...a) => void change(...a)}
          />
        )}
      </td>
    </tr>
  );
}

/** Inviting someone by email with a role up to one's own. */
function InviteForm({ grantable, onInvited }: { grantable: Role[]; onInvited: () => void }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('writer');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [handedOut, setHandedOut] = useState<{ email: string; mail: InvitationMail } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setNotice(null);
    setHandedOut(null);
    try {
      const { invitation, mail } = await newsroom.invite(email, role);
      const made = `Invitation made for ${invitation.email} as ${roleLabel(invitation.role)}`;
      setNotice(
        mail.status === 'link'
          ? `${made}: no mail server is set up, so copy its link below.`
          : `Invitation queued for ${invitation.email} as ${roleLabel(invitation.role)}: the mail goes out in a moment.`,
      );
      setHandedOut({ email: invitation.email, mail });
      setEmail('');
      onInvited();
    } catch (caught) {
      setErrors(formErrorsOf(caught, ['email', 'role']));
    }
    setBusy(false);
  };

  return (
    <section aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite someone</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <FormError message={errors.form} />
        <ErrorSummary
          errors={errors}
          fields={[
            { name: 'email', id: 'invite-email', label: 'Email address' },
            { name: 'role', id: 'invite-role', label: 'Role' },
          ]}
        />
        <div class="field-row">
          <Field id="invite-email" label="Email address" error={errors.email}>
            {(aria) => (
              <input
                {...aria}
                type="email"
                autocomplete="off"
                value={email}
                onInput={(event) => setEmail(event.currentTarget.value)}
              />
            )}
          </Field>
          <Field id="invite-role" label="Role" error={errors.role}>
            {(aria) => (
              <select
                {...aria}
                value={role}
                onChange={(event) => setRole(event.currentTarget.value as Role)}
              >
                {grantable.map((r) => (
                  <option key={r} value={r}>
                    {roleLabel(r)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <FormActions busy={busy} label="Send invitation" busyLabel="Sending…" notice={notice} />
      </form>
      {handedOut && <InvitationLink {...handedOut} />}
    </section>
  );
}

/** The newsroom's people, for the editor-in-chief. */
export function UsersPage() {
  usePageTitle('Users');
  const user = useUser();
  const [loaded] = useLoad(() => newsroom.users(), []);
  const [changed, setChanged] = useState<Record<number, StaffUser>>({});
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const [invited, setInvited] = useState(0);
  const grantable = ROLES.filter((r) => atLeast(user.role, r));

  return (
    <>
      <h1>Users</h1>
      <p>
        Each account writes under a byline profile of its own: edit names and bios on the{' '}
        <Link href="/people">Bylines</Link> page.
      </p>
      <MailWarning showLogNote />
      {message &&
        (message.failed ? (
          <p class="form-error" role="alert">
            {message.text}
          </p>
        ) : (
          <p class="notice" role="status">
            {message.text}
          </p>
        ))}
      <LoadStatus loaded={loaded} />
      {loaded.state === 'ready' && (
        <table class="users">
          <caption class="visually-hidden">The newsroom’s people</caption>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Account</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {loaded.value.users.map((member) => (
              <UserRow
                key={member.id}
                member={changed[member.id] ?? member}
                grantable={grantable}
                onChanged={(fresh, text) => {
                  setChanged({ ...changed, [fresh.id]: fresh });
                  setMessage({ text, failed: false });
                }}
                onFailed={(text) => setMessage({ text, failed: true })}
              />
            ))}
          </tbody>
        </table>
      )}
      <InviteForm grantable={grantable} onInvited={() => setInvited(invited + 1)} />
      <PendingInvitations round={invited} />
    </>
  );
}
