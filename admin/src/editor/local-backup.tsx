/**
 * A copy of unsaved text in this browser's storage, so a session that ends, a tab that closes or
 * a network that drops never costs a writer their words. Cleared once the server has the text.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ArticleDraft } from '../api/types.js';
import { When } from '../components/status.js';
import { differs } from './draft-changes.js';

/** Unsaved text, with the saved text and revision it started from (to detect conflicts). */
export interface Backup {
  draft: ArticleDraft;
  base: ArticleDraft;
  revision: number;
  at: string;
}

const keyOf = (articleId: number) => `dateline:unsaved:${articleId}`;
const WRITE_DELAY_MS = 800;

function readBackup(articleId: number): Backup | null {
  try {
    const raw = window.localStorage.getItem(keyOf(articleId));
    return raw ? (JSON.parse(raw) as Backup) : null;
  } catch {
    return null;
  }
}

function writeBackup(articleId: number, backup: Backup | null) {
  try {
    if (backup) window.localStorage.setItem(keyOf(articleId), JSON.stringify(backup));
    else window.localStorage.removeItem(keyOf(articleId));
  } catch {
    // Storage full or switched off: the server copy and autosave still stand.
  }
}

/** Keeps the unsaved text (`draft` against `base`) in local storage, a moment after each change. */
export function useLocalBackup(
  articleId: number,
  base: ArticleDraft,
  draft: ArticleDraft,
  revision: number,
) {
  useEffect(() => {
    const timer = setTimeout(() => {
      const unsaved = differs(base, draft);
      writeBackup(
        articleId,
        unsaved ? { draft, base, revision, at: new Date().toISOString() } : null,
      );
    }, WRITE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [articleId, base, draft, revision]);
}

interface BackupNoticeProps {
  articleId: number;
  /** The text the server sent when the editor opened. */
  serverDraft: ArticleDraft;
  onRestore: (backup: Backup) => void;
}

/** Offers text this browser kept but never saved, when the editor opens. */
export function BackupNotice({ articleId, serverDraft, onRestore }: BackupNoticeProps) {
  const [backup, setBackup] = useState(() => {
    const found = readBackup(articleId);
    return found && differs(serverDraft, found.draft) ? found : null;
  });
  if (!backup) return null;
  const discard = () => {
    writeBackup(articleId, null);
    setBackup(null);
  };
  return (
    <section class="conflict" role="alert" aria-labelledby="backup-heading">
      <h2 id="backup-heading">Unsaved text from this browser</h2>
      <p>
        Changes made here at <When at={backup.at} /> were never saved (they were based on revision{' '}
        {backup.revision}). Bring them back into the editor, then save.
      </p>
      <div class="actions">
        <button
          type="button"
          onClick={() => {
            onRestore(backup);
            setBackup(null);
          }}
        >
          Bring back my unsaved text
        </button>
        <button type="button" class="quiet" onClick={discard}>
          Discard it
        </button>
      </div>
    </section>
  );
}
