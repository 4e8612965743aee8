import { useState } from 'preact/hooks';
import { newsroom } from '../api/newsroom.js';
import type { DeskArticle } from '../api/types.js';
import { messageOf } from '../components/use-load.js';
import { hrefOf } from '../router.js';
import type { Conflict } from './use-draft.js';

interface ConflictPanelProps {
  articleId: number;
  conflict: Conflict;
  /** Replace the text in the editor with the newest revision. */
  onTakeTheirs: (article: DeskArticle) => void;
  /** Save the text in the editor on top of the newest revision. */
  onKeepMine: (article: DeskArticle) => Promise<boolean>;
}

/**
 * Someone else saved first. Both texts are safe on the server: theirs is the current revision,
 * this one is kept as a conflict revision. The writer compares, then chooses.
 */
export function ConflictPanel({
  articleId,
  conflict,
  onTakeTheirs,
  onKeepMine,
}: ConflictPanelProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const compare = hrefOf(
    `/articles/${articleId}/history?from=${conflict.current}&to=${conflict.kept}`,
  );

  const resolve = async (choice: (article: DeskArticle) => unknown) => {
    setBusy(true);
    setError(null);
    try {
      await choice(await newsroom.read(articleId));
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="conflict" role="alert" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading">Someone else saved this article while you were editing</h2>
      <p>
        Your text was not lost: it was kept as revision {conflict.kept}. Their version is revision{' '}
        {conflict.current}, now the current one. Autosave is paused until you choose.
      </p>
      {error && <p class="form-error">{error}</p>}
      <div class="actions">
        <a href={compare} target="_blank" rel="noopener">
          Compare revision {conflict.current} with your revision {conflict.kept}
        </a>
        <button type="button" disabled={busy} onClick={() => void resolve(onKeepMine)}>
          Save my version over theirs
        </button>
        <button
          type="button"
          class="quiet"
          disabled={busy}
          onClick={() => void resolve(onTakeTheirs)}
        >
          Load their version
        </button>
      </div>
    </section>
  );
}
