import { useState } from 'preact/hooks';
import { newsroom } from '../api/newsroom.js';
import type { MediaDetails, MediaUse } from '../api/types.js';
import { STATUS_LABELS } from '../components/status.js';
import { messageOf } from '../components/use-load.js';
import { useConfirm } from '../components/confirm-dialog.js';
import { Link } from '../router.js';

const USED_AS: Record<MediaUse['as'], string> = {
  lead: 'lead photo',
  inline: 'in the text',
  social: 'photo for shared links',
};

/** The articles that show the photo, each a link to its editor. */
export function WhereUsed({ usage }: { usage: MediaUse[] | null }) {
  return (
    <section class="photo-usage" aria-labelledby="photo-usage-title">
      <h3 id="photo-usage-title">Where it’s used</h3>
      {usage === null ? (
        <p class="loading">Looking for articles…</p>
      ) : usage.length === 0 ? (
        <p class="muted">Not used in any article.</p>
      ) : (
        <ul class="plain-list">
          {usage.map((use) => (
            <li key={`${use.articleId}-${use.as}`}>
              <Link href={`/articles/${use.articleId}`}>{use.headline || 'Untitled'}</Link>{' '}
              <span class="meta">
                ({USED_AS[use.as]}, {STATUS_LABELS[use.status] ?? use.status})
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface DeleteProps {
  photo: MediaDetails | null;
  name: string;
  onDeleted: () => void;
}

/** Asks before deleting; a photo in use cannot go, and the button says why. */
export function DeletePhoto({ photo, name, onDeleted }: DeleteProps) {
  const { ask, dialog } = useConfirm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const used = photo ? photo.usage.length : 0;

  const remove = async () => {
    const confirmed = await ask({
      heading: `Delete the photo “${name}”?`,
      message: 'It and all its sizes will be removed from the library for good.',
      confirmLabel: 'Yes, delete it',
      danger: true,
    });
    if (!confirmed) return;
    setBusy(true);
    setError('');
    try {
      await newsroom.deleteMedia(photo?.id ?? 0);
      onDeleted();
    } catch (caught) {
      // 409 names the articles that took the photo since the panel opened.
      setError(messageOf(caught));
    }
    setBusy(false);
  };

  return (
    <div class="photo-delete">
      <button
        type="button"
        class="danger"
        disabled={!photo || used > 0 || busy}
        aria-describedby={used > 0 ? 'photo-delete-why' : undefined}
        onClick={() => void remove()}
      >
        Delete photo…
      </button>
      {used > 0 && (
        <p class="hint" id="photo-delete-why">
          This photo cannot be deleted while{' '}
          {used === 1 ? 'an article uses' : `${used} articles use`} it. Take it out of{' '}
          {used === 1 ? 'that article' : 'them'} first.
        </p>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {dialog}
    </div>
  );
}
