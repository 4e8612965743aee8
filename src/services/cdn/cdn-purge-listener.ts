import { z } from 'zod';
import { surrogateKeys } from '../../domain/publication/surrogate-keys.js';
import type { EventListener } from '../events/event-listeners.js';
import { jobHandler } from '../job-handler.js';
import type { ArticleEvent, CdnPurger, Stores } from '../ports.js';

/**
 * What one article event makes stale: the story's page, the pages of its section, topics and
 * bylines, and every list (home, fronts, feeds, sitemaps, search). `lists` also covers the
 * section or topic a story has just left.
 */
export async function keysToPurge(
  stores: Pick<Stores, 'articles'>,
  event: ArticleEvent,
): Promise<string[]> {
  if (event.articleId === null) return [surrogateKeys.lists];
  const article = await stores.articles.findById(event.articleId);
  return [
    surrogateKeys.article(event.articleId),
    ...(article
      ? [
          surrogateKeys.section(article.section.id),
          ...article.tags.map((tag) => surrogateKeys.tag(tag.id)),
          ...article.bylines.map((author) => surrogateKeys.author(author.id)),
        ]
      : []),
    surrogateKeys.lists,
  ];
}

/** Seconds 5, 10, 20 … up to ten minutes, then gives up after a dozen tries (about an hour). */
const retryDelay = (attempts: number) =>
  attempts >= 12 ? null : Math.min(600_000, 5_000 * 2 ** (attempts - 1));

/** Purges the CDN's copies of every page an article event changed. */
export function cdnPurgeListener(deps: {
  stores: Pick<Stores, 'articles'>;
  purger: CdnPurger;
}): EventListener {
  return {
    name: 'cdn-purge',
    async handle(event) {
      await deps.purger.purge(await keysToPurge(deps.stores, event));
    },
    retryDelay,
  };
}

/** The job that purges keys outside article events (settings, sections, the home page). */
export const CDN_PURGE_JOB = 'cdn.purge';

/** How long another instance may keep showing old settings (the publication cache's ttl). */
const PUBLICATION_CACHE_LAG_MS = 35_000;

/**
 * Queues a purge of these keys. Settings and sections are cached in each instance's memory
 * for up to half a minute, so the purge is repeated once that has passed: otherwise the CDN
 * could refetch a page from an instance that still shows the old settings, and keep it.
 */
export async function queueCdnPurge(
  stores: Pick<Stores, 'jobs'>,
  keys: string[],
  now: Date,
): Promise<void> {
  await stores.jobs.enqueue(CDN_PURGE_JOB, { keys }, now, now);
  await stores.jobs.enqueue(
    CDN_PURGE_JOB,
    { keys },
    new Date(now.getTime() + PUBLICATION_CACHE_LAG_MS),
    now,
  );
}

/** The job handler of queued purges: the surrogate keys to purge. */
export const cdnPurgeJobHandlers = (purger: CdnPurger) => ({
  [CDN_PURGE_JOB]: jobHandler({
    payload: z.object({ keys: z.array(z.string()) }),
    run: ({ keys }) => purger.purge(keys),
    retryDelay,
  }),
});
