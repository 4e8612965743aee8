import { useState } from 'preact/hooks';
import { ApiError } from '../api/client.js';
import { newsroom } from '../api/newsroom.js';
import type { MonthStartOverride, PublicationSettings } from '../api/types.js';
import { errorFor } from '../components/field.js';
import { usePageTitle } from '../components/page-title.js';
import { useReloadPaperClock } from '../components/paper-clock.js';
import { messageOf, useLoad } from '../components/use-load.js';
import {
  FeedFields,
  GeneralFields,
  HijriFields,
  WeatherFields,
  newKey,
  type Form,
  type Part,
} from './settings-fields.js';
import { EmbedFields } from './settings-embed-fields.js';
import { FormActions, FormError } from '../components/form-parts.js';
import { ErrorSummary } from '../components/error-summary.js';
import type { SummaryField } from '../components/summary-fields.js';
import { withoutField } from '../components/form-submit.js';

function formOf(settings: PublicationSettings): Form {
  return {
    name: settings.name,
    tagline: settings.tagline,
    editorInChief: settings.editorInChief,
    timezone: settings.timezone,
    locale: settings.locale,
    calendar: settings.hijri.calendar,
    adjustDays: settings.hijri.adjustDays,
    overrides: settings.hijri.monthStartOverrides.map((o) => ({
      key: newKey(),
      year: String(o.year),
      month: String(o.month),
      startsOn: o.startsOn,
    })),
    provider: settings.weather?.provider ?? '',
    label: settings.weather?.label ?? '',
    lat: settings.weather ? String(settings.weather.lat) : '',
    lon: settings.weather ? String(settings.weather.lon) : '',
    allowedProviders: settings.embeds?.allowedProviders ?? [],
    feedsFullText: settings.feeds?.fullText ?? true,
  };
}

/** A number as typed; blank or not a number is sent as is for the server to name the field. */
const numberOf = (text: string): number => (text.trim() === '' ? NaN : Number(text));

function settingsOf(form: Form, loaded: PublicationSettings): PublicationSettings {
  const overrides: MonthStartOverride[] = form.overrides.map((o) => ({
    year: numberOf(o.year),
    month: numberOf(o.month),
    startsOn: o.startsOn,
  }));
  return {
    ...loaded,
    name: form.name,
    tagline: form.tagline,
    editorInChief: form.editorInChief,
    timezone: form.timezone,
    locale: form.locale,
    hijri: {
      ...loaded.hijri,
      calendar: form.calendar,
      adjustDays: form.adjustDays,
      monthStartOverrides: overrides,
    },
    weather:
      form.provider === ''
        ? null
        : {
            provider: form.provider,
            label: form.label,
            lat: numberOf(form.lat),
            lon: numberOf(form.lon),
          },
    embeds: { ...loaded.embeds, allowedProviders: form.allowedProviders },
    feeds: { ...loaded.feeds, fullText: form.feedsFullText },
  };
}

/** Fields the form shows; an error on anything else is shown above the form. */
const FORM_FIELDS = [
  'name',
  'tagline',
  'editorInChief',
  'timezone',
  'locale',
  'hijri',
  'weather',
  'embeds',
  'feeds',
];

/** The settings' fields as the error summary links to them; override rows by their position. */
function summaryFields(form: Form): SummaryField[] {
  const overrides = form.overrides.flatMap((o, index) => {
    const at = `hijri.monthStartOverrides[${index}]`;
    const which = `Override ${index + 1}`;
    return [
      { name: `${at}.year`, id: `override-${o.key}-year`, label: `${which}, Hijri year` },
      { name: `${at}.month`, id: `override-${o.key}-month`, label: `${which}, month` },
      { name: `${at}.startsOn`, id: `override-${o.key}-starts`, label: `${which}, starts on` },
    ];
  });
  return [
    { name: 'name', id: 'settings-name', label: 'Publication name' },
    { name: 'tagline', id: 'settings-tagline', label: 'Tagline' },
    { name: 'editorInChief', id: 'settings-eic', label: 'Editor-in-chief' },
    { name: 'timezone', id: 'settings-timezone', label: 'Time zone' },
    { name: 'locale', id: 'settings-locale', label: 'Locale' },
    { name: 'hijri.calendar', id: 'settings-calendar', label: 'Hijri calendar' },
    { name: 'hijri.adjustDays', id: 'settings-adjust', label: 'Hijri day adjustment' },
    ...overrides,
    { name: 'weather.provider', id: 'settings-provider', label: 'Weather provider' },
    { name: 'weather.label', id: 'settings-weather-label', label: 'Weather label' },
    { name: 'weather.lat', id: 'settings-lat', label: 'Latitude' },
    { name: 'weather.lon', id: 'settings-lon', label: 'Longitude' },
  ];
}

/** The form itself, from the settings as loaded; a refused save marks the field at fault. */
function SettingsForm({ initial }: { initial: PublicationSettings }) {
  const [saved, setSaved] = useState(initial);
  const [form, setForm] = useState(() => formOf(initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reloadPaperClock = useReloadPaperClock();

  const part: Part = {
    form,
    set: (changes) => {
      setForm({ ...form, ...changes });
      setNotice(null);
    },
    error: (name) => errorFor(errors, name),
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setFormError(null);
    setNotice(null);
    try {
      const fresh = await newsroom.saveSettings(settingsOf(form, saved));
      setSaved(fresh);
      setForm(formOf(fresh));
      reloadPaperClock();
      setNotice('Settings saved.');
    } catch (caught) {
      const field = caught instanceof ApiError ? caught.field : undefined;
      if (field && FORM_FIELDS.some((f) => field === f || field.startsWith(`${f}.`))) {
        setErrors({ [field]: withoutField((caught as ApiError).message, field) });
      } else {
        setFormError(messageOf(caught));
      }
    }
    setBusy(false);
  };

  return (
    <form class="settings" onSubmit={(event) => void submit(event)} noValidate>
      <FormError message={formError ?? undefined} />
      <ErrorSummary errors={errors} fields={summaryFields(form)} />
      <GeneralFields part={part} />
      <HijriFields part={part} />
      <WeatherFields part={part} />
      <EmbedFields part={part} />
      <FeedFields part={part} />
      <FormActions busy={busy} label="Save settings" busyLabel="Saving…" notice={notice} />
    </form>
  );
}

/** The publication's settings, for the editor-in-chief. */
export function SettingsPage() {
  usePageTitle('Settings');
  const [loaded] = useLoad(() => newsroom.settings(), []);
  if (loaded.state === 'loading') return <p class="loading">Loading…</p>;
  if (loaded.state === 'failed')
    return (
      <p class="form-error" role="alert">
        {loaded.message}
      </p>
    );
  if (loaded.state === 'missing') return <p class="empty">This server has no settings yet.</p>;
  return (
    <>
      <h1>Settings</h1>
      <SettingsForm initial={loaded.value} />
    </>
  );
}
