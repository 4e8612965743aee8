import { useEffect, useRef, useState } from 'preact/hooks';
import { newsroom } from '../api/newsroom.js';
import type { MediaItem, MediaVariant } from '../api/types.js';
import { useLoad } from '../components/use-load.js';

const WEB_FORMATS = ['jpeg', 'webp', 'png', 'gif'];

const byWidth = (a: MediaVariant, b: MediaVariant) => a.width - b.width;

/** The smallest rendition a browser can show everywhere, for thumbnails. */
export function thumbnailOf(item: MediaItem): string | undefined {
  const variants = item.variants.filter((v) => WEB_FORMATS.includes(v.format)).sort(byWidth);
  const variant = variants[0] ?? item.variants[0];
  return variant && `/media/${variant.path}`;
}

/** The rendition to put in an article body: the largest JPEG (or any) up to 1600 px wide. */
export function bodyVariantOf(item: MediaItem): MediaVariant | undefined {
  const usable = item.variants.filter((v) => WEB_FORMATS.includes(v.format)).sort(byWidth);
  const jpeg = usable.filter((v) => v.format === 'jpeg');
  const pool = jpeg.length ? jpeg : usable;
  return pool.filter((v) => v.width <= 1600).pop() ?? pool[0];
}

interface MediaPickerProps {
  title: string;
  onPick: (item: MediaItem) => void;
  onClose: () => void;
}

/** A modal list of the photo library with a search; Escape or Cancel closes it. */
export function MediaPicker({ title, onPick, onClose }: MediaPickerProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [media] = useLoad(() => newsroom.media(query), [query]);

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
      <div
        class="media-search"
        role="search"
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            setQuery(search.trim());
          }
        }}
      >
        <label for="media-search">Search photos</label>
        <input
          id="media-search"
          type="search"
          value={search}
          onInput={(event) => setSearch(event.currentTarget.value)}
        />
        <button type="button" onClick={() => setQuery(search.trim())}>
          Search
        </button>
      </div>
      {media.state === 'loading' && <p class="loading">Loading photos…</p>}
      {media.state === 'missing' && <p class="empty">The photo library is not available yet.</p>}
      {media.state === 'failed' && <p class="form-error">{media.message}</p>}
      {media.state === 'ready' &&
        (media.value.length === 0 ? (
          <p class="empty">No photos found.</p>
        ) : (
          <ul class="media-grid">
            {media.value.map((item) => (
              <li key={item.id}>
                <button type="button" onClick={() => onPick(item)}>
                  <img
                    src={thumbnailOf(item)}
                    alt=""
                    width={160}
                    height={Math.round((160 * item.height) / item.width) || 100}
                    loading="lazy"
                  />
                  <span>{item.caption || item.alt || item.originalName}</span>
                  <span class="visually-hidden"> — choose</span>
                </button>
              </li>
            ))}
          </ul>
        ))}
      <div class="dialog-actions">
        <button type="button" class="quiet" onClick={() => dialog.current?.close()}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
