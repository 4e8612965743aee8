/**
 * A copy of unsaved text in this browser's storage, so a session that ends, a tab that closes or
 * a network that drops never costs a writer their words. Cleared once the server has the text.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
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

/** Whose text: a saved article's id, or `'new'` for New article before its draft exists. */
export type BackupOf = number | 'new';

const keyOf = (of: BackupOf) => `dateline:unsaved:${of}`;
const WRITE_DELAY_MS = 800;

function readBackup(of: BackupOf): Backup | null {
  try {
    const raw = window.localStorage.getItem(keyOf(of));
    return raw ? (JSON.parse(raw) as Backup) : null;
  } catch {
    return null;
  }
}

function writeBackup(of: BackupOf, backup: Backup | null) {
  try {
    if (backup) window.localStorage.setItem(keyOf(of), JSON.stringify(backup));
    else window.localStorage.removeItem(keyOf(of));
  } catch {
    // Storage full or switched off: the server copy and autosave still stand.
  }
}

/**
 * Keeps the unsaved text (`draft` against `base`) in local storage, a moment after each change,
 * and at once when the page or the editor goes away. Answers `forget`, for when the server has
 * the text under another name (a new article just created).
 */
export function useLocalBackup(
  of: BackupOf,
  base: ArticleDraft,
  draft: ArticleDraft,
  revision: number,
) {
  const pending = useRef<(() => void) | null>(null);
  const opened = useRef<{ base: ArticleDraft; draft: ArticleDraft } | null>({ base, draft });
  useEffect(() => {
    // The text as opened is no news; writing it would wipe a backup not yet brought back.
    const asOpened = opened.current;
    if (asOpened && asOpened.base === base && !differs(asOpened.draft, draft)) return;
    opened.current = null;
    const write = () => {
      pending.current = null;
      const unsaved = differs(base, draft);
      writeBackup(of, unsaved ? { draft, base, revision, at: new Date().toISOString() } : null);
    };
    pending.current = write;
    const timer = setTimeout(write, WRITE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [of, base, draft, revision]);
  // A reload or a tab closed within the delay must not lose the last words typed.
  useEffect(() => {
    const flush = () => pending.current?.();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, []);
  return {
    forget: () => {
      pending.current = null;
      writeBackup(of, null);
    },
  };
}

interface BackupNoticeProps {
  of: BackupOf;
  /** The text the server sent when the editor opened. */
  serverDraft: ArticleDraft;
  onRestore: (backup: Backup) => void;
}

/** Offers text this browser kept but never saved, when the editor opens. */
export function BackupNotice({ of, serverDraft, onRestore }: BackupNoticeProps) {
  const [backup, setBackup] = useState(() => {
    const found = readBackup(of);
    return found && differs(serverDraft, found.draft) ? found : null;
  });
  if (!backup) return null;
  const discard = () => {
    writeBackup(of, null);
    setBackup(null);
  };
  return (
    <section class="conflict" role="alert" aria-labelledby="backup-heading">
      <h2 id="backup-heading">Unsaved text from this browser</h2>
      {of === 'new' ? (
        <p>
          A new article typed here at <When at={backup.at} /> was never created. Bring its text back
          into the editor, then create the draft.
        </p>
      ) : (
        <p>
          Changes made here at <When at={backup.at} /> were never saved (they were based on revision{' '}
          {backup.revision}). Bring them back into the editor, then save.
        </p>
      )}
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
