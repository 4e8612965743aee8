/** The parts of the settings form: masthead, time, Hijri date and weather fields. */
import type { EmbedProviderEntry } from '../api/embeds.js';
import type { HijriCalendar, WeatherSettings } from '../api/types.js';
import { Field } from '../components/field.js';

export const CALENDARS: { value: HijriCalendar; label: string }[] = [
  { value: 'islamic-umalqura', label: 'Umm al-Qura' },
  { value: 'islamic-civil', label: 'Civil (tabular)' },
  { value: 'none', label: 'No Hijri date' },
];

const ADJUSTMENTS = [-2, -1, 0, 1, 2];

const HIJRI_MONTHS = [
  'Muharram',
  'Safar',
  'Rabi al-Awwal',
  'Rabi al-Thani',
  'Jumada al-Ula',
  'Jumada al-Akhirah',
  'Rajab',
  'Shaban',
  'Ramadan',
  'Shawwal',
  'Dhu al-Qadah',
  'Dhu al-Hijjah',
];

export type Provider = WeatherSettings['provider'] | '';

const PROVIDERS: { value: Provider; label: string }[] = [
  { value: '', label: 'No weather box' },
  { value: 'open-meteo', label: 'Open-Meteo' },
  { value: 'openweathermap', label: 'OpenWeatherMap' },
  { value: 'none', label: 'None (keep the place, no forecast)' },
];

/** What the form edits: numbers as typed, so a half-typed value is not lost. */
export interface Form {
  name: string;
  tagline: string;
  editorInChief: string;
  timezone: string;
  locale: string;
  calendar: HijriCalendar;
  adjustDays: number;
  overrides: { key: number; year: string; month: string; startsOn: string }[];
  provider: Provider;
  label: string;
  lat: string;
  lon: string;
  /** The embed providers the editor-in-chief allows, by id. */
  allowedProviders: EmbedProviderEntry['id'][];
  /** Feeds carry whole stories (else summaries). */
  feedsFullText: boolean;
}

let nextKey = 1;

/** A key for a new override row, so rows keep their identity when one is removed. */
export const newKey = () => nextKey++;

/** What each part of the form is given: the values, a way to change them, and the errors. */
export interface Part {
  form: Form;
  set: (changes: Partial<Form>) => void;
  error: (field: string) => string | undefined;
}

type TextName = 'name' | 'tagline' | 'editorInChief' | 'timezone' | 'locale' | 'label';

interface TextFieldProps {
  part: Part;
  id: string;
  name: TextName;
  label: string;
  hint?: string;
  /** The field's name in the server's errors, when not the form's. */
  field?: string;
}

export function TextField({ part, id, name, label, hint, field = name }: TextFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={part.error(field)}>
      {(aria) => (
        <input
          {...aria}
          type="text"
          value={part.form[name]}
          onInput={(event) => part.set({ [name]: event.currentTarget.value })}
        />
      )}
    </Field>
  );
}

type Override = Form['overrides'][number];

