import { useState } from 'preact/hooks';
import { ApiError } from '../api/client.js';
import { newsroom } from '../api/newsroom.js';
import type { Session } from '../api/types.js';
import { usePageTitle } from '../components/page-title.js';
import { Link } from '../router.js';

/** Email and password; the server throttles repeated failures and says so. */
export function SignInPage({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  usePageTitle('Sign in');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await newsroom.signIn(email, password));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'Signing in failed.');
      setBusy(false);
    }
  };

  return (
    <main id="main" class="sign-in">
      <h1>Sign in to the newsroom</h1>
      <form onSubmit={(event) => void submit(event)} noValidate>
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <label for="email">Email address</label>
        <input
          id="email"
          type="email"
          autocomplete="username"
          required
          value={email}
          onInput={(event) => setEmail(event.currentTarget.value)}
        />
        <label for="password">Password</label>
        <input
          id="password"
          type="password"
          autocomplete="current-password"
          required
          value={password}
          onInput={(event) => setPassword(event.currentTarget.value)}
        />
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p>
        <Link href="/password-reset">Forgot your password?</Link>
      </p>
      <p class="hint">
        First time here? The first account is created at <a href="/admin/setup">/admin/setup</a>.
      </p>
    </main>
  );
}
