import { When } from '../components/status.js';
import { useState } from 'preact/hooks';
import { apiTokens, type ApiToken } from '../api/tokens.js';
import { Field } from '../components/field.js';
import { ActionMessage, FormActions, FormError, LoadStatus } from '../components/form-parts.js';
import { usePageTitle } from '../components/page-title.js';
import { messageOf, useLoad } from '../components/use-load.js';
import { useFormSubmit } from '../components/form-submit.js';

/** The lives a new token can be given; a short one limits the harm of a leaked script. */
const LIVES = [
  ['7', '7 days'],
  ['30', '30 days'],
  ['90', '90 days'],
  ['366', 'A year'],
  ['never', 'Until revoked'],
] as const;

/** The secret, shown once after making the token. */
function SecretNotice({ secret, name }: { secret: string; name: string }) {
  return (
    <div class="notice" role="status">
      <p>Token for {name}. Copy it into your script now: it will not be shown again.</p>
      <p>
        <code id="api-token-secret">{secret}</code>
      </p>
    </div>
  );
}

function NewTokenForm({ onCreated }: { onCreated: (token: ApiToken, secret: string) => void }) {
  const [name, setName] = useState('');
  const [life, setLife] = useState<string>('90');
  const { errors, busy, submit } = useFormSubmit(['name', 'expiresInDays'], async () => {
    const made = await apiTokens.create(name, life === 'never' ? null : Number(life));
    onCreated(made.token, made.secret);
    setName('');
  });

  return (
    <section aria-labelledby="new-token-heading">
      <h2 id="new-token-heading">Make a token</h2>
      <form onSubmit={submit} noValidate>
        <FormError message={errors.form} />
        <Field
          id="api-token-name"
          label="What it is for"
          hint="The script that will use it, e.g. “wire importer”"
          error={errors.name}
        >
          {(aria) => (
            <input
              {...aria}
              type="text"
              maxLength={100}
              value={name}
              onInput={(event) => setName(event.currentTarget.value)}
            />
          )}
        </Field>
        <Field id="api-token-life" label="Works for" error={errors.expiresInDays}>
          {(aria) => (
            <select {...aria} value={life} onChange={(event) => setLife(event.currentTarget.value)}>
              {LIVES.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <FormActions busy={busy} label="Make token" busyLabel="Making…" notice={null} />
      </form>
    </section>
  );
}

/** What became of a token, or the button that revokes it. */
function TokenState(props: {
  entry: ApiToken;
  onRevoke: (token: ApiToken) => void;
  busy: boolean;
}) {
  const { entry } = props;
  if (entry.revokedAt)
    return (
      <>
        Revoked <When at={entry.revokedAt} />
      </>
    );
  if (entry.expiresAt && new Date(entry.expiresAt) <= new Date()) return <>Expired</>;
  return (
    <button
      type="button"
      class="danger"
      disabled={props.busy}
      onClick={() => props.onRevoke(entry)}
    >
      Revoke<span class="visually-hidden"> the token for {entry.name}</span>
    </button>
  );
}

function TokenTable(props: {
  tokens: ApiToken[];
  onRevoke: (token: ApiToken) => void;
  busy: boolean;
}) {
  return (
    <table class="content-keys">
      <caption class="visually-hidden">Your API tokens</caption>
      <thead>
        <tr>
          <th scope="col">For</th>
          <th scope="col">Made</th>
          <th scope="col">Last used</th>
          <th scope="col">Expires</th>
          <th scope="col">
            <span class="visually-hidden">State and actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {props.tokens.map((entry) => (
          <tr key={entry.id}>
            <td data-label="For">{entry.name}</td>
            <td data-label="Made">
              <When at={entry.createdAt} />
            </td>
            <td data-label="Last used">
              <When at={entry.lastUsedAt} />
            </td>
            <td data-label="Expires">
              {entry.expiresAt ? <When at={entry.expiresAt} /> : 'Never'}
            </td>
            <td>
              <TokenState entry={entry} busy={props.busy} onRevoke={props.onRevoke} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One's own API tokens for scripts: make, list with their expiry, and revoke. */
export function TokensPage() {
  usePageTitle('API tokens');
  const [loaded, reload] = useLoad(() => apiTokens.list(), []);
  const [made, setMade] = useState<{ name: string; secret: string } | null>(null);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const revoke = async (token: ApiToken) => {
    if (!window.confirm(`Revoke the token for ${token.name}? Scripts using it stop at once.`))
      return;
    setBusy(true);
    try {
      await apiTokens.revoke(token.id);
      setMessage({ text: `The token for ${token.name} is revoked.`, failed: false });
      reload();
    } catch (caught) {
      setMessage({ text: messageOf(caught), failed: true });
    }
    setBusy(false);
  };

  return (
    <>
      <h1>API tokens</h1>
      <p>
        Scripts act as you with a token of their own. Tokens stop working when they expire, when you
        sign out everywhere, when your password or your role changes, or when you revoke them.
      </p>
      {made && <SecretNotice secret={made.secret} name={made.name} />}
      <ActionMessage message={message} />
      <LoadStatus loaded={loaded} />
      {loaded.state === 'ready' && loaded.value.tokens.length === 0 && <p>No tokens yet.</p>}
      {loaded.state === 'ready' && loaded.value.tokens.length > 0 && (
        <TokenTable tokens={loaded.value.tokens} busy={busy} onRevoke={(t) => void revoke(t)} />
      )}
      <NewTokenForm
        onCreated={(token, secret) => {
          setMade({ name: token.name, secret });
          setMessage(null);
          reload();
        }}
      />
    </>
  );
}
