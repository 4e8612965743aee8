import type { ArticleStatus } from './article.js';

/** What the rule reads of a story. */
export interface VisibilityFacts {
  status: ArticleStatus;
  publishedAt: Date | null;
  killed: boolean;
  /** When a published story comes down by itself; null when it stays up. */
  unpublishAt: Date | null;
}

/**
 * The one rule of which stories readers may see, everywhere they may see one (pages, feeds,
 * sitemaps, search, the Content API): published, its embargo passed, not killed, and not yet
 * past the time it comes down — even in the seconds before the scheduler takes it down.
 * Storage applies the same rule in SQL (`visibleToReaders` in storage/article-rows.ts).
 */
export function isVisibleToReaders(article: VisibilityFacts, now: Date): boolean {
  return (
    article.status === 'published' &&
    !article.killed &&
    article.publishedAt !== null &&
    article.publishedAt <= now &&
    (article.unpublishAt === null || article.unpublishAt > now)
  );
}
