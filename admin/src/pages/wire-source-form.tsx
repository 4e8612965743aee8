/** The form that adds a wire source: a feed's address or a drop folder, and how often to read it. */
import { useState } from 'preact/hooks';
import { wireSources, type WireSource, type WireSourceKind } from '../api/wire-sources.js';
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

/** Adds a source; it is polled for the first time straight away. */
export function NewWireSourceForm(props: {
  interval: { min: number; max: number };
  onAdded: (source: WireSource) => void;
}) {
  const [name, setName] = useState('');
  const [agency, setAgency] = useState('');
  const [kind, setKind] = useState<WireSourceKind>('feed');
  const [location, setLocation] = useState('');
  const [minutes, setMinutes] = useState('15');
  const fields = ['name', 'agency', 'kind', 'location', 'intervalMinutes'];
  const { errors, busy, submit } = useFormSubmit(fields, async () => {
    const intervalMinutes = Number(minutes);
    const settings = { name, agency, kind, location, intervalMinutes, enabled: true };
    const { source } = await wireSources.add(settings);
    props.onAdded(source);
    setName('');
    setLocation('');
  });
  const { min, max } = props.interval;
  return (
    <section aria-labelledby="new-source-heading">
      <h2 id="new-source-heading">Add a source</h2>
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
        <Field id="source-kind" label="Kind" error={errors.kind}>
          {(aria) => (
            <select
              {...aria}
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value as WireSourceKind)}
            >
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <LocationField kind={kind} value={location} error={errors.location} onInput={setLocation} />
        <Field
          id="source-interval"
          label="Poll every (minutes)"
          hint={`${min} to ${max}; after errors the wait doubles, up to six hours`}
          error={errors.intervalMinutes}
        >
          {(aria) => (
            <input
              {...aria}
              type="number"
              min={min}
              max={max}
              value={minutes}
              onInput={(e) => setMinutes(e.currentTarget.value)}
            />
          )}
        </Field>
        <FormActions busy={busy} label="Add source" busyLabel="Adding…" notice={null} />
      </form>
    </section>
  );
}
