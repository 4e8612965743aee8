import type { MediaItem } from '../api/types.js';

/** What the library calls a photo in lists: its caption, else the name of its file. */
export const photoName = (item: MediaItem) => item.caption || item.originalName;

interface PhotoGridProps {
  items: MediaItem[];
  /** Said after the photo's name to screen readers, e.g. "choose" or "details". */
  verb: string;
  onSelect: (item: MediaItem) => void;
  selectedId?: number | null;
  /** Photos to mark as just uploaded. */
  fresh?: ReadonlySet<number>;
}

/** Square thumbnails on the photo's own colour until they load; each one a button. */
export function PhotoGrid({ items, verb, onSelect, selectedId, fresh }: PhotoGridProps) {
  return (
    <ul class="media-grid">
      {items.map((item) => (
        <li key={item.id}>
          <button
            type="button"
            data-photo={item.id}
            aria-current={item.id === selectedId ? 'true' : undefined}
            onClick={() => onSelect(item)}
          >
            <img
              src={item.urls.thumbnail}
              alt={item.alt}
              width={160}
              height={160}
              loading="lazy"
              style={{ backgroundColor: item.placeholderColor }}
            />
            <span class="photo-name">{photoName(item)}</span>
            {!item.alt && <span class="tag warning-tag">No alt text</span>}
            {fresh?.has(item.id) && <span class="tag">Just uploaded</span>}
            <span class="visually-hidden"> — {verb}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
