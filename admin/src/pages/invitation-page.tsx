import { useState } from 'preact/hooks';
import { newsroom } from '../api/newsroom.js';
import type { Session } from '../api/types.js';
import { Field } from '../components/field.js';
import { usePageTitle } from '../components/page-title.js';
import { useLoad } from '../components/use-load.js';
import { roleLabel } from '../session.js';
import { Link } from '../router.js';
import { FormError } from '../components/form-parts.js';
import { formErrorsOf } from '../components/form-submit.js';

/**
 * Joining the newsroom from a mailed invitation: the link is checked first (without using it),
 * so a used, revoked or expired one says so before any form; then a name and a password.
 */
export function InvitationPage({
  token,
  onSignedIn,
}: {
  token: string;
  onSignedIn: (session: Session) => void;
}) {
  usePageTitle('Join the newsroom');
  const [checked] = useLoad(
    () => (token ? newsroom.checkInvitation(token) : Promise.reject(new Error('no token'))),
    [token],
  );
  return (
    <main id="main" class="sign-in">
      <h1>Join the newsroom</h1>
      {!token ? (
        <p class="form-error" role="alert">
          This address has no invitation in it. Open the link from your invitation email.
        </p>
      ) : checked.state === 'loading' ? (
        <p class="loading">Checking your invitation…</p>
      ) : checked.state === 'ready' ? (
        <>
          <p>
            You are invited as{' '}
            {checked.value.invitation.role && roleLabel(checked.value.invitation.role)} with{' '}
            {checked.value.invitation.email}.
          </p>
          <JoinForm token={token} onSignedIn={onSignedIn} />
        </>
      ) : (
        <p class="form-error" role="alert">
          {checked.state === 'failed' ? checked.message : 'This invitation cannot be checked.'}
        </p>
      )}
      <p class="hint">
        Already have an account? <Link href="/sign-in">Sign in</Link>.
      </p>
    </main>
  );
}

/** A name and a password, then signed in. */
function JoinForm({
  token,
  onSignedIn,
}: {
  token: string;
  onSignedIn: (session: Session) => void;
}) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      onSignedIn(await newsroom.acceptInvitation(token, name, password));
    } catch (caught) {
      setErrors(formErrorsOf(caught, ['name', 'password']));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <FormError message={errors.form} />
      <Field id="invitation-name" label="Your name" error={errors.name}>
        {(aria) => (
          <input
            {...aria}
            type="text"
            autocomplete="name"
            required
            value={name}
            onInput={(event) => setName(event.currentTarget.value)}
          />
        )}
      </Field>
      <Field
        id="invitation-password"
        label="Choose a password"
        hint="At least 12 characters, and hard to guess: a few uncommon words work well."
        error={errors.password}
      >
        {(aria) => (
          <input
            {...aria}
            type="password"
            autocomplete="new-password"
            required
            value={password}
            onInput={(event) => setPassword(event.currentTarget.value)}
          />
        )}
      </Field>
      <button type="submit" disabled={busy}>
        {busy ? 'Joining…' : 'Join the newsroom'}
      </button>
    </form>
  );
}

/** A forgotten password: ask for a mailed link, or, with the link's token, choose a new one. */
export function PasswordResetPage({ token }: { token: string }) {
  usePageTitle(token ? 'Choose a new password' : 'Reset your password');
  return (
    <main id="main" class="sign-in">
      {token ? <NewPasswordForm token={token} /> : <ResetRequestForm />}
      <p class="hint">
        Remembered it? <Link href="/sign-in">Sign in</Link>.
      </p>
    </main>
  );
}

function ResetRequestForm() {
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      await newsroom.requestPasswordReset(email);
      setSent(true);
    } catch (caught) {
      setErrors(formErrorsOf(caught, ['email']));
    }
    setBusy(false);
  };

  return (
    <>
      <h1>Reset your password</h1>
      {sent ? (
        <p class="notice" role="status">
          If {email} has an account, a link to choose a new password is on its way. It works once.
        </p>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <FormError message={errors.form} />
          <Field
            id="reset-email"
            label="Email address"
            hint="We will mail you a link to choose a new password."
            error={errors.email}
          >
            {(aria) => (
              <input
                {...aria}
                type="email"
                autocomplete="username"
                required
                value={email}
                onInput={(event) => setEmail(event.currentTarget.value)}
              />
            )}
          </Field>
          <button type="submit" disabled={busy}>
            {busy ? 'Sending…' : 'Send the link'}
          </button>
        </form>
      )}
    </>
  );
}

function NewPasswordForm({ token }: { token: string }) {
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      const answer = await newsroom.completePasswordReset(token, password);
      setDone(answer.message);
    } catch (caught) {
      setErrors(formErrorsOf(caught, ['password']));
    }
    setBusy(false);
  };

  return (
    <>
      <h1>Choose a new password</h1>
      {done ? (
        <p class="notice" role="status">
          {done} <Link href="/sign-in">Sign in</Link>
        </p>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <FormError message={errors.form} />
          <Field
            id="reset-password"
            label="New password"
            hint="At least 12 characters, and hard to guess: a few uncommon words work well."
            error={errors.password}
          >
            {(aria) => (
              <input
                {...aria}
                type="password"
                autocomplete="new-password"
                required
                value={password}
                onInput={(event) => setPassword(event.currentTarget.value)}
              />
            )}
          </Field>
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Set the new password'}
          </button>
        </form>
      )}
    </>
  );
}
