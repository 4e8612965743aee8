import { usePaperZone } from '../components/paper-clock.js';
import type { DraftEditor } from './use-draft.js';

/** `14:30`, in the paper's zone: the status line is read at a glance, the zone shown elsewhere. */
const clockIn = (timeZone: string, at: Date) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, timeStyle: 'short' }).format(at);

function describe(editing: DraftEditor, timeZone: string): string {
  if (editing.saving) return 'Saving…';
  if (editing.conflict) return 'Not saved: someone else saved first';
  if (editing.dirty) return 'Unsaved changes';
  if (editing.savedAt && editing.notYetLive)
    return `${editing.lastSaveKind === 'autosave' ? 'Autosaved' : 'Saved'} — not yet live (revision ${editing.revision})`;
  if (editing.savedAt)
    return `${editing.lastSaveKind === 'autosave' ? 'Autosaved' : 'Saved'} at ${clockIn(timeZone, editing.savedAt)} (revision ${editing.revision})`;
  return editing.revision > 0 ? `All changes saved (revision ${editing.revision})` : 'No changes';
}

/** Where the text stands against the server, announced politely as it changes. */
export function SaveStatus({ editing, editable }: { editing: DraftEditor; editable: boolean }) {
  const timeZone = usePaperZone();
  if (!editable) return null;
  return (
    <p class="save-status" role="status" aria-live="polite">
      {describe(editing, timeZone)}
    </p>
  );
}
