import { useState } from 'preact/hooks';
import { newsroom } from '../api/newsroom.js';
import type { Revision, RevisionKind } from '../api/types.js';
import { When } from '../components/status.js';
import { messageOf, useLoad } from '../components/use-load.js';
import { RevisionChanges } from '../editor/revision-changes.js';
import { Link, navigate } from '../router.js';
import { useUser } from '../session.js';
import { usePageTitle } from '../components/page-title.js';
import { useConfirm } from '../components/confirm-dialog.js';

const KIND_LABELS: Record<RevisionKind, string> = {
  save: 'Saved',
  autosave: 'Autosaved',
  conflict: 'Conflict (kept, not current)',
  restore: 'Restored',
  scheduled: 'Scheduled update went live',
};

interface ComparisonProps {
  articleId: number;
  from: number;
  to: number;
}

function Comparison({ articleId, from, to }: ComparisonProps) {
  return (
    <section class="panel" aria-labelledby="diff-heading">
      <h2 id="diff-heading">
        Revision {from} → revision {to}
      </h2>
      <RevisionChanges articleId={articleId} from={from} to={to} />
    </section>
  );
}

function RevisionRows(props: {
  revisions: Revision[];
  current: number;
  from: number;
  to: number;
  canRestore: boolean;
  onPick: (which: 'from' | 'to', number: number) => void;
  onRestore: (number: number) => void;
}) {
  const user = useUser();
  return (
    <table class="revisions">
      <caption class="visually-hidden">Revisions, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Revision</th>
          <th scope="col">Kind</th>
          <th scope="col">By</th>
          <th scope="col">When</th>
          <th scope="col">From</th>
          <th scope="col">To</th>
          {props.canRestore && <th scope="col">Restore</th>}
        </tr>
      </thead>
      <tbody>
        {props.revisions.map((r) => (
          <tr key={r.number} class={r.kind === 'conflict' ? 'conflict-row' : undefined}>
            <th scope="row" data-label="Revision">
              {r.number}
              {r.number === props.current && ' (current)'}
            </th>
            <td data-label="Kind">
              {KIND_LABELS[r.kind]}
              {r.basedOn !== null && r.kind === 'conflict' && `, based on ${r.basedOn}`}
            </td>
            <td data-label="By">
              {r.userId === null
                ? 'Import'
                : r.userId === user.id
                  ? 'You'
                  : (r.name ?? 'A former colleague')}
            </td>
            <td data-label="When">
              <When at={r.createdAt} />
            </td>
            <td data-label="From">
              <input
                type="radio"
                name="from"
                aria-label={`Compare from revision ${r.number}`}
                checked={props.from === r.number}
                onChange={() => props.onPick('from', r.number)}
              />
            </td>
            <td data-label="To">
              <input
                type="radio"
                name="to"
                aria-label={`Compare to revision ${r.number}`}
                checked={props.to === r.number}
                onChange={() => props.onPick('to', r.number)}
              />
            </td>
            {props.canRestore && (
              <td>
                {r.number !== props.current && (
                  <button type="button" onClick={() => props.onRestore(r.number)}>
                    Restore revision {r.number}
                  </button>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Every revision of an article, a diff between any two, and bringing one back. */
export function HistoryPage({ id, query }: { id: number; query: URLSearchParams }) {
  usePageTitle('Revision history');
  const [data] = useLoad(() => Promise.all([newsroom.revisions(id), newsroom.read(id)]), [id]);
  const [picked, setPicked] = useState<{ from?: number; to?: number }>({});
  const [error, setError] = useState<string | null>(null);
  const { ask, dialog } = useConfirm();

  if (data.state === 'loading') return <p class="loading">Loading…</p>;
  if (data.state !== 'ready')
    return <p class="form-error">{data.state === 'failed' ? data.message : 'No history.'}</p>;
  const [list, article] = data.value;
  const numbers = list.revisions.map((r) => r.number);
  const param = (name: string) => (query.get(name) ? Number(query.get(name)) : undefined);
  const to = picked.to ?? param('to') ?? list.current;
  const from = picked.from ?? param('from') ?? numbers.find((n) => n < to) ?? to;

  const restore = async (number: number) => {
    const live = article.status === 'published';
    const confirmed = await ask({
      heading: `Restore revision ${number} of “${article.draft.headline || 'Untitled'}”?`,
      message: live
        ? 'It becomes the story’s next version; readers see it only once the changes are published.'
        : 'It becomes the newest revision; the revisions after it stay in the history.',
      confirmLabel: 'Yes, restore it',
    });
    if (!confirmed) return;
    setError(null);
    try {
      await newsroom.restore(id, number, list.current);
      navigate(`/articles/${id}`);
    } catch (caught) {
      setError(messageOf(caught));
    }
  };

  return (
    <>
      <p>
        <Link href={`/articles/${id}`}>← Back to the article</Link>
      </p>
      <h1>History of “{article.draft.headline}”</h1>
      {article.status === 'published' && (
        <p class="hint">
          This story is live: a restored revision becomes its next version, and readers see it only
          once the changes are published.
        </p>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <RevisionRows
        revisions={list.revisions}
        current={list.current}
        from={from}
        to={to}
        canRestore={article.allowedActions.includes('restore')}
        onPick={(which, number) => setPicked((p) => ({ from, to, ...p, [which]: number }))}
        onRestore={(number) => void restore(number)}
      />
      {dialog}
      {from !== to && <Comparison articleId={id} from={from} to={to} />}
    </>
  );
}
