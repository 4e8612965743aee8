import { useState } from 'preact/hooks';
import type { ArticleDraft, MediaItem } from '../api/types.js';
import { errorFor, Field } from '../components/field.js';
import { ALT_TEXT_HINT } from '../media/alt-text-advice.js';
import { useMediaItem } from '../media/library-photo-field.js';
import { describeFocalPoint, PhotoWithFocus } from '../media/focal-point-picker.js';
import { Link } from '../router.js';
import { MediaPicker } from './media-picker.js';

type Lead = NonNullable<ArticleDraft['lead']>;

interface LeadPhotoFieldProps {
  lead: ArticleDraft['lead'];
  editable: boolean;
  errors: Record<string, string>;
  onChange: (lead: ArticleDraft['lead']) => void;
}

interface LeadWordingProps {
  lead: Lead;
  item: MediaItem | undefined;
  editable: boolean;
  errors: Record<string, string>;
  set: (changes: Partial<Lead>) => void;
}

/** What the alt text field warns of: none at all blocks publishing; the library's may stand in. */
function AltWarning({ lead, item }: { lead: Lead; item: MediaItem | undefined }) {
  if (lead.alt.trim()) return null;
  if (item?.alt.trim())
    return (
      <p class="hint" id="lead-alt-fallback">
        Empty here, so the library’s alt text is used: “{item.alt}”.
      </p>
    );
  return (
    <p class="warning" id="lead-alt-fallback">
      <strong>No alt text:</strong> it is needed before publishing.
    </p>
  );
}

/** This article's caption, credit and alt text for the photo (the library's are defaults). */
function LeadWording({ lead, item, editable, errors, set }: LeadWordingProps) {
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
        hint={ALT_TEXT_HINT}
        error={errorFor(errors, 'lead.alt')}
      >
        {(aria) => (
          <input
            {...aria}
            aria-describedby={
              lead.alt.trim()
                ? aria['aria-describedby']
                : `${aria['aria-describedby'] ?? ''} lead-alt-fallback`.trim()
            }
            disabled={!editable}
            value={lead.alt}
            onInput={text('alt')}
          />
        )}
      </Field>
      <AltWarning lead={lead} item={item} />
    </div>
  );
}

/** The chosen photo, shown with its focal point, where crops will centre. */
function LeadPreview({ lead, item }: { lead: Lead; item: MediaItem | undefined }) {
  if (!item) return <p class="muted">Photo #{lead.mediaId}</p>;
  return (
    <figure class="lead-preview">
      <PhotoWithFocus item={item} point={item.focalPoint} maxHeight={12} />
      <figcaption class="meta">
        {item.originalName}, {item.width} × {item.height} px. Focal point at{' '}
        {describeFocalPoint(item.focalPoint)};{' '}
        <Link href={`/media?photo=${item.id}`} target="_blank">
          change it in the library<span class="visually-hidden"> (opens in a new tab)</span>
        </Link>
        .
      </figcaption>
    </figure>
  );
}

/** The photo at the top of the article, from the library, with this article's wording of it. */
export function LeadPhotoField({ lead, editable, errors, onChange }: LeadPhotoFieldProps) {
  const [picking, setPicking] = useState(false);
  const [chosen, setChosen] = useState<MediaItem | null>(null);
  const item = useMediaItem(lead?.mediaId, chosen);

  return (
    <fieldset class="lead-photo">
      <legend>Lead photo</legend>
      {lead ? (
        <div class="lead-chosen">
          <LeadPreview lead={lead} item={item} />
          <LeadWording
            lead={lead}
            item={item}
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
