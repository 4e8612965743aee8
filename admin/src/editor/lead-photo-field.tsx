import { useState } from 'preact/hooks';
import { newsroom } from '../api/newsroom.js';
import type { ArticleDraft, MediaItem } from '../api/types.js';
import { errorFor, Field } from '../components/field.js';
import { useLoad, valueOr } from '../components/use-load.js';
import { MediaPicker, thumbnailOf } from './media-picker.js';

type Lead = NonNullable<ArticleDraft['lead']>;

interface LeadPhotoFieldProps {
  lead: ArticleDraft['lead'];
  editable: boolean;
  errors: Record<string, string>;
  onChange: (lead: ArticleDraft['lead']) => void;
}

interface LeadWordingProps {
  lead: Lead;
  editable: boolean;
  errors: Record<string, string>;
  set: (changes: Partial<Lead>) => void;
}

/** This article's caption, credit and alt text for the photo (the library's are defaults). */
function LeadWording({ lead, editable, errors, set }: LeadWordingProps) {
  const text = (key: 'caption' | 'credit' | 'alt') => (event: Event) =>
    set({ [key]: (event.currentTarget as HTMLInputElement).value });
  return (
    <div class="lead-fields">
      <Field id="lead-caption" label="Caption" error={errorFor(errors, 'lead.caption')}>
        {(aria) => (
          <textarea
            {...aria}
            rows={2}
            disabled={!editable}
            value={lead.caption}
            onInput={text('caption')}
          />
        )}
      </Field>
      <Field id="lead-credit" label="Credit" error={errorFor(errors, 'lead.credit')}>
        {(aria) => (
          <input {...aria} disabled={!editable} value={lead.credit} onInput={text('credit')} />
        )}
      </Field>
      <Field
        id="lead-alt"
        label="Alt text"
        hint="What the photo shows, for readers who cannot see it. Needed to publish."
        error={errorFor(errors, 'lead.alt')}
      >
        {(aria) => <input {...aria} disabled={!editable} value={lead.alt} onInput={text('alt')} />}
      </Field>
    </div>
  );
}

/** The library item of the lead photo, for its thumbnail: just chosen, or found in the library. */
function useLeadItem(mediaId: number | undefined, chosen: MediaItem | null) {
  const known = chosen?.id === mediaId ? chosen : null;
  const [library] = useLoad(
    () => (mediaId === undefined || known ? Promise.resolve([]) : newsroom.media('')),
    [mediaId, known === null],
  );
  return known ?? valueOr(library, []).find((item) => item.id === mediaId);
}

/** The photo at the top of the article, from the library, with this article's wording of it. */
export function LeadPhotoField({ lead, editable, errors, onChange }: LeadPhotoFieldProps) {
  const [picking, setPicking] = useState(false);
  const [chosen, setChosen] = useState<MediaItem | null>(null);
  const item = useLeadItem(lead?.mediaId, chosen);
  const thumbnail = item && thumbnailOf(item);

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
          <LeadWording
            lead={lead}
            editable={editable}
            errors={errors}
            set={(changes) => onChange({ ...lead, ...changes })}
          />
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
          onPick={(picked) => {
            setPicking(false);
            setChosen(picked);
            onChange({
              mediaId: picked.id,
              caption: picked.caption,
              credit: picked.credit,
              alt: picked.alt,
            });
          }}
          onClose={() => setPicking(false)}
        />
      )}
    </fieldset>
  );
}
