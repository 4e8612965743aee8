import { useEffect, useRef, useState } from 'preact/hooks';
import type { MediaItem } from '../api/types.js';
import { PhotoListing } from '../media/photo-listing.js';
import { UploadZone } from '../media/upload-zone.js';
import { useMediaList } from '../media/use-media-list.js';

/** The square thumbnail the server makes of every photo. */
export const thumbnailOf = (item: MediaItem): string => item.urls.thumbnail;

/** A rendition to put in an article's text: the preview, about 1024 px wide, as shaped. */
export function bodyVariantOf(item: MediaItem) {
  const src = item.urls.preview;
  // The preview's file name ends in its width (`original-1024.webp`); smaller photos are smaller.
  const named = Number(/-(\d+)\.\w+$/.exec(src)?.[1]);
  const width = named > 0 ? named : Math.min(item.width, 1024);
  const height = Math.max(1, Math.round((width * item.height) / item.width));
  return { src, path: src.replace(/^\/media\//, ''), format: 'webp', width, height };
}

interface MediaPickerProps {
  title: string;
  onPick: (item: MediaItem) => void;
  onClose: () => void;
}

/** The library in a modal: search it, or upload new photos and take one; Escape closes it. */
export function MediaPicker({ title, onPick, onClose }: MediaPickerProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const list = useMediaList({ search: query });
  const [fresh, setFresh] = useState<ReadonlySet<number>>(new Set());

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  return (
    <dialog
      ref={dialog}
      class="media-picker"
      aria-labelledby="media-picker-title"
      onClose={onClose}
    >
      <h2 id="media-picker-title">{title}</h2>
      <UploadZone
        id="picker-upload"
        onUploaded={(item, isNew) => {
          list.add(item);
          if (isNew) setFresh((ids) => new Set([...ids, item.id]));
        }}
        action={(item) => (
          <button type="button" onClick={() => onPick(item)}>
            Use this photo<span class="visually-hidden">: {item.originalName}</span>
          </button>
        )}
      />
      <div
        class="media-search"
        role="search"
        onKeyDown={(event) => {
          // The picker sits inside the article's form: Enter searches, it does not save.
          if (event.key === 'Enter') {
            event.preventDefault();
            setQuery(search.trim());
          }
        }}
      >
        <label for="media-search">Search the library</label>
        <input
          id="media-search"
          type="search"
          aria-describedby="media-search-hint"
          value={search}
          onInput={(event) => setSearch(event.currentTarget.value)}
        />
        <button type="button" onClick={() => setQuery(search.trim())}>
          Search
        </button>
        <p class="hint" id="media-search-hint">
          Caption, credit or file name.
        </p>
      </div>
      <PhotoListing list={list} verb="choose" fresh={fresh} onSelect={onPick} />
      <div class="dialog-actions">
        <button type="button" class="quiet" onClick={() => dialog.current?.close()}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
