import { z } from 'zod';
import { paperDayOf } from '../../domain/publication/paper-days.js';
import { storyChangeKeys, surrogateKeys } from '../../domain/publication/surrogate-keys.js';
import type { EventListener } from '../events/event-listeners.js';
import { jobHandler } from '../job-handler.js';
import type { ArticleEvent, CdnPurger, Stores } from '../ports.js';
import { loadPublicationSettings } from '../publication-cache.js';

/**
 * What one article event makes stale: the story's page, and the lists it is on or may join
 * (its section's, topics', bylines', day's and month's lists, home, feeds, sitemaps). A list it
 * has just left carries its `article-<id>` key. Its section's, topics' and bylines' own pages are
 * untouched.
 */
export async function keysToPurge(
  stores: Pick<Stores, 'articles' | 'settings'>,
  event: ArticleEvent,
): Promise<string[]> {
  if (event.articleId === null) return [surrogateKeys.latest];
  const [article, settings] = await Promise.all([
    stores.articles.findById(event.articleId),
    loadPublicationSettings(stores),
  ]);
  if (!article) return [surrogateKeys.article(event.articleId), surrogateKeys.latest];
  return storyChangeKeys({
    id: article.id,
    sectionId: article.section.id,
    tagIds: article.tags.map((tag) => tag.id),
    authorIds: article.bylines.map((author) => author.id),
    publishedOn: article.publishedAt
      ? paperDayOf(article.publishedAt, settings.timezone)
      : undefined,
  });
}

/** Seconds 5, 10, 20 … up to ten minutes, then gives up after a dozen tries (about an hour). */
const retryDelay = (attempts: number) =>
  attempts >= 12 ? null : Math.min(600_000, 5_000 * 2 ** (attempts - 1));

/** Purges the CDN's copies of every page an article event changed. */
export function cdnPurgeListener(deps: {
  stores: Pick<Stores, 'articles' | 'settings'>;
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
 * Announces a change outside article events (settings, sections, fronts) to every instance's
 * page cache, once it commits, and queues the CDN's purge of the same keys. An instance that
 * missed the announcement still reads settings afresh within half a minute, so the purge is
 * repeated once that has passed: otherwise the CDN could refetch a page from such an instance
 * and keep it (ADR 0009, 0033).
 */
export async function announcePageChange(
  stores: Pick<Stores, 'jobs' | 'events'>,
  keys: string[],
  now: Date,
): Promise<void> {
  await stores.events.announce(keys);
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
