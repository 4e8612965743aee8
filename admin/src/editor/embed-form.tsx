/**
 * The Embed form under the body's toolbar: paste an address, see which provider it is from
 * (or why it cannot be embedded), insert it as an embed card.
 */
import type { Editor } from '@tiptap/core';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/client.js';
import { embeds, type EmbedMatch } from '../api/embeds.js';
import { messageOf } from '../components/use-load.js';

type Check =
  | { state: 'idle' }
  | { state: 'checking'; address: string }
  | { state: 'found'; address: string; match: EmbedMatch }
  | { state: 'refused'; address: string; message: string };

/** Waits this long after the last keystroke before asking the server. */
const CHECK_DELAY_MS = 300;

/** The server's message without the field name it starts with (`url: …`). */
const withoutField = (message: string) => message.replace(/^url: /, '');

async function checkAddress(address: string): Promise<Check> {
  try {
    return { state: 'found', address, match: await embeds.match(address) };
  } catch (error) {
    const message = error instanceof ApiError ? withoutField(error.message) : messageOf(error);
    return { state: 'refused', address, message };
  }
}

function verdict(check: Check): string {
  if (check.state === 'checking') return 'Checking the address…';
  if (check.state === 'refused') return check.message;
  if (check.state !== 'found') return '';
  const { provider } = check.match;
  return provider.allowed
    ? `${provider.noun}: ready to insert.`
    : `${provider.name} is not on the publication’s allow-list of embeds; ask the editor-in-chief to allow it.`;
}

export function EmbedForm({ editor, onDone }: { editor: Editor; onDone: () => void }) {
  const [address, setAddress] = useState('');
  const [check, setCheck] = useState<Check>({ state: 'idle' });
  const input = useRef<HTMLInputElement>(null);
  const latest = useRef('');
  useEffect(() => input.current?.focus(), []);

  const run = async (text: string) => {
    latest.current = text;
    if (text.trim() === '') return setCheck({ state: 'idle' });
    setCheck({ state: 'checking', address: text });
    const result = await checkAddress(text);
    // A slower answer for an address since edited must not overwrite the newer one.
    if (latest.current === text) setCheck(result);
    return result;
  };

  useEffect(() => {
    const timer = setTimeout(() => void run(address), CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [address]);

  const insert = async () => {
    const result =
      check.state === 'found' && check.address === address ? check : await run(address);
    if (result?.state !== 'found' || !result.match.provider.allowed) return;
    const { provider, url } = result.match;
    editor
      .chain()
      .focus()
      .insertContent({ type: 'embed', attrs: { provider: provider.id, url, caption: null } })
      .run();
    onDone();
  };

  const ready = check.state === 'found' && check.match.provider.allowed;
  return (
    <div
      class="link-form embed-form"
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          void insert();
        } else if (event.key === 'Escape') {
          event.preventDefault();
          editor.commands.focus();
          onDone();
        }
      }}
    >
      <label for="embed-url">Embed address</label>
      <input
        id="embed-url"
        ref={input}
        type="url"
        inputMode="url"
        placeholder="https://…"
        aria-describedby="embed-verdict"
        value={address}
        onInput={(event) => setAddress(event.currentTarget.value)}
      />
      <button type="button" disabled={!ready} onClick={() => void insert()}>
        Insert embed
      </button>
      <button
        type="button"
        class="quiet"
        onClick={() => {
          editor.commands.focus();
          onDone();
        }}
      >
        Cancel
      </button>
      <p
        id="embed-verdict"
        class={`embed-verdict${check.state === 'refused' || (check.state === 'found' && !ready) ? ' is-refused' : ''}`}
        role="status"
      >
        {verdict(check)}
      </p>
    </div>
  );
}
