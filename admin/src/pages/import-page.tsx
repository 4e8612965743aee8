/**
 * Import, for editors: a file from another system (a WordPress or Ghost export, our article
 * JSON, or an agency's copy) chosen or dropped, sent with a progress bar, then imported by the
 * server in the background while a second bar shows how far it has read; then the report. The
 * recent imports below, with who started them and what came of each.
 */
import { useRef, useState } from 'preact/hooks';
import { imports, type ImportRun } from '../api/imports.js';
import { fileSize } from '../components/file-size.js';
import { usePageTitle } from '../components/page-title.js';
import { When } from '../components/status.js';
import { DropTarget } from '../components/drop-target.js';
import { messageOf, useLoad } from '../components/use-load.js';
import { currentCsrfToken } from '../media/upload-photo.js';
import { Link, navigate } from '../router.js';
import { countsLine, ImportRunPanel, STATUS_LABELS } from './import-run-panel.js';

type Sending = { name: string; fraction: number };

/** Sends one file; once the server has it, the page follows the run it started. */
function useSend(maxBytes: number | null, onStarted: (run: ImportRun) => void) {
  const [sending, setSending] = useState<Sending | null>(null);
  const [error, setError] = useState<string | null>(null);
  const send = async (file: File | undefined) => {
    if (!file || sending) return;
    setError(null);
    if (maxBytes !== null && file.size > maxBytes) {
      setError(`${file.name} is larger than ${fileSize(maxBytes)}, the most an import may be.`);
      return;
    }
    setSending({ name: file.name, fraction: 0 });
    try {
      const run = await imports.upload(file, await currentCsrfToken(), (fraction) =>
        setSending({ name: file.name, fraction }),
      );
      onStarted(run);
    } catch (caught) {
      setError(messageOf(caught));
    }
    setSending(null);
  };
  return { sending, error, send };
}

function UploadPanel(props: { maxBytes: number | null; onStarted: (run: ImportRun) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const { sending, error, send } = useSend(props.maxBytes, props.onStarted);
  const percent = sending ? Math.round(sending.fraction * 100) : 0;
  return (
    <section class="upload-zone" aria-labelledby="import-upload-title">
      <DropTarget onFiles={(files) => void send(files[0])}>
        <h2 id="import-upload-title" class="upload-title">
          Import a file
        </h2>
        <p class="hint" id="import-hint">
          Drop a file here, or choose one: a WordPress export (WXR), a Ghost export, Dateline
          article JSON, or agency copy (RSS, Atom, NewsML-G2, NITF, ninjs).
          {props.maxBytes !== null && ` At most ${fileSize(props.maxBytes)}.`}
        </p>
        <button
          type="button"
          aria-describedby="import-hint"
          disabled={sending !== null}
          onClick={() => input.current?.click()}
        >
          Choose a file
        </button>
        <input
          ref={input}
          id="import-file"
          type="file"
          accept=".xml,.json,.rss,.atom,application/xml,application/json,text/xml"
          hidden
          onChange={(event) => {
            void send(event.currentTarget.files?.[0]);
            event.currentTarget.value = '';
          }}
        />
      </DropTarget>
      {sending && (
        <div class="import-progress">
          <progress max={100} value={percent} aria-label={`Upload of ${sending.name}`}>
            {percent}%
          </progress>
          <span>
            {sending.name}: {percent < 100 ? `${percent}% sent` : 'checking the file…'}
          </span>
        </div>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function RecentImports({ runs, current }: { runs: ImportRun[]; current: number | null }) {
  if (runs.length === 0) return <p>No imports yet.</p>;
  return (
    <table class="imports">
      <caption>Recent imports</caption>
      <thead>
        <tr>
          <th scope="col">File</th>
          <th scope="col">Started</th>
          <th scope="col">By</th>
          <th scope="col">Status</th>
          <th scope="col">Outcome</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => (
          <tr key={run.id}>
            <th scope="row" data-label="File">
              <Link
                href={`/import?run=${run.id}`}
                aria-current={run.id === current ? 'true' : undefined}
              >
                {run.fileName}
              </Link>
              <br />
              <span class="muted">
                {run.formatName} · {fileSize(run.sizeBytes)}
              </span>
            </th>
            <td data-label="Started">
              <When at={run.startedAt} />
            </td>
            <td data-label="By">{run.startedBy.name ?? '—'}</td>
            <td data-label="Status">
              <span class={`status import-${run.status}`}>{STATUS_LABELS[run.status]}</span>
            </td>
            <td data-label="Outcome">{countsLine(run.counts)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ImportPage({ query }: { query: URLSearchParams }) {
  usePageTitle('Import');
  const [loaded, reload] = useLoad(() => imports.list(), []);
  const picked = Number(query.get('run'));
  const current = Number.isInteger(picked) && picked > 0 ? picked : null;
  const list = loaded.state === 'ready' ? loaded.value : null;
  const started = (run: ImportRun) => {
    navigate(`/import?run=${run.id}`);
    reload();
  };
  return (
    <>
      <h1>Import</h1>
      <p>
        Bring in an archive from another system, or a file of agency copy for the{' '}
        <Link href="/wire">Wire</Link>. The file is told by its content, not its name. Importing the
        same file again updates what changed and leaves the rest, so an import that was interrupted
        is finished by importing the file again.
      </p>
      <UploadPanel maxBytes={list?.maxBytes ?? null} onStarted={started} />
      {current !== null && <ImportRunPanel key={current} id={current} onEnd={reload} />}
      {loaded.state === 'failed' && <p class="form-error">{loaded.message}</p>}
      {list && <RecentImports runs={list.runs} current={current} />}
    </>
  );
}
