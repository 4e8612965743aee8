import { createPortal } from 'preact/compat';
import { useState } from 'preact/hooks';
import { newsroom, type TransitionTimes } from '../api/newsroom.js';
import type { ArticleAction, ArticleStatus, DeskArticle } from '../api/types.js';
import { usePaperZone } from '../components/paper-clock.js';
import { StatusBadge, When } from '../components/status.js';
import { instantOfWallTime, zoneLabel } from '../pages/paper-time.js';
import { messageOf } from '../components/use-load.js';
import { useConfirm } from '../components/confirm-dialog.js';

interface WorkflowPanelProps {
  article: DeskArticle;
  /** Saves the text first; false when it could not be saved (the move is then not made). */
  beforeMove: () => Promise<boolean>;
  /** Called after a move, to reload the article's state. */
  onMoved: (message: string) => void;
  /** Where the move buttons go instead of the panel: the editor's action bar, once it exists. */
  movesInto?: HTMLElement | null;
}

type Move = (to: ArticleStatus, done: string, times?: TransitionTimes) => void;

function KillButton({ onKill, busy }: { onKill: () => void; busy: boolean }) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming)
    return (
      <button type="button" class="danger" disabled={busy} onClick={() => setConfirming(true)}>
        Kill…
      </button>
    );
  return (
    <div class="confirm" role="group" aria-labelledby="kill-warning">
      <p id="kill-warning">
        Killing takes the story off every page, feed and API for good. It cannot be undone.
      </p>
      <button type="button" class="danger" disabled={busy} onClick={onKill}>
        Yes, kill this story
      </button>
      <button type="button" class="quiet" onClick={() => setConfirming(false)}>
        Keep it
      </button>
    </div>
  );
}

function ScheduleForm({
  busy,
  move,
  onError,
}: {
  busy: boolean;
  move: Move;
  onError: (message: string) => void;
}) {
  const [publishAt, setPublishAt] = useState('');
  const timeZone = usePaperZone();
  // The picker holds a wall-clock time that is read in the paper's zone, not the browser's.
  const schedule = () =>
    publishAt
      ? move('scheduled', 'Scheduled.', {
          publishAt: instantOfWallTime(publishAt, timeZone).toISOString(),
        })
      : onError('Choose when the article should go live.');
  return (
    <div class="schedule">
      <label for="publish-at">Publish at</label>
      <p class="hint" id="publish-at-hint">
        In the paper’s time: {zoneLabel(timeZone)}
      </p>
      <input
        id="publish-at"
        type="datetime-local"
        step={1}
        aria-describedby="publish-at-hint"
        value={publishAt}
        onInput={(event) => setPublishAt(event.currentTarget.value)}
      />
      <button type="button" disabled={busy} onClick={schedule}>
        Schedule
      </button>
    </div>
  );
}

function StatusLine({ article }: { article: DeskArticle }) {
  return (
    <p>
      <StatusBadge status={article.status} killed={article.killed} />
      {article.status === 'scheduled' && (
        <>
          {' '}
          goes live <When at={article.publishAt} />
        </>
      )}
      {article.status === 'published' && (
        <>
          {' '}
          since <When at={article.publishedAt} />
        </>
      )}
    </p>
  );
}

function MoveButtons(props: {
  status: ArticleStatus;
  allowed: (action: ArticleAction) => boolean;
  busy: boolean;
  move: Move;
}) {
  const { status, allowed, busy, move } = props;
  const button = (label: string, to: ArticleStatus, done: string, primary = false) => (
    <button
      type="button"
      class={primary ? 'primary' : undefined}
      disabled={busy}
      onClick={() => move(to, done)}
    >
      {label}
    </button>
  );
  const publishLabel =
    status === 'scheduled' ? 'Publish now' : status === 'unpublished' ? 'Republish' : 'Publish';
  return (
    <div class="actions">
      {/* A scheduled story was already approved: the way back is cancelling the schedule. */}
      {allowed('submit') &&
        status !== 'scheduled' &&
        button('Submit for review', 'in_review', 'Submitted for review.')}
      {allowed('publish') && button(publishLabel, 'published', 'Published.', true)}
      {allowed('return_to_draft') &&
        button(
          status === 'scheduled' ? 'Cancel schedule' : 'Back to draft',
          'draft',
          'Moved back to draft.',
        )}
      {allowed('unpublish') && button('Unpublish', 'unpublished', 'Unpublished.')}
    </div>
  );
}

/** Publishing puts the story in front of readers at once, so it is asked first. */
const publishRequest = (article: DeskArticle) => ({
  heading: `Publish “${article.draft.headline || 'Untitled'}”?`,
  message:
    article.status === 'scheduled'
      ? 'It goes live now instead of at its scheduled time, with your latest text.'
      : 'Your latest text is saved first, and readers see it at once.',
  confirmLabel: 'Yes, publish',
});

/** The moves the server allows this person from the article's state, as buttons. */
export function WorkflowPanel(props: WorkflowPanelProps) {
  const { article, beforeMove, onMoved, movesInto } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const allowed = (action: ArticleAction) => article.allowedActions.includes(action);

  const run = async (work: () => Promise<unknown>, done: string, saveFirst = true) => {
    setBusy(true);
    setError(null);
    try {
      if (saveFirst && !(await beforeMove()))
        return setError('Save the article first: resolve the problem shown above.');
      await work();
      onMoved(done);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };
  const { ask, dialog } = useConfirm();
  const move: Move = (to, done, times = {}) =>
    void (async () => {
      if (to === 'published' && !(await ask(publishRequest(article)))) return;
      await run(() => newsroom.transition(article.id, to, times), done);
    })();
  const moves = (
    <>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <MoveButtons status={article.status} allowed={allowed} busy={busy} move={move} />
    </>
  );

  return (
    <section class="panel workflow" aria-labelledby="workflow-heading">
      <h2 id="workflow-heading">Workflow</h2>
      <StatusLine article={article} />
      {movesInto ? createPortal(moves, movesInto) : moves}
      {allowed('schedule') && <ScheduleForm busy={busy} move={move} onError={setError} />}
      {dialog}
      {allowed('kill') && (
        <KillButton
          busy={busy}
          onKill={() => void run(() => newsroom.kill(article.id), 'Killed.', false)}
        />
      )}
    </section>
  );
}
