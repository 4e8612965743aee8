import { useState } from 'preact/hooks';
import { newsroom } from '../api/newsroom.js';
import type { Correction } from '../api/types.js';
import { When } from '../components/status.js';
import { messageOf } from '../components/use-load.js';

interface CorrectionsPanelProps {
  articleId: number;
  corrections: Correction[];
  canCorrect: boolean;
  onAdded: () => void;
}

/** Corrections and clarifications printed, dated, at the foot of the published article. */
export function CorrectionsPanel({
  articleId,
  corrections,
  canCorrect,
  onAdded,
}: CorrectionsPanelProps) {
  const [kind, setKind] = useState<Correction['kind']>('correction');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!canCorrect && corrections.length === 0) return null;

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await newsroom.correct(articleId, kind, text);
      setText('');
      onAdded();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel" aria-labelledby="corrections-heading">
      <h2 id="corrections-heading">Corrections</h2>
      {corrections.length > 0 && (
        <ul class="plain-list">
          {corrections.map((c) => (
            <li key={c.id}>
              <strong>{c.kind === 'correction' ? 'Correction' : 'Clarification'}</strong> (
              <When at={c.createdAt} />
              ): {c.text}
            </li>
          ))}
        </ul>
      )}
      {canCorrect && (
        <form onSubmit={(event) => void submit(event)}>
          {error && (
            <p class="form-error" role="alert">
              {error}
            </p>
          )}
          <label for="correction-kind">Kind</label>
          <select
            id="correction-kind"
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as Correction['kind'])}
          >
            <option value="correction">Correction</option>
            <option value="clarification">Clarification</option>
          </select>
          <label for="correction-text">What was corrected</label>
          <textarea
            id="correction-text"
            rows={3}
            required
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
          />
          <button type="submit" disabled={busy || !text.trim()}>
            Add correction
          </button>
        </form>
      )}
    </section>
  );
}
