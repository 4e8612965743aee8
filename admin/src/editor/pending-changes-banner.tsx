import { useState } from 'preact/hooks';
import { newsroom } from '../api/newsroom.js';
import type { DeskArticle } from '../api/types.js';
import { When } from '../components/status.js';
import { messageOf } from '../components/use-load.js';
import { useConfirm } from '../components/confirm-dialog.js';
import { Link } from '../router.js';
import { RevisionChanges } from './revision-changes.js';

interface PendingChangesBannerProps {
  article: DeskArticle;
  /** Saves the text first; false when it could not be saved (nothing is published then). */
  beforePublish: () => Promise<boolean>;
  onDone: (message: string) => void;
}

/** What waits to go live, against what readers see, shown on request. */
function PendingDiff(props: { articleId: number; from: number; to: number }) {
  const [showing, setShowing] = useState(false);
  return (
    <>
      <button
        type="button"
        class="quiet"
        aria-expanded={showing}
        aria-controls="pending-diff"
        onClick={() => setShowing(!showing)}
      >
        {showing ? 'Hide the changes' : 'Show the changes'}
      </button>
      <div id="pending-diff" class="pending-diff" hidden={!showing}>
        {showing && <RevisionChanges {...props} />}
      </div>
    </>
  );
}

/**
 * A live story's saved changes wait unseen until someone decides to put them in front of
 * readers: this says so, links to what changed, and publishes them after asking.
 */
export function PendingChangesBanner(props: PendingChangesBannerProps) {
  const { article, beforePublish, onDone } = props;
  const { ask, dialog } = useConfirm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pending = article.pending;
  if (article.status !== 'published' || !pending) return null;
  // A writer's request goes to the editors, once; the server says which the person may do.
  const direct = article.allowedActions.includes('publish_changes');
  const label = direct ? 'Publish changes' : 'Ask an editor to publish';
  const offered = direct || article.allowedActions.includes('ask_to_publish_changes');

  const headline = article.draft.headline || 'Untitled';
  const publish = async () => {
    const confirmed = await ask({
      heading: direct
        ? `Publish the changes to “${headline}”?`
        : `Send the changes to “${headline}” to the editors?`,
      message: direct
        ? `Readers see revision ${pending.revision} at once instead of revision ${pending.liveRevision}.`
        : 'An editor decides when readers see them.',
      confirmLabel: direct ? 'Yes, publish changes' : 'Yes, send them',
    });
    if (!confirmed) return;
    setBusy(true);
    setError(null);
    try {
      if (!(await beforePublish())) return setError('Save the article first.');
      const moved = await newsroom.transition(article.id, 'published');
      onDone(moved.inReview ? 'Sent to the editors to publish.' : 'Changes published.');
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="banner pending-changes" aria-labelledby="pending-heading">
      <h2 id="pending-heading">Unpublished changes</h2>
      <p>
        Readers still see revision {pending.liveRevision}. Revision {pending.revision}
        {pending.savedBy && <> was saved by {pending.savedBy.name}</>}
        {pending.savedAt && (
          <>
            {' '}
            on <When at={pending.savedAt} />
          </>
        )}
        {pending.inReview && ' and waits for an editor'}.{' '}
        <Link
          href={`/articles/${article.id}/history?from=${pending.liveRevision}&to=${pending.revision}`}
        >
          Open in the history
        </Link>
      </p>
      <PendingDiff articleId={article.id} from={pending.liveRevision} to={pending.revision} />
      {offered && (
        <button type="button" class="primary" disabled={busy} onClick={() => void publish()}>
          {label}
        </button>
      )}
      {dialog}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
