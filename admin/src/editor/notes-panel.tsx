import { useState } from 'preact/hooks';
import { newsroom } from '../api/newsroom.js';
import type { Note, SessionUser } from '../api/types.js';
import { When } from '../components/status.js';
import { messageOf } from '../components/use-load.js';

interface NotesPanelProps {
  articleId: number;
  notes: Note[];
  user: SessionUser;
  canNote: boolean;
}

/** Internal notes between colleagues; readers never see them. */
export function NotesPanel({ articleId, notes: initial, user, canNote }: NotesPanelProps) {
  const [notes, setNotes] = useState(initial);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!canNote && notes.length === 0) return null;

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const note = await newsroom.addNote(articleId, text);
      setNotes((current) => [...current, note]);
      setText('');
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };
  const author = (note: Note) =>
    note.userId === user.id ? 'You' : (note.name ?? 'A former colleague');

  return (
    <section class="panel" aria-labelledby="notes-heading">
      <h2 id="notes-heading">Notes</h2>
      {notes.length === 0 ? (
        <p class="empty">No notes yet.</p>
      ) : (
        <ul class="plain-list notes">
          {notes.map((note) => (
            <li key={note.id}>
              <p class="meta">
                {author(note)}, <When at={note.createdAt} />
              </p>
              <p>{note.text}</p>
            </li>
          ))}
        </ul>
      )}
      {canNote && (
        <form onSubmit={(event) => void submit(event)}>
          {error && (
            <p class="form-error" role="alert">
              {error}
            </p>
          )}
          <label for="note-text">New note</label>
          <textarea
            id="note-text"
            rows={2}
            required
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
          />
          <button type="submit" disabled={busy || !text.trim()}>
            Add note
          </button>
        </form>
      )}
    </section>
  );
}
