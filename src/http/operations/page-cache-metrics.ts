import type { PageCacheStats } from '../page-cache/page-cache.js';
import type { Collector } from './metrics-registry.js';

const family = (
  name: string,
  help: string,
  type: 'counter' | 'gauge',
  value: number,
): { name: string; help: string; type: 'counter' | 'gauge'; samples: { value: number }[] } => ({
  name,
  help,
  type,
  samples: [{ value }],
});

/** The page cache's counts; the hit ratio is hits / (hits + misses) over any window. */
export const pageCacheCollector =
  (cache: { stats(): PageCacheStats }): Collector =>
  () => {
    const stats = cache.stats();
    return [
      family(
        'page_cache_hits_total',
        'Requests answered from the page cache.',
        'counter',
        stats.hits,
      ),
      family(
        'page_cache_misses_total',
        'GET and HEAD requests the page cache had no page for.',
        'counter',
        stats.misses,
      ),
      family(
        'page_cache_evictions_total',
        'Pages pushed out to stay under PAGE_CACHE_MB.',
        'counter',
        stats.evictions,
      ),
      family('page_cache_entries', 'Pages kept now.', 'gauge', stats.entries),
      family('page_cache_bytes', 'Bytes kept now, every encoding counted.', 'gauge', stats.bytes),
    ];
  };
