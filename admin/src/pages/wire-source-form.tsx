/** The form that adds or changes a wire source: a feed's address or a drop folder, and how often. */
import { useEffect, useState } from 'preact/hooks';
import {
  settingsOf,
  wireSources,
  type WireSource,
  type WireSourceKind,
  type WireSourceSettings,
} from '../api/wire-sources.js';
import { Field } from '../components/field.js';
import { FormActions, FormError } from '../components/form-parts.js';
import { useFormSubmit } from '../components/form-submit.js';

/** What each kind is called on the desk, in the order the form offers them. */
export const KIND_LABELS: Record<WireSourceKind, string> = {
  feed: 'RSS or Atom feed',
  'newsml-g2': 'NewsML-G2 over HTTP',
  nitf: 'NITF over HTTP',
  ninjs: 'ninjs over HTTP',
  'drop-folder': 'Drop folder on the server',
};

const KINDS = Object.keys(KIND_LABELS) as WireSourceKind[];

function LocationField(props: {
  kind: WireSourceKind;
  value: string;
  error: string | undefined;
  onInput: (value: string) => void;
}) {
  const folder = props.kind === 'drop-folder';
  return (
    <Field
      id="source-location"
      label={folder ? 'Folder' : 'Address'}
      hint={
        folder
          ? 'A folder inside the server’s wire drop folder (WIRE_DROP_ROOT), e.g. reuters. Files read are moved to done/ or failed/ inside it.'
          : 'The http:// or https:// address the agency gave you'
      }
      error={props.error}
    >
      {(aria) => (
        <input
          {...aria}
          type={folder ? 'text' : 'url'}
          value={props.value}
          onInput={(event) => props.onInput(event.currentTarget.value)}
        />
      )}
    </Field>
  );
}

function KindField(props: {
  value: WireSourceKind;
  error: string | undefined;
  onChange: (kind: WireSourceKind) => void;
}) {
  return (
    <Field id="source-kind" label="Kind" error={props.error}>
      {(aria) => (
        <select
          {...aria}
          value={props.value}
          onChange={(e) => props.onChange(e.currentTarget.value as WireSourceKind)}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function IntervalField(props: {
  interval: { min: number; max: number };
  value: string;
  error: string | undefined;
  onInput: (value: string) => void;
}) {
  const { min, max } = props.interval;
  return (
    <Field
      id="source-interval"
      label="Poll every (minutes)"
      hint={`${min} to ${max}; after errors the wait doubles, up to six hours`}
      error={props.error}
    >
      {(aria) => (
        <input
          {...aria}
          type="number"
          min={min}
          max={max}
          value={props.value}
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
      )}
    </Field>
  );
}

const BLANK: WireSourceSettings = {
  name: '',
  agency: '',
  kind: 'feed',
  location: '',
  intervalMinutes: 15,
  enabled: true,
};

/**
 * Adds a source, or changes the one given (`source`); either way it is polled straight away.
 * Refusals show under the field the server names.
 */
export function WireSourceForm(props: {
  source: WireSource | null;
  interval: { min: number; max: number };
  onSaved: (source: WireSource) => void;
  onCancel: () => void;
}) {
  const initial = props.source ? settingsOf(props.source) : BLANK;
  const [name, setName] = useState(initial.name);
  const [agency, setAgency] = useState(initial.agency);
  const [kind, setKind] = useState<WireSourceKind>(initial.kind);
  const [location, setLocation] = useState(initial.location);
  const [minutes, setMinutes] = useState(String(initial.intervalMinutes));
  const fields = ['name', 'agency', 'kind', 'location', 'intervalMinutes'];
  const { errors, busy, submit } = useFormSubmit(fields, async () => {
    const intervalMinutes = Number(minutes);
    const settings = { name, agency, kind, location, intervalMinutes, enabled: initial.enabled };
    const { source } = props.source
      ? await wireSources.change(props.source.id, settings)
      : await wireSources.add(settings);
    props.onSaved(source);
    if (props.source) return;
    setName('');
    setLocation('');
  });
  const heading = props.source ? `Change ${props.source.name}` : 'Add a source';
  // Change was pressed in a row above: the form takes the focus, so the desk sees where it went.
  useEffect(() => {
    if (props.source) document.getElementById('source-name')?.focus();
  }, [props.source]);
  return (
    <section aria-labelledby="source-form-heading">
      <h2 id="source-form-heading">{heading}</h2>
      <form onSubmit={submit} noValidate>
        <FormError message={errors.form} />
        <Field id="source-name" label="Name" hint="What the desk calls it" error={errors.name}>
          {(aria) => (
            <input {...aria} value={name} onInput={(e) => setName(e.currentTarget.value)} />
          )}
        </Field>
        <Field
          id="source-agency"
          label="Agency"
          hint="The sign-off for its copy when an item names no agency, e.g. Reuters"
          error={errors.agency}
        >
          {(aria) => (
            <input {...aria} value={agency} onInput={(e) => setAgency(e.currentTarget.value)} />
          )}
        </Field>
        <KindField value={kind} error={errors.kind} onChange={setKind} />
        <LocationField kind={kind} value={location} error={errors.location} onInput={setLocation} />
        <IntervalField
          interval={props.interval}
          value={minutes}
          error={errors.intervalMinutes}
          onInput={setMinutes}
        />
        <FormActions
          busy={busy}
          label={props.source ? 'Save source' : 'Add source'}
          busyLabel="Saving…"
          notice={null}
        />
        {props.source && (
          <button type="button" class="quiet" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </form>
    </section>
  );
}
