import type { Clock, SecretTokens, Stores } from '../ports.js';
import type { PublicationCache } from '../publication-cache.js';

/** What the Content API's use cases need, handed in by the composition root. */
export interface ContentApiDeps {
  /** The stores the Content API reads, and the audit trail its key management writes to. */
  stores: Pick<
    Stores,
    'articles' | 'authors' | 'tags' | 'contentKeys' | 'contentReads' | 'audit' | 'search'
  >;
  /** The publication's clock: embargoes lift by it (DATELINE_NOW freezes it in tests). */
  clock: Clock;
  publication: PublicationCache;
  secrets: SecretTokens;
}
