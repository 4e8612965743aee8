import { useState } from 'preact/hooks';
import { newsroom } from '../api/newsroom.js';
import type { ArticleStatus, DeskArticle, SessionUser } from '../api/types.js';
import { StatusBadge, When } from '../components/status.js';
import { messageOf } from '../components/use-load.js';
import { canMove, may, type ArticleAccess } from './article-permissions.js';

interface WorkflowPanelProps {
  article: DeskArticle;
  user: SessionUser;
  /** Saves the text first; false when it could not be saved (the move is then not made). */
  beforeMove(): Promise<boolean>;
  /** Called after a move, to reload the article's state. */
  onMoved(message: string): void;
}

/** `datetime-local` gives a wall time in the browser's zone; the API wants an instant. */
export const instantFromLocal = (value: string) => new Date(value).toISOString();

function KillButton({ onKill, busy }: { onKill(): void; busy: boolean }) {
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

/** The moves this user may make from the article's state, as buttons. */
export function WorkflowPanel({ article, user, beforeMove, onMoved }: WorkflowPanelProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [publishAt, setPublishAt] = useState('');
  const access: ArticleAccess = article;
  const status = article.status;
  const allowed = (action: Parameters<typeof may>[1], to?: ArticleStatus) =>
    may(user, action, access) && (to === undefined || canMove(status, to));

  const run = async (work: () => Promise<unknown>, done: string, saveFirst = true) => {
    setBusy(true);
    setError(null);
    try {
      if (saveFirst && !(await beforeMove())) {
        setError('Save the article first: resolve the problem shown above.');
        return;
      }
      await work();
      onMoved(done);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };
  const move = (to: ArticleStatus, done: string, times: { publishAt?: string } = {}) =>
    run(() => newsroom.transition(article.id, to, times), done);

  const schedule = () => {
    if (!publishAt) return setError('Choose when the article should go live.');
    void move('scheduled', 'Scheduled.', { publishAt: instantFromLocal(publishAt) });
  };

  return (
    <section class="panel workflow" aria-labelledby="workflow-heading">
      <h2 id="workflow-heading">Workflow</h2>
      <p>
        <StatusBadge status={status} killed={article.killed} />
        {status === 'scheduled' && (
          <>
            {' '}
            goes live <When at={article.publishAt} />
          </>
        )}
        {status === 'published' && (
          <>
            {' '}
            since <When at={article.publishedAt} />
          </>
        )}
      </p>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        {allowed('submit', 'in_review') && status !== 'scheduled' && (
          <button type="button" disabled={busy} onClick={() => void move('in_review', 'Submitted for review.')}>
            Submit for review
          </button>
        )}
        {allowed('publish', 'published') && (
          <button type="button" class="primary" disabled={busy} onClick={() => void move('published', 'Published.')}>
            {status === 'scheduled' ? 'Publish now' : status === 'unpublished' ? 'Republish' : 'Publish'}
          </button>
        )}
        {allowed('edit', 'draft') && (status === 'in_review' || status === 'scheduled') && (
          <button type="button" disabled={busy} onClick={() => void move('draft', 'Moved back to draft.')}>
            {status === 'scheduled' ? 'Cancel schedule' : 'Back to draft'}
          </button>
        )}
        {allowed('unpublish', 'unpublished') && (
          <button type="button" disabled={busy} onClick={() => void move('unpublished', 'Unpublished.')}>
            Unpublish
          </button>
        )}
      </div>
      {allowed('schedule', 'scheduled') && (
        <div class="schedule">
          <label for="publish-at">Publish at</label>
          <p class="hint" id="publish-at-hint">
            Your time zone: {Intl.DateTimeFormat().resolvedOptions().timeZone}
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
      )}
      {allowed('kill') && (
        <KillButton busy={busy} onKill={() => void run(() => newsroom.kill(article.id), 'Killed.', false)} />
      )}
    </section>
  );
}
