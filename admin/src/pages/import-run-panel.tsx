/**
 * One import as it runs and once it has: a progress bar of the file read, the counts so far,
 * then the report — stories imported and updated (opening in the editor), wire items queued,
 * what was skipped or failed and why, and the featured photos that could not be fetched.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { imports, type ImportReport, type ImportRun } from '../api/imports.js';
import { fileSize } from '../components/file-size.js';
import { When } from '../components/status.js';
import { messageOf } from '../components/use-load.js';
import { Link } from '../router.js';

/** How often the page asks how far a running import has come. */
const POLL_MS = 1000;

export const STATUS_LABELS: Record<ImportRun['status'], string> = {
  running: 'Importing',
  finished: 'Finished',
  failed: 'Failed',
  interrupted: 'Interrupted',
};

/** The counts in a line, leaving out what did not happen. */
export function countsLine(counts: ImportRun['counts']): string {
  const parts = [
    counts.imported && `${counts.imported} imported`,
    counts.updated && `${counts.updated} updated`,
    counts.queued && `${counts.queued} queued on the wire`,
    counts.skipped && `${counts.skipped} skipped`,
    counts.failed && `${counts.failed} failed`,
    counts.missing && `${counts.missing} ${counts.missing === 1 ? 'photo' : 'photos'} missing`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'Nothing yet';
}

/** The run, read again every second while it is running. */
function useRun(id: number, onEnd: () => void): [ImportRun | null, string | null] {
  const [run, setRun] = useState<ImportRun | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = async () => {
      try {
        const { run: now } = await imports.read(id);
        if (!live) return;
        setRun(now);
        setError(null);
        if (now.status === 'running') timer = setTimeout(() => void read(), POLL_MS);
        else onEnd();
      } catch (caught) {
        if (!live) return;
        setError(messageOf(caught));
        timer = setTimeout(() => void read(), POLL_MS * 3);
      }
    };
    void read();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [id]);
  return [run, error];
}

/** Lists longer than this start folded: a large archive's report is mostly its imported list. */
const OPEN_UP_TO = 20;

function Entries<T>(props: {
  title: string;
  entries: T[];
  total: number;
  show: (entry: T) => ComponentChildren;
}) {
  if (props.total === 0) return null;
  const cut = props.total > props.entries.length;
  return (
    <details class="import-entries" open={props.total <= OPEN_UP_TO}>
      <summary>
        <h3>
          {props.title} ({props.total})
        </h3>
      </summary>
      <ul>
        {props.entries.map((entry, index) => (
          <li key={index}>{props.show(entry)}</li>
        ))}
      </ul>
      {cut && <p class="muted">The first {props.entries.length} are listed.</p>}
    </details>
  );
}

function ReportLists({ report, counts }: { report: ImportReport; counts: ImportRun['counts'] }) {
  // The story's address says what it is; the editor opens on the link.
  const story = (entry: { id: number; url: string }) => (
    <Link href={`/articles/${entry.id}`}>{entry.url}</Link>
  );
  return (
    <>
      <Entries title="Imported" entries={report.imported} total={counts.imported} show={story} />
      <Entries title="Updated" entries={report.updated} total={counts.updated} show={story} />
      <Entries
        title="Queued on the wire"
        entries={report.queued}
        total={counts.queued}
        show={(entry) => (
          <Link href={`/wire?item=${entry.id}`}>
            Wire item {entry.id}
            {entry.updated && ' (a newer version)'}
          </Link>
        )}
      />
      <Entries
        title="Failed"
        entries={report.failed}
        total={counts.failed}
        show={(entry) => (
          <>
            <strong>{String(entry.item)}</strong>: {entry.error}
          </>
        )}
      />
      <Entries
        title="Photos missing"
        entries={report.missing}
        total={counts.missing}
        show={(entry) => (
          <>
            <strong>{entry.item}</strong>: <span class="import-url">{entry.url}</span> (
            {entry.error})
          </>
        )}
      />
      <Entries
        title="Skipped"
        entries={report.skipped}
        total={counts.skipped}
        show={(entry) => (
          <>
            <strong>{entry.item}</strong>: {entry.reason}
          </>
        )}
      />
    </>
  );
}

/**
 * Where the run stands: the progress bar while running, what stopped it otherwise. Before its
 * first story is read the bar moves without a value: a WordPress export is first read through
 * once for its authors and photos, minutes for a gigabyte, and a bar at 0 would look stuck.
 */
function RunState({ run }: { run: ImportRun }) {
  const percent = run.sizeBytes > 0 ? Math.round((run.bytesRead / run.sizeBytes) * 100) : 0;
  const reading = run.bytesRead > 0;
  return (
    <>
      {run.status === 'running' && (
        <div class="import-progress">
          <progress
            max={100}
            value={reading ? percent : undefined}
            aria-label={`Import of ${run.fileName}`}
          >
            {reading ? `${percent}%` : 'Preparing'}
          </progress>
          <span>
            {reading
              ? `${fileSize(run.bytesRead)} of ${fileSize(run.sizeBytes)} read`
              : `Preparing: looking through ${fileSize(run.sizeBytes)} for authors and photos`}
          </span>
        </div>
      )}
      <p role="status">{countsLine(run.counts)}.</p>
      {run.status === 'interrupted' && (
        <p class="form-error">
          The server stopped before this import finished. Import the same file again to finish it:
          what is already in is skipped, the rest is imported.
        </p>
      )}
      {run.status === 'failed' && <p class="form-error">The import stopped: {run.error}</p>}
    </>
  );
}

export function ImportRunPanel({ id, onEnd }: { id: number; onEnd: () => void }) {
  const [run, error] = useRun(id, onEnd);
  if (!run)
    return error ? <p class="form-error">{error}</p> : <p class="loading">Loading the import…</p>;
  return (
    <section class="panel import-run" aria-labelledby="import-run-title">
      <h2 id="import-run-title">
        {run.fileName}: {STATUS_LABELS[run.status].toLowerCase()}
      </h2>
      <p class="muted">
        {run.formatName} · {fileSize(run.sizeBytes)} · started <When at={run.startedAt} /> by{' '}
        {run.startedBy.name ?? 'a former colleague'}
        {run.finishedAt && (
          <>
            {' '}
            · ended <When at={run.finishedAt} />
          </>
        )}
      </p>
      <RunState run={run} />
      {error && <p class="form-error">{error}</p>}
      {run.report && <ReportLists report={run.report} counts={run.counts} />}
    </section>
  );
}
