/** The pieces every newsroom form repeats: its error line, and its submit button with a notice. */
import type { Loaded } from './use-load.js';

/** The form-wide error (one not tied to a field), announced as it appears. */
export function FormError({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <p class="form-error" role="alert">
      {message}
    </p>
  );
}

/** The submit button, saying what it is doing while busy, and the notice after it succeeded. */
export function FormActions(props: {
  busy: boolean;
  label: string;
  busyLabel: string;
  notice: string | null;
}) {
  return (
    <>
      <div class="actions">
        <button type="submit" class="primary" disabled={props.busy}>
          {props.busy ? props.busyLabel : props.label}
        </button>
      </div>
      {props.notice && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
    </>
  );
}

/** The outcome of the last action on a page: a notice, or an alert when it failed. */
export function ActionMessage({ message }: { message: { text: string; failed: boolean } | null }) {
  if (!message) return null;
  return (
    <p class={message.failed ? 'form-error' : 'notice'} role={message.failed ? 'alert' : 'status'}>
      {message.text}
    </p>
  );
}

/** What a page shows while its data loads, or when loading failed; nothing once it is ready. */
export function LoadStatus({ loaded }: { loaded: Loaded<unknown> }) {
  if (loaded.state === 'loading') return <p class="loading">Loading…</p>;
  if (loaded.state === 'failed')
    return (
      <p class="form-error" role="alert">
        {loaded.message}
      </p>
    );
  return null;
}
