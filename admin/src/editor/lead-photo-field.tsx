import { useState } from 'preact/hooks';
import type { ArticleDraft, MediaItem } from '../api/types.js';
import { errorFor, Field } from '../components/field.js';
import { MediaPicker, thumbnailOf } from './media-picker.js';

type Lead = NonNullable<ArticleDraft['lead']>;

interface LeadPhotoFieldProps {
  lead: ArticleDraft['lead'];
  editable: boolean;
  errors: Record<string, string>;
  onChange(lead: ArticleDraft['lead']): void;
}

/** The photo at the top of the article, from the library, with this article's wording of it. */
export function LeadPhotoField({ lead, editable, errors, onChange }: LeadPhotoFieldProps) {
  const [picking, setPicking] = useState(false);
  const [chosen, setChosen] = useState<MediaItem | null>(null);
  const set = (changes: Partial<Lead>) => lead && onChange({ ...lead, ...changes });
  const thumbnail = chosen && chosen.id === lead?.mediaId ? thumbnailOf(chosen) : undefined;

  return (
    <fieldset class="lead-photo">
      <legend>Lead photo</legend>
      {lead ? (
        <div class="lead-chosen">
          {thumbnail ? (
            <img src={thumbnail} alt="" width={160} />
          ) : (
            <p class="muted">Photo #{lead.mediaId}</p>
          )}
          <div class="lead-fields">
            <Field id="lead-caption" label="Caption" error={errorFor(errors, 'lead.caption')}>
              {(aria) => (
                <textarea {...aria} rows={2} disabled={!editable} value={lead.caption} onInput={(e) => set({ caption: e.currentTarget.value })} />
              )}
            </Field>
            <Field id="lead-credit" label="Credit" error={errorFor(errors, 'lead.credit')}>
              {(aria) => (
                <input {...aria} disabled={!editable} value={lead.credit} onInput={(e) => set({ credit: e.currentTarget.value })} />
              )}
            </Field>
            <Field
              id="lead-alt"
              label="Alt text"
              hint="What the photo shows, for readers who cannot see it. Needed to publish."
              error={errorFor(errors, 'lead.alt')}
            >
              {(aria) => (
                <input {...aria} disabled={!editable} value={lead.alt} onInput={(e) => set({ alt: e.currentTarget.value })} />
              )}
            </Field>
          </div>
        </div>
      ) : (
        <p class="muted">No lead photo.</p>
      )}
      {errorFor(errors, 'lead.mediaId') && <p class="error">{errorFor(errors, 'lead.mediaId')}</p>}
      {editable && (
        <div class="actions">
          <button type="button" onClick={() => setPicking(true)}>
            {lead ? 'Change lead photo' : 'Choose lead photo'}
          </button>
          {lead && (
            <button type="button" class="quiet" onClick={() => onChange(null)}>
              Remove lead photo
            </button>
          )}
        </div>
      )}
      {picking && (
        <MediaPicker
          title="Choose the lead photo"
          onPick={(item) => {
            setPicking(false);
            setChosen(item);
            onChange({ mediaId: item.id, caption: item.caption, credit: item.credit, alt: item.alt });
          }}
          onClose={() => setPicking(false)}
        />
      )}
    </fieldset>
  );
}
