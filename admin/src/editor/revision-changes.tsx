import type { DiffParagraph, DiffPart, FieldChange } from '../api/types.js';
import { newsroom } from '../api/newsroom.js';
import { useLoad } from '../components/use-load.js';

/** Unchanged paragraphs shown around a change, so the reader sees where it is. */
const CONTEXT = 1;

/** One run of text: <ins> and <del> carry words a screen reader says, not only colour. */
function Part({ part }: { part: DiffPart }) {
  if (part.op === 'same') return <>{part.text}</>;
  const Tag = part.op === 'added' ? 'ins' : 'del';
  return (
    <Tag>
      <span class="visually-hidden">[{part.op === 'added' ? 'added' : 'removed'}: </span>
      {part.text}
      <span class="visually-hidden">]</span>
    </Tag>
  );
}

const PARAGRAPH_NOTES: Record<DiffParagraph['op'], string> = {
  same: '',
  changed: '',
  added: 'New paragraph',
  removed: 'Paragraph removed',
};

/** The paragraphs to show: changes with a little context; long unchanged stretches counted. */
function shownParagraphs(paragraphs: DiffParagraph[]) {
  const near = (i: number) =>
    paragraphs
      .slice(Math.max(0, i - CONTEXT), i + CONTEXT + 1)
      .some((paragraph) => paragraph.op !== 'same');
  const shown: (DiffParagraph | number)[] = [];
  paragraphs.forEach((paragraph, i) => {
    if (near(i)) return shown.push(paragraph);
    const last = shown.at(-1);
    if (typeof last === 'number') shown[shown.length - 1] = last + 1;
    else shown.push(1);
  });
  return shown;
}

function FieldChangeView({ change }: { change: FieldChange }) {
  return (
    <section class="field-change" aria-label={change.label}>
      <h3>{change.label}</h3>
      {change.paragraphs.length === 0 && <p class="muted">(empty)</p>}
      {shownParagraphs(change.paragraphs).map((paragraph, index) =>
        typeof paragraph === 'number' ? (
          <p key={index} class="muted unchanged-count">
            {paragraph === 1 ? '1 unchanged paragraph' : `${paragraph} unchanged paragraphs`}
          </p>
        ) : (
          <p key={index} class={`diff-paragraph ${paragraph.op}`}>
            {change.field === 'body' && PARAGRAPH_NOTES[paragraph.op] && (
              <span class="paragraph-note">{PARAGRAPH_NOTES[paragraph.op]}: </span>
            )}
            {paragraph.parts.map((part, i) => (
              <Part key={i} part={part} />
            ))}
          </p>
        ),
      )}
    </section>
  );
}

/** Every field that changed between two revisions, the text word by word. */
export function ChangesView({ changes }: { changes: FieldChange[] }) {
  if (changes.length === 0) return <p class="empty">The two revisions are the same.</p>;
  return (
    <div class="diff" aria-label="Differences">
      {changes.map((change) => (
        <FieldChangeView key={change.field} change={change} />
      ))}
    </div>
  );
}

/** Loads and shows what changed between revisions `from` and `to` of an article. */
export function RevisionChanges(props: { articleId: number; from: number; to: number }) {
  const { articleId, from, to } = props;
  const [diff] = useLoad(() => newsroom.diff(articleId, from, to), [articleId, from, to]);
  return (
    <>
      <p class="hint">
        <del>Struck through</del>: only in revision {from}. <ins>Underlined</ins>: only in revision{' '}
        {to}.
      </p>
      {diff.state === 'loading' && <p class="loading">Comparing…</p>}
      {diff.state === 'failed' && <p class="form-error">{diff.message}</p>}
      {diff.state === 'ready' && <ChangesView changes={diff.value.changes} />}
    </>
  );
}
