import type { DraftEditor } from './use-draft.js';

const clock = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

function describe(editing: DraftEditor): string {
  if (editing.saving) return 'Saving…';
  if (editing.conflict) return 'Not saved: someone else saved first';
  if (editing.dirty) return 'Unsaved changes';
  if (editing.savedAt && editing.notYetLive)
    return `${editing.lastSaveKind === 'autosave' ? 'Autosaved' : 'Saved'} — not yet live (revision ${editing.revision})`;
  if (editing.savedAt)
    return `${editing.lastSaveKind === 'autosave' ? 'Autosaved' : 'Saved'} at ${clock.format(editing.savedAt)} (revision ${editing.revision})`;
  return editing.revision > 0 ? `All changes saved (revision ${editing.revision})` : 'No changes';
}

/** Where the text stands against the server, announced politely as it changes. */
export function SaveStatus({ editing, editable }: { editing: DraftEditor; editable: boolean }) {
  if (!editable) return null;
  return (
    <p class="save-status" role="status" aria-live="polite">
      {describe(editing)}
    </p>
  );
}
