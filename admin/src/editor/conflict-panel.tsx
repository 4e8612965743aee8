import { useState } from 'preact/hooks';
import { newsroom } from '../api/newsroom.js';
import type { DeskArticle } from '../api/types.js';
import { messageOf } from '../components/use-load.js';
import { hrefOf } from '../router.js';
import type { Conflict, ConflictChoices, ConflictingChange } from './use-draft.js';

interface ConflictPanelProps {
  articleId: number;
  conflict: Conflict;
  /** Replace the text in the editor with the newest revision. */
  onTakeTheirs: (article: DeskArticle) => void;
  /** Save the text in the editor again, merged with theirs, keeping the chosen versions. */
  onResolve: (choices: ConflictChoices) => Promise<unknown>;
}

const LABELS: Record<string, string> = {
  headline: 'Headline',
  standfirst: 'Standfirst',
  dateline: 'Dateline',
  body: 'Body',
  sectionId: 'Section',
  tags: 'Tags',
  bylines: 'Bylines',
  lead: 'Lead photo',
  signOff: 'Sign-off',
  slug: 'Slug',
  seoTitle: 'Search title',
  seoDescription: 'Search description',
  socialTitle: 'Social title',
  socialDescription: 'Social description',
  socialImageId: 'Social image',
};

/** The words in a piece of body JSON, a paragraph a line. */
function textOf(node: unknown): string {
  if (Array.isArray(node)) return node.map(textOf).join('\n');
  if (!node || typeof node !== 'object') return '';
  const { text, content } = node as { text?: unknown; content?: unknown };
  if (typeof text === 'string') return text;
  return Array.isArray(content) ? content.map(textOf).join('') : '';
}

/** A conflicting value as the writer reads it. */
function shown(change: ConflictingChange, value: unknown): string {
  if (change.field === 'body') return textOf(value) || '(paragraphs removed)';
  if (value === null || value === undefined || value === '') return '(empty)';
  if (Array.isArray(value)) return value.join(', ') || '(none)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const nameOf = (change: ConflictingChange) =>
  change.field === 'body'
    ? `Body, from paragraph ${(change.block ?? 0) + 1}`
    : (LABELS[change.field] ?? change.field);

/**
 * Someone else saved first and changed some of the same things. Both texts are safe on the
 * server: theirs is the current revision, this one is kept as a conflict revision. Everything
 * only one of them changed is merged; the writer chooses a version for each clash.
 */
export function ConflictPanel({
  articleId,
  conflict,
  onTakeTheirs,
  onResolve,
}: ConflictPanelProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [choices, setChoices] = useState<ConflictChoices>({});
  const compare = hrefOf(
    `/articles/${articleId}/history?from=${conflict.current}&to=${conflict.kept}`,
  );
  const chosen = conflict.conflicts.every((change) => choices[change.key]);

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
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
      {conflict.conflicts.length > 0 && (
        <p>
          You both changed the same {conflict.conflicts.length === 1 ? 'thing' : 'things'}: choose a
          version for each. Everything else either of you changed is kept.
        </p>
      )}
      {conflict.conflicts.map((change) => (
        <fieldset key={change.key} class="conflict-choice">
          <legend>{nameOf(change)}</legend>
          {(['theirs', 'yours'] as const).map((side) => (
            <label key={side}>
              <input
                type="radio"
                name={`conflict-${change.key}`}
                checked={choices[change.key] === side}
                onChange={() => setChoices({ ...choices, [change.key]: side })}
              />
              {side === 'theirs' ? 'Keep theirs: ' : 'Keep yours: '}
              <q>{shown(change, change[side])}</q>
            </label>
          ))}
        </fieldset>
      ))}
      {error && <p class="form-error">{error}</p>}
      <div class="actions">
        <a href={compare} target="_blank" rel="noopener">
          Compare revision {conflict.current} with your revision {conflict.kept}
        </a>
        <button
          type="button"
          disabled={busy || !chosen}
          onClick={() => void run(() => onResolve(choices))}
        >
          {conflict.conflicts.length ? 'Save with these choices' : 'Merge and save again'}
        </button>
        <button
          type="button"
          class="quiet"
          disabled={busy}
          onClick={() => void run(async () => onTakeTheirs(await newsroom.read(articleId)))}
        >
          Load their version
        </button>
      </div>
    </section>
  );
}
