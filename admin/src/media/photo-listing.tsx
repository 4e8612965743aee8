import type { MediaItem } from '../api/types.js';
import { PhotoGrid } from './photo-grid.js';
import type { useMediaList } from './use-media-list.js';

interface PhotoListingProps {
  list: ReturnType<typeof useMediaList>;
  verb: string;
  onSelect: (item: MediaItem) => void;
  selectedId?: number | null;
  fresh: ReadonlySet<number>;
}

/** The photos found so far, how the loading goes, and "More" while there are more pages. */
export function PhotoListing({ list, verb, onSelect, selectedId, fresh }: PhotoListingProps) {
  return (
    <>
      {list.state === 'missing' && <p class="empty">The photo library is not available yet.</p>}
      {list.state === 'failed' && (
        <p class="form-error" role="alert">
          {list.message}
        </p>
      )}
      {list.state === 'ready' && list.items.length === 0 && <p class="empty">No photos found.</p>}
      <PhotoGrid
        items={list.items}
        verb={verb}
        selectedId={selectedId ?? null}
        fresh={fresh}
        onSelect={onSelect}
      />
      {list.state === 'loading' && <p class="loading">Loading photos…</p>}
      {list.state === 'ready' && list.hasMore && (
        <button type="button" onClick={list.more}>
          More<span class="visually-hidden"> photos</span>
        </button>
      )}
    </>
  );
}
