import { useState } from 'preact/hooks';
import { newsroom } from '../api/newsroom.js';
import type { MediaItem } from '../api/types.js';
import { useLoad } from '../components/use-load.js';
import { MediaPicker, thumbnailOf } from '../editor/media-picker.js';

/** A library item by id: the one just chosen, or asked of the server. */
export function useMediaItem(mediaId: number | null | undefined, chosen: MediaItem | null) {
  const known = chosen?.id === mediaId ? chosen : null;
  const [found] = useLoad<MediaItem | null>(
    () =>
      mediaId === undefined || mediaId === null || known
        ? Promise.resolve(null)
        : newsroom.mediaItem(mediaId),
    [mediaId, known === null],
  );
  return known ?? (found.state === 'ready' ? (found.value ?? undefined) : undefined);
}

interface LibraryPhotoFieldProps {
  id: string;
  legend: string;
  hint: string;
  /** What the field is empty with, e.g. "The lead photo is used." */
  empty: string;
  mediaId: number | null;
  editable: boolean;
  error?: string;
  onChange: (mediaId: number | null) => void;
}

/** One photo from the library, by id: a thumbnail, and buttons to choose or remove it. */
export function LibraryPhotoField(props: LibraryPhotoFieldProps) {
  const { id, mediaId, editable, onChange } = props;
  const [picking, setPicking] = useState(false);
  const [chosen, setChosen] = useState<MediaItem | null>(null);
  const item = useMediaItem(mediaId, chosen);
  return (
    <fieldset
      class={`library-photo${props.error ? ' has-error' : ''}`}
      aria-describedby={`${id}-hint`}
    >
      <legend>{props.legend}</legend>
      <p class="hint" id={`${id}-hint`}>
        {props.hint}
      </p>
      {mediaId === null ? (
        <p class="muted">{props.empty}</p>
      ) : item ? (
        <figure class="library-photo-chosen">
          <img src={thumbnailOf(item)} alt={item.alt} width={96} height={96} />
          <figcaption class="meta">{item.alt || item.originalName}</figcaption>
        </figure>
      ) : (
        <p class="muted">Photo #{mediaId}</p>
      )}
      {props.error && <p class="error">{props.error}</p>}
      {editable && (
        <div class="actions">
          <button type="button" onClick={() => setPicking(true)}>
            {mediaId === null ? 'Choose' : 'Change'}
            <span class="visually-hidden"> {props.legend.toLowerCase()}</span>
          </button>
          {mediaId !== null && (
            <button type="button" class="quiet" onClick={() => onChange(null)}>
              Remove<span class="visually-hidden"> {props.legend.toLowerCase()}</span>
            </button>
          )}
        </div>
      )}
      {picking && (
        <MediaPicker
          title={props.legend}
          onPick={(picked) => {
            setPicking(false);
            setChosen(picked);
            onChange(picked.id);
          }}
          onClose={() => setPicking(false)}
        />
      )}
    </fieldset>
  );
}
