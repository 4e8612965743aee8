import { useEffect, useRef, useState } from 'preact/hooks';
import { isMissingEndpoint } from '../api/client.js';
import { MEDIA_PAGE_SIZE, newsroom, type MediaFilters } from '../api/newsroom.js';
import type { MediaItem } from '../api/types.js';
import { messageOf } from '../components/use-load.js';

export type ListState = 'loading' | 'ready' | 'missing' | 'failed';

/**
 * The library's photos for the filters, a page at a time ("More" appends the next page), with
 * uploads, changes and deletions folded in without reloading.
 */
export function useMediaList(filters: Omit<MediaFilters, 'page'>) {
  const key = JSON.stringify(filters);
  const [items, setItems] = useState<MediaItem[]>([]);
  const [state, setState] = useState<ListState>('loading');
  const [message, setMessage] = useState('');
  const [page, setPage] = useState(1);
  const [hasMore, setHasMore] = useState(false);
  const round = useRef(0);

  const load = async (wanted: number) => {
    const mine = ++round.current;
    setState('loading');
    try {
      const found = await newsroom.media({ ...filters, page: wanted });
      if (mine !== round.current) return;
      setItems((shown) => {
        const known = new Set(shown.map((item) => item.id));
        const added = found.filter((item) => !known.has(item.id));
        return wanted === 1 ? found : [...shown, ...added];
      });
      setPage(wanted);
      setHasMore(found.length === MEDIA_PAGE_SIZE);
      setState('ready');
    } catch (caught) {
      if (mine !== round.current) return;
      setState(isMissingEndpoint(caught) ? 'missing' : 'failed');
      setMessage(messageOf(caught));
    }
  };

  useEffect(() => {
    setItems([]);
    void load(1);
    return () => {
      round.current += 1;
    };
  }, [key]);

  return {
    items,
    state,
    message,
    hasMore,
    more: () => void load(page + 1),
    /** A photo just uploaded goes first, as the newest. */
    add: (item: MediaItem) =>
      setItems((shown) => [item, ...shown.filter((other) => other.id !== item.id)]),
    replace: (item: MediaItem) =>
      setItems((shown) => shown.map((other) => (other.id === item.id ? item : other))),
    remove: (id: number) => setItems((shown) => shown.filter((other) => other.id !== id)),
  };
}
