import { useState } from 'preact/hooks';
import { ApiError } from '../api/client.js';
import { newsroom, type MediaChanges } from '../api/newsroom.js';
import type { MediaItem } from '../api/types.js';
import { Field } from '../components/field.js';
import { FormActions, FormError } from '../components/form-parts.js';
import { messageOf } from '../components/use-load.js';
import { AltTextAdvice, ALT_TEXT_HINT } from './alt-text-advice.js';
import { FocalPointPicker } from './focal-point-picker.js';

type Wording = Required<Omit<MediaChanges, 'focalPoint'>>;
type Errors = Partial<Record<keyof Wording | 'form', string>>;

const FIELDS: { key: keyof Wording; label: string; hint: string; rows?: number }[] = [
  {
    key: 'caption',
    label: 'Caption',
    hint: 'Shown under the photo unless an article says otherwise.',
    rows: 2,
  },
  { key: 'credit', label: 'Credit', hint: 'As printed beside the photo, e.g. Reuters/Jane Doe.' },
  { key: 'creator', label: 'Creator', hint: 'The photographer.' },
  { key: 'copyright', label: 'Copyright', hint: 'The rights holder, e.g. © 2025 Reuters.' },
  { key: 'alt', label: 'Alt text', hint: ALT_TEXT_HINT, rows: 2 },
];

const wordingOf = (item: MediaItem): Wording => ({
  caption: item.caption,
  credit: item.credit,
  creator: item.creator,
  copyright: item.copyright,
  alt: item.alt,
});

/** The field the server named, if the form has it; else the error is the whole form's. */
function errorsOf(caught: unknown): Errors {
  const field = caught instanceof ApiError ? caught.field?.split('.')[0] : undefined;
  const known = FIELDS.some(({ key }) => key === field);
  return { [known && field ? field : 'form']: messageOf(caught) };
}

interface PhotoFormProps {
  item: MediaItem;
  editable: boolean;
  onChanged: (item: MediaItem) => void;
}

/** The photo's focal point and its default wording, saved together. */
export function PhotoForm({ item, editable, onChanged }: PhotoFormProps) {
  const [wording, setWording] = useState<Wording>(() => wordingOf(item));
  const [point, setPoint] = useState(item.focalPoint);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const save = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setNotice(null);
    try {
      onChanged(await newsroom.changeMedia(item.id, { ...wording, focalPoint: point }));
      setNotice('Saved.');
    } catch (caught) {
      setErrors(errorsOf(caught));
    }
    setBusy(false);
  };
  const input = (key: keyof Wording) => (event: Event) => {
    setNotice(null);
    setWording({ ...wording, [key]: (event.currentTarget as HTMLInputElement).value });
  };

  return (
    <form onSubmit={(event) => void save(event)} aria-labelledby="photo-panel-title">
      <FocalPointPicker
        id="focal-point"
        item={item}
        point={point}
        disabled={!editable || busy}
        onChange={(moved) => {
          setNotice(null);
          setPoint(moved);
        }}
      />
      <FormError message={errors.form} />
      {FIELDS.map(({ key, label, hint, rows }) => (
        <Field key={key} id={`photo-${key}`} label={label} hint={hint} error={errors[key]}>
          {(aria) =>
            rows ? (
              <textarea
                {...aria}
                rows={rows}
                disabled={!editable}
                value={wording[key]}
                onInput={input(key)}
              />
            ) : (
              <input {...aria} disabled={!editable} value={wording[key]} onInput={input(key)} />
            )
          }
        </Field>
      ))}
      <AltTextAdvice />
      {editable && (
        <FormActions busy={busy} label="Save photo" busyLabel="Saving…" notice={notice} />
      )}
    </form>
  );
}