function OverrideRow({ part, o, index }: { part: Part; o: Override; index: number }) {
  const { form, set, error } = part;
  const change = (changes: Partial<Override>) =>
    set({ overrides: form.overrides.map((x) => (x.key === o.key ? { ...x, ...changes } : x)) });
  const at = `hijri.monthStartOverrides[${index}]`;
  const n = index + 1;
  return (
    <div class="field-row" role="group" aria-label={`Override ${n}`}>
      <Field id={`override-${o.key}-year`} label="Hijri year" error={error(`${at}.year`)}>
        {(aria) => (
          <input
            {...aria}
            type="number"
            inputMode="numeric"
            value={o.year}
            onInput={(event) => change({ year: event.currentTarget.value })}
          />
        )}
      </Field>
      <Field id={`override-${o.key}-month`} label="Month" error={error(`${at}.month`)}>
        {(aria) => (
          <select
            {...aria}
            value={o.month}
            onChange={(event) => change({ month: event.currentTarget.value })}
          >
            {HIJRI_MONTHS.map((month, i) => (
              <option key={month} value={String(i + 1)}>
                {i + 1}. {month}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`override-${o.key}-starts`} label="Starts on" error={error(`${at}.startsOn`)}>
        {(aria) => (
          <input
            {...aria}
            type="date"
            value={o.startsOn}
            onInput={(event) => change({ startsOn: event.currentTarget.value })}
          />
        )}
      </Field>
      <button
        type="button"
        class="quiet"
        onClick={() => set({ overrides: form.overrides.filter((x) => x.key !== o.key) })}
      >
        Remove override {n}
      </button>
    </div>
  );
}

export function HijriFields({ part }: { part: Part }) {
  const { form, set, error } = part;
  return (
    <fieldset>
      <legend>Hijri date</legend>
      <Field id="settings-calendar" label="Hijri calendar" error={error('hijri.calendar')}>
        {(aria) => (
          <select
            {...aria}
            value={form.calendar}
            onChange={(event) => set({ calendar: event.currentTarget.value as HijriCalendar })}
          >
            {CALENDARS.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="settings-adjust"
        label="Hijri day adjustment"
        hint="Days added to the calculated date, to follow the local moon sighting."
        error={error('hijri.adjustDays')}
      >
        {(aria) => (
          <select
            {...aria}
            value={String(form.adjustDays)}
            onChange={(event) => set({ adjustDays: Number(event.currentTarget.value) })}
          >
            {ADJUSTMENTS.map((days) => (
              <option key={days} value={String(days)}>
                {days > 0 ? `+${days}` : String(days)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset class="overrides">
        <legend>Month-start overrides</legend>
        {form.overrides.length === 0 && <p class="hint">No overrides.</p>}
        {form.overrides.map((o, index) => (
          <OverrideRow key={o.key} part={part} o={o} index={index} />
        ))}
        <button
          type="button"
          onClick={() =>
            set({
              overrides: [...form.overrides, { key: newKey(), year: '', month: '1', startsOn: '' }],
            })
          }
        >
          Add an override
        </button>
      </fieldset>
    </fieldset>
  );
}

export function WeatherFields({ part }: { part: Part }) {
  const { form, set, error } = part;
  const number = (id: string, name: 'lat' | 'lon', label: string) => (
    <Field id={id} label={label} error={error(`weather.${name}`)}>
      {(aria) => (
        <input
          {...aria}
          type="text"
          inputMode="decimal"
          value={form[name]}
          onInput={(event) => set({ [name]: event.currentTarget.value })}
        />
      )}
    </Field>
  );
  return (
    <fieldset>
      <legend>Weather</legend>
      <Field id="settings-provider" label="Weather provider" error={error('weather.provider')}>
        {(aria) => (
          <select
            {...aria}
            value={form.provider}
            onChange={(event) => set({ provider: event.currentTarget.value as Provider })}
          >
            {PROVIDERS.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {form.provider !== '' && (
        <>
          <TextField
            part={part}
            id="settings-weather-label"
            name="label"
            label="Weather label"
            hint="Such as MUSCAT."
            field="weather.label"
          />
          {number('settings-lat', 'lat', 'Latitude')}
          {number('settings-lon', 'lon', 'Longitude')}
        </>
      )}
    </fieldset>
  );
}

/** The masthead, and where and in what language the paper is. */
export function GeneralFields({ part }: { part: Part }) {
  return (
    <>
      <fieldset>
        <legend>Masthead</legend>
        <TextField part={part} id="settings-name" name="name" label="Publication name" />
        <TextField part={part} id="settings-tagline" name="tagline" label="Tagline" />
        <TextField
          part={part}
          id="settings-eic"
          name="editorInChief"
          label="Editor-in-chief"
          hint="As printed on the masthead."
        />
      </fieldset>
      <fieldset>
        <legend>Time and language</legend>
        <TextField
          part={part}
          id="settings-timezone"
          name="timezone"
          label="Time zone"
          hint="An IANA zone, such as Asia/Muscat."
        />
        <TextField
          part={part}
          id="settings-locale"
          name="locale"
          label="Locale"
          hint="A language tag, such as en or en-GB."
        />
      </fieldset>
    </>
  );
}

/** Whether feed readers get whole stories or summaries that send readers to the site. */
export function FeedFields({ part }: { part: Part }) {
  const { form, set } = part;
  return (
    <fieldset>
      <legend>Feeds</legend>
      <label>
        <input
          type="checkbox"
          checked={form.feedsFullText}
          onChange={(event) => set({ feedsFullText: event.currentTarget.checked })}
        />{' '}
        Full text in RSS, Atom and JSON feeds
      </label>
      <p class="hint">Untick to give feed readers only each story’s summary and a link.</p>
    </fieldset>
  );
}
