import { useEffect, useRef, useState } from 'preact/hooks';
import { newsroom } from '../api/newsroom.js';
import type { MediaDetails, MediaItem } from '../api/types.js';
import { fileSize } from '../components/file-size.js';
import { When } from '../components/status.js';
import { messageOf } from '../components/use-load.js';
import { PhotoForm } from './photo-form.js';
import { DeletePhoto, WhereUsed } from './photo-usage.js';

function PhotoFacts({ item }: { item: MediaItem }) {
  return (
    <p class="meta">
      {item.originalName} · {item.width} × {item.height} px · {item.format.toUpperCase()} ·{' '}
      {fileSize(item.bytes)} · uploaded <When at={item.createdAt} />
      {item.uploadedBy && <> by {item.uploadedBy.name}</>}
    </p>
  );
}

/** The photo's details from the server, with the articles that use it. */
function usePhotoDetails(id: number) {
  const [details, setDetails] = useState<MediaDetails | null>(null);
  const [failure, setFailure] = useState('');
  useEffect(() => {
    let live = true;
    newsroom
      .mediaItem(id)
      .then((found) => live && setDetails(found))
      .catch((caught: unknown) => live && setFailure(messageOf(caught)));
    return () => {
      live = false;
    };
  }, [id]);
  return { details, failure };
}

interface PanelProps {
  item: MediaItem;
  onChanged: (item: MediaItem) => void;
  onDeleted: (id: number) => void;
  onClose: () => void;
}

/** Everything about one photo: its focal point, its wording, where it is used; and deleting it. */
export function PhotoDetailsPanel({ item, onChanged, onDeleted, onClose }: PanelProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { details, failure } = usePhotoDetails(item.id);
  const editable = item.allowedActions.includes('edit');

  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <section class="photo-panel panel" aria-labelledby="photo-panel-title">
      <div class="photo-panel-head">
        <h2 id="photo-panel-title" tabIndex={-1} ref={heading}>
          Photo details
        </h2>
        <button type="button" class="quiet" onClick={onClose}>
          Close<span class="visually-hidden"> photo details</span>
        </button>
      </div>
      <PhotoFacts item={item} />
      {!editable && <p class="banner">Only editors change photos that someone else uploaded.</p>}
      <PhotoForm item={item} editable={editable} onChanged={onChanged} />
      {failure ? (
        <p class="form-error">{failure}</p>
      ) : (
        <WhereUsed usage={details ? details.usage : null} />
      )}
      {item.allowedActions.includes('delete') && (
        <DeletePhoto
          photo={details}
          name={item.caption || item.originalName}
          onDeleted={() => onDeleted(item.id)}
        />
      )}
    </section>
  );
}
