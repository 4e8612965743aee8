import { useEffect, useState } from 'preact/hooks';
import { newsroom } from '../api/newsroom.js';
import type { MediaItem } from '../api/types.js';
import { usePageTitle } from '../components/page-title.js';
import { useLoad } from '../components/use-load.js';
import { LibraryFilterForm, libraryFiltersOf, libraryPathFor } from '../media/library-filters.js';
import { PhotoDetailsPanel } from '../media/photo-details-panel.js';
import { PhotoListing } from '../media/photo-listing.js';
import { UploadZone } from '../media/upload-zone.js';
import { useMediaList } from '../media/use-media-list.js';

/** Back to the thumbnail the panel was opened from, or the page, once the panel closes. */
function focusPhoto(id: number) {
  requestAnimationFrame(() => {
    const button = document.querySelector<HTMLElement>(`.media-grid [data-photo="${id}"]`);
    (button ?? document.getElementById('main'))?.focus();
  });
}

/** Opens the photo the address names (`?photo=12`), as the article editor links to it. */
function usePhotoFromAddress(query: URLSearchParams, open: (item: MediaItem) => void) {
  const wanted = Number(query.get('photo'));
  useEffect(() => {
    if (!Number.isInteger(wanted) || wanted <= 0) return;
    let live = true;
    newsroom
      .mediaItem(wanted)
      .then((item) => live && open(item))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [wanted]);
}

/** The photo library: upload, find and describe photos, and see where each one is used. */
export function MediaLibraryPage({ query }: { query: URLSearchParams }) {
  usePageTitle('Photos');
  const filters = libraryFiltersOf(query);
  const list = useMediaList(filters);
  const [uploaders] = useLoad(() => newsroom.mediaUploaders(), []);
  const [selected, setSelected] = useState<MediaItem | null>(null);
  const [fresh, setFresh] = useState<ReadonlySet<number>>(new Set());
  usePhotoFromAddress(query, setSelected);

  const uploaded = (item: MediaItem, isNew: boolean) => {
    list.add(item);
    if (isNew) setFresh((ids) => new Set([...ids, item.id]));
  };
  const close = () => {
    const id = selected?.id;
    setSelected(null);
    if (id !== undefined) focusPhoto(id);
  };

  return (
    <>
      <h1>Photos</h1>
      <UploadZone
        id="library-upload"
        onUploaded={uploaded}
        action={(item) =>
          list.items.some((shown) => shown.id === item.id) && (
            <button type="button" class="quiet" onClick={() => setSelected(item)}>
              Describe<span class="visually-hidden"> {item.originalName}</span>
            </button>
          )
        }
      />
      <LibraryFilterForm
        key={libraryPathFor(filters)}
        filters={filters}
        uploaders={uploaders.state === 'ready' ? uploaders.value : null}
      />
      <div class={`library${selected ? ' with-panel' : ''}`}>
        <section aria-label="Library" class="library-photos">
          <PhotoListing
            list={list}
            verb="details"
            selectedId={selected?.id ?? null}
            fresh={fresh}
            onSelect={setSelected}
          />
        </section>
        {selected && (
          <PhotoDetailsPanel
            key={selected.id}
            item={selected}
            onChanged={(item) => {
              list.replace(item);
              setSelected(item);
            }}
            onDeleted={(id) => {
              list.remove(id);
              setSelected(null);
              document.getElementById('main')?.focus();
            }}
            onClose={close}
          />
        )}
      </div>
    </>
  );
}
