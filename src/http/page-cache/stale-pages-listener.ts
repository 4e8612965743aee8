import { surrogateKeys } from '../../domain/publication/surrogate-keys.js';
import type { ChangeBroadcast } from '../../services/ports.js';
import type { PublicationCache } from '../../services/publication-cache.js';
import type { PageCacheDeps } from './page-cache-hooks.js';

/** Keys after which this instance reads the settings, sections and fronts' curation again. */
const PUBLICATION_KEYS = new Set<string>([surrogateKeys.site, surrogateKeys.fronts]);

/**
 * Makes this instance forget what any instance's change made stale: the pages tagged with
 * the announced keys, the publication snapshot when settings, sections or fronts changed,
 * the next embargo. When announcements may have been missed, it forgets everything.
 */
export function listenForStalePages(
  broadcast: ChangeBroadcast,
  { cache, freshness }: PageCacheDeps,
  publication: PublicationCache,
): () => void {
  return broadcast.listen({
    stale(keys) {
      if (keys.some((key) => PUBLICATION_KEYS.has(key))) publication.invalidate();
      freshness.forget();
      cache.drop(keys);
    },
    lost() {
      publication.invalidate();
      freshness.forget();
      cache.clear();
    },
  });
}
