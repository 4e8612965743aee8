/**
 * What both article editors do about unsaved text: Ctrl+S (⌘S) saves, as in every editor,
 * instead of saving the web page; and leaving, in the app or by closing or reloading the tab,
 * asks first while there is text the server does not have.
 */
import { useEffect, useRef } from 'preact/hooks';
import { blockNavigation } from '../router.js';

const LEAVE_UNSAVED = 'Your latest changes are not saved yet. Leave anyway?';

function useSaveShortcut(save: () => void) {
  const latest = useRef(save);
  latest.current = save;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        latest.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

function useLeaveWarning(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    blockNavigation(() => window.confirm(LEAVE_UNSAVED));
    return () => {
      window.removeEventListener('beforeunload', warn);
      blockNavigation(null);
    };
  }, [dirty]);
}

/** Ctrl+S calls `save`; leaving asks while `dirty`. */
export function useUnsavedGuard({ dirty, save }: { dirty: boolean; save: () => void }) {
  useSaveShortcut(save);
  useLeaveWarning(dirty);
}

/**
 * Lets the editor move on once its text is safe (a new draft just created), before the
 * re-render that would lift the warning has happened.
 */
export const leaveFreely = () => blockNavigation(null);
