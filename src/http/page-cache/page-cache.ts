/**
 * Finished public answers kept in this instance's memory, bounded by bytes, least recently
 * used first out; each is tagged with the surrogate keys of what it shows, so an announced
 * change drops exactly the pages it touched (docs/adr/0033-page-cache.md).
 */

/** One stored answer: its final headers and its bodies, compressed once when stored. */
export interface CachedPage {
  /** Every header the answer was sent with, except those of one encoding (length, encoding). */
  headers: Readonly<Record<string, string>>;
  identity: Buffer;
  /** Absent for small or binary answers, which are sent as they are. */
  gzip?: Buffer;
  br?: Buffer;
  etag: string;
  lastModified: string;
  keys: readonly string[];
  /** The route pattern that rendered it, so a hit is counted under its route in /metrics. */
  route: string;
  /** When it stops being right even without an announcement (ms since the epoch). */
  expiresAt: number;
}

export interface PageCacheStats {
  hits: number;
  misses: number;
  entries: number;
  bytes: number;
  /** Entries pushed out to stay under the size bound (not those a change made stale). */
  evictions: number;
}

export interface PageCache {
  /** False with PAGE_CACHE_MB=0: nothing is kept, every request renders. */
  readonly enabled: boolean;
  /**
   * Counts up with every announced change: an answer rendered before a change may show the
   * old page, so it is stored only if the count is what it was when its request began.
   */
  readonly generation: number;
  /** The page under this address, if kept and fresh at `now`; counts a hit or a miss. */
  lookup(address: string, now: number): CachedPage | undefined;
  store(address: string, page: CachedPage): void;
  /** Drops every page tagged with any of these keys. */
  drop(keys: readonly string[]): void;
  /** Drops everything: announcements may have been missed. */
  clear(): void;
  stats(): PageCacheStats;
}

const sizeOf = (page: CachedPage) =>
  page.identity.byteLength +
  (page.gzip?.byteLength ?? 0) +
  (page.br?.byteLength ?? 0) +
  Object.entries(page.headers).reduce((sum, [name, value]) => sum + name.length + value.length, 0);

/** A page cache holding at most `maxBytes` of answers; 0 turns it off. */
export function createPageCache(maxBytes: number): PageCache {
  // A Map iterates in insertion order: re-inserting on each hit keeps the oldest use first.
  const pages = new Map<string, { page: CachedPage; bytes: number }>();
  const byKey = new Map<string, Set<string>>();
  let bytes = 0;
  let generation = 0;
  const counts = { hits: 0, misses: 0, evictions: 0 };

  const remove = (address: string) => {
    const entry = pages.get(address);
    if (!entry) return;
    pages.delete(address);
    bytes -= entry.bytes;
    for (const key of entry.page.keys) {
      const addresses = byKey.get(key);
      addresses?.delete(address);
      if (addresses?.size === 0) byKey.delete(key);
    }
  };

  return {
    enabled: maxBytes > 0,
    get generation() {
      return generation;
    },
    lookup(address, now) {
      const entry = pages.get(address);
      if (!entry || entry.page.expiresAt <= now) {
        if (entry) remove(address);
        counts.misses++;
        return undefined;
      }
      pages.delete(address);
      pages.set(address, entry);
      counts.hits++;
      return entry.page;
    },
    store(address, page) {
      const size = sizeOf(page);
      if (size > maxBytes) return;
      remove(address);
      pages.set(address, { page, bytes: size });
      bytes += size;
      for (const key of page.keys) {
        const addresses = byKey.get(key) ?? new Set<string>();
        addresses.add(address);
        byKey.set(key, addresses);
      }
      for (const oldest of pages.keys()) {
        if (bytes <= maxBytes) break;
        remove(oldest);
        counts.evictions++;
      }
    },
    drop(keys) {
      generation++;
      for (const key of keys) {
        for (const address of byKey.get(key) ?? []) remove(address);
      }
    },
    clear() {
      generation++;
      for (const address of [...pages.keys()]) remove(address);
    },
    stats: () => ({ ...counts, entries: pages.size, bytes }),
  };
}
