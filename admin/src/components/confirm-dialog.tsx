/**
 * Asking before an action readers or colleagues feel at once (publishing, restoring a revision,
 * disabling an account): a modal `<dialog>` naming the action and what it acts on. Escape and
 * Cancel say no; focus returns to the button that asked.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';

/** What the dialog asks: its heading names the action and the story or person. */
export interface ConfirmRequest {
  heading: string;
  /** What will happen, in a sentence or two. */
  message: ComponentChildren;
  /** The confirm button's words, e.g. "Yes, publish"; Cancel is always beside it. */
  confirmLabel: string;
  /** Marks the confirm button as destructive. */
  danger?: boolean;
}

interface ConfirmDialogProps extends ConfirmRequest {
  onAnswer: (confirmed: boolean) => void;
}

function ConfirmDialog(props: ConfirmDialogProps) {
  const { heading, message, confirmLabel, danger, onAnswer } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const opener = document.activeElement;
    const shown = dialog.current;
    shown?.showModal();
    return () => {
      // Closed first: while the modal is open the rest of the page is inert and takes no focus.
      shown?.close();
      if (opener instanceof HTMLElement) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={dialog}
      class={danger ? 'confirm-dialog danger' : 'confirm-dialog'}
      aria-labelledby={`${id}-heading`}
      aria-describedby={`${id}-message`}
      onCancel={(event) => {
        // Escape: answer no, and let the answer remove the dialog rather than the browser.
        event.preventDefault();
        onAnswer(false);
      }}
    >
      <h2 id={`${id}-heading`}>{heading}</h2>
      <p id={`${id}-message`}>{message}</p>
      <div class="actions">
        <button type="button" class={danger ? 'danger' : 'primary'} onClick={() => onAnswer(true)}>
          {confirmLabel}
        </button>
        {/* Focus starts on the harmless choice: Enter by habit must not publish or disable. */}
        <button type="button" class="quiet" autofocus onClick={() => onAnswer(false)}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}

/**
 * A confirmation to ask with `await ask(request)` (true on Confirm); render `dialog` where the
 * asking component renders.
 */
export function useConfirm() {
  const [asking, setAsking] = useState<{
    request: ConfirmRequest;
    answer: (confirmed: boolean) => void;
  } | null>(null);
  const ask = (request: ConfirmRequest) =>
    new Promise<boolean>((answer) => setAsking({ request, answer }));
  const dialog = asking && (
    <ConfirmDialog
      {...asking.request}
      onAnswer={(confirmed) => {
        setAsking(null);
        asking.answer(confirmed);
      }}
    />
  );
  return { ask, dialog };
}
