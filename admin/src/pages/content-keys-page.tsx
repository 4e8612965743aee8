import { When } from '../components/status.js';
import { useState } from 'preact/hooks';
import { contentKeys, type ContentKey } from '../api/content-keys.js';
import { Field } from '../components/field.js';
import { ActionMessage, FormActions, FormError, LoadStatus } from '../components/form-parts.js';
import { usePageTitle } from '../components/page-title.js';
import { messageOf, useLoad } from '../components/use-load.js';
import { useFormSubmit } from '../components/form-submit.js';

/** The secret, shown once after making the key, with a button that copies it. */
function SecretNotice({ secret, name }: { secret: string; name: string }) {
  const [copied, setCopied] = useState(false);
  const copy = () =>
    navigator.clipboard
      .writeText(secret)
      .then(() => setCopied(true))
      .catch(() => setCopied(false));
  return (
    <div class="notice" role="status">
      <p>Key for {name}. Copy it now and send it to them safely: it will not be shown again.</p>
      <p>
        <code id="content-key-secret">{secret}</code>{' '}
        <button type="button" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </p>
    </div>
  );
}

function NewKeyForm({ onCreated }: { onCreated: (key: ContentKey, secret: string) => void }) {
  const [name, setName] = useState('');
  const { errors, busy, submit } = useFormSubmit(['name'], async () => {
    const made = await contentKeys.create(name);
    onCreated(made.key, made.secret);
    setName('');
  });

  return (
    <section aria-labelledby="new-key-heading">
      <h2 id="new-key-heading">Make a key</h2>
      <form onSubmit={submit} noValidate>
        <FormError message={errors.form} />
        <Field
          id="content-key-name"
          label="Who it is for"
          hint="The app or partner, e.g. “iOS app” or “Partner: Gulf Wire”"
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
        <FormActions busy={busy} label="Make key" busyLabel="Making…" notice={null} />
      </form>
    </section>
  );
}

function KeyRow(props: { entry: ContentKey; onRevoke: (key: ContentKey) => void; busy: boolean }) {
  const { entry } = props;
  return (
    <tr>
      <td data-label="For">{entry.name}</td>
      <td data-label="Key">
        <code>{entry.prefix}…</code>
      </td>
      <td data-label="Made by">{entry.createdBy?.name ?? '—'}</td>
      <td data-label="Made">
        <When at={entry.createdAt} />
      </td>
      <td data-label="Last used">
        <When at={entry.lastUsedAt} />
      </td>
      <td>
        {entry.revokedAt ? (
          <>
            Revoked <When at={entry.revokedAt} />
          </>
        ) : (
          <button
            type="button"
            class="danger"
            disabled={props.busy}
            onClick={() => props.onRevoke(entry)}
          >
            Revoke<span class="visually-hidden"> the key for {entry.name}</span>
          </button>
        )}
      </td>
    </tr>
  );
}

/** Keys of the read-only Content API, for the editor-in-chief: make, list and revoke. */
export function ContentKeysPage() {
  usePageTitle('Content API keys');
  const [loaded, reload] = useLoad(() => contentKeys.list(), []);
  const [made, setMade] = useState<{ name: string; secret: string } | null>(null);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const revoke = async (key: ContentKey) => {
    if (!window.confirm(`Revoke the key for ${key.name}? Their app stops working at once.`)) return;
    setBusy(true);
    try {
      await contentKeys.revoke(key.id);
      setMessage({ text: `The key for ${key.name} is revoked.`, failed: false });
      reload();
    } catch (caught) {
      setMessage({ text: messageOf(caught), failed: true });
    }
    setBusy(false);
  };

  return (
    <>
      <h1>Content API keys</h1>
      <p>
        Apps and partners read published articles through the Content API with a key of their own.
        Each key may be revoked at any time.
      </p>
      {made && <SecretNotice secret={made.secret} name={made.name} />}
      <ActionMessage message={message} />
      <LoadStatus loaded={loaded} />
      {loaded.state === 'ready' && loaded.value.keys.length === 0 && <p>No keys yet.</p>}
      {loaded.state === 'ready' && loaded.value.keys.length > 0 && (
        <table class="content-keys">
          <caption class="visually-hidden">Content API keys</caption>
          <thead>
            <tr>
              <th scope="col">For</th>
              <th scope="col">Key</th>
              <th scope="col">Made by</th>
              <th scope="col">Made</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span class="visually-hidden">State and actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {loaded.value.keys.map((entry) => (
              <KeyRow key={entry.id} entry={entry} busy={busy} onRevoke={(k) => void revoke(k)} />
            ))}
          </tbody>
        </table>
      )}
      <NewKeyForm
        onCreated={(key, secret) => {
          setMade({ name: key.name, secret });
          setMessage(null);
          reload();
        }}
      />
    </>
  );
}
