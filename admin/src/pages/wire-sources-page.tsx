/**
 * The wire's sources, for editors: each agency feed or drop folder with its health — last
 * success, last error and when, items brought last time, next poll — polled now, changed,
 * turned off or on, removed; and the form that adds one (or changes the one picked).
 */
import { useState } from 'preact/hooks';
import { settingsOf, wireSources, type WireSource } from '../api/wire-sources.js';
import { ActionMessage, LoadStatus } from '../components/form-parts.js';
import { usePageTitle } from '../components/page-title.js';
import { When } from '../components/status.js';
import { messageOf, useLoad } from '../components/use-load.js';
import { Link } from '../router.js';
import { KIND_LABELS, WireSourceForm } from './wire-source-form.js';

type Message = { text: string; failed: boolean };

const received = (source: WireSource) =>
  source.lastReceived === null
    ? '—'
    : source.lastReceived === 1
      ? '1 item'
      : `${source.lastReceived} items`;

/** The last error, marked as current while the source is backing off. */
function LastError({ source }: { source: WireSource }) {
  if (!source.lastError) return <span class="muted">None</span>;
  return (
    <>
      <span class={source.failures > 0 ? 'form-error' : undefined}>{source.lastError}</span> (
      <When at={source.lastErrorAt} />
      {source.failures > 1 && `, ${source.failures} in a row`})
    </>
  );
}

function SourceRow(props: {
  source: WireSource;
  onChange: () => void;
  onDone: (text: string) => void;
  onFailed: (text: string) => void;
}) {
  const { source } = props;
  const [busy, setBusy] = useState(false);
  const act = async (work: () => Promise<string | null>) => {
    setBusy(true);
    try {
      const done = await work();
      if (done) props.onDone(done);
    } catch (caught) {
      props.onFailed(messageOf(caught));
    }
    setBusy(false);
  };
  const pollNow = () =>
    act(async () => {
      const { source: polled } = await wireSources.pollNow(source.id);
      return polled.failures > 0
        ? `${source.name} could not be read: ${polled.lastError ?? ''}`
        : `${source.name} polled: ${received(polled)} new or updated.`;
    });
  const toggle = () =>
    act(async () => {
      await wireSources.change(source.id, { ...settingsOf(source), enabled: !source.enabled });
      return source.enabled ? `${source.name} is turned off.` : `${source.name} is turned on.`;
    });
  const remove = () =>
    act(async () => {
      if (!window.confirm(`Remove the source ${source.name}? Its items stay on the wire.`))
        return null;
      await wireSources.remove(source.id);
      return `${source.name} is removed.`;
    });
  return (
    <tr>
      <th scope="row" data-label="Source">
        {source.name}
        {!source.enabled && ' (off)'}
        <br />
        <span class="muted">
          {KIND_LABELS[source.kind]} · {source.agency} · {source.location} · every{' '}
          {source.intervalMinutes} min
        </span>
      </th>
      <td data-label="Last success">
        <When at={source.lastSuccessAt} />
      </td>
      <td data-label="Items last time">{received(source)}</td>
      <td data-label="Last error">
        <LastError source={source} />
      </td>
      <td data-label="Next poll">{source.enabled ? <When at={source.nextPollAt} /> : '—'}</td>
      <td data-label="Actions" class="actions">
        <button type="button" disabled={busy || !source.enabled} onClick={() => void pollNow()}>
          {busy ? 'Working…' : 'Poll now'}
        </button>
        <button type="button" disabled={busy} onClick={props.onChange}>
          Change
        </button>
        <button type="button" disabled={busy} onClick={() => void toggle()}>
          {source.enabled ? 'Turn off' : 'Turn on'}
        </button>
        <button type="button" class="danger" disabled={busy} onClick={() => void remove()}>
          Remove
        </button>
      </td>
    </tr>
  );
}

export function WireSourcesPage() {
  usePageTitle('Wire sources');
  const [loaded, reload] = useLoad(() => wireSources.list(), []);
  const [message, setMessage] = useState<Message | null>(null);
  const [changing, setChanging] = useState<WireSource | null>(null);
  const done = (text: string) => {
    setMessage({ text, failed: false });
    setChanging(null);
    reload();
  };
  const failed = (text: string) => setMessage({ text, failed: true });
  const list = loaded.state === 'ready' ? loaded.value : null;
  return (
    <>
      <h1>Wire sources</h1>
      <p>
        The agency feeds and drop folders that fill the <Link href="/wire">Wire</Link>. Each is read
        every so many minutes; a source that fails is tried again less often until it works.
      </p>
      <ActionMessage message={message} />
      <LoadStatus loaded={loaded} />
      {list &&
        (list.sources.length === 0 ? (
          <p>No sources yet.</p>
        ) : (
          <table class="wire-sources">
            <caption>Sources and their health</caption>
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col">Last success</th>
                <th scope="col">Items last time</th>
                <th scope="col">Last error</th>
                <th scope="col">Next poll</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {list.sources.map((source) => (
                <SourceRow
                  key={`${source.id}-${source.nextPollAt}-${String(source.enabled)}`}
                  source={source}
                  onChange={() => setChanging(source)}
                  onDone={done}
                  onFailed={failed}
                />
              ))}
            </tbody>
          </table>
        ))}
      {list && (
        <WireSourceForm
          key={changing?.id ?? 'new'}
          source={changing}
          interval={list.intervalMinutes}
          onSaved={(source) =>
            done(
              changing
                ? `${source.name} is saved; it is read again within a minute.`
                : `${source.name} is added; it is read within a minute.`,
            )
          }
          onCancel={() => setChanging(null)}
        />
      )}
    </>
  );
}
