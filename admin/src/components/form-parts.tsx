/** The pieces every newsroom form repeats: its error line, and its submit button with a notice. */

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
