import type { FastifyReply } from 'fastify';
import { surrogateKeys } from '../../domain/publication/surrogate-keys.js';
import { markCacheable } from '../page-cache/cacheable-answers.js';
import { linksFromHost } from './request-origin.js';

/** How long a shared cache (a CDN) keeps a public answer, and how long it may serve it stale. */
export interface CachePolicy {
  /** Seconds a browser may keep it. */
  maxAge: number;
  /** Seconds a CDN may keep it; purges (on every change) keep it fresh. */
  sMaxAge: number;
  /** Seconds a CDN may serve it stale while fetching it anew in the background. */
  staleWhileRevalidate: number;
}

/** Reader pages: a minute in the browser, an hour at the CDN, purged when they change. */
export const PAGE_CACHE: CachePolicy = { maxAge: 60, sMaxAge: 3600, staleWhileRevalidate: 86_400 };
/** Feeds and sitemaps: readers' apps poll them; CDNs absorb that. */
export const FEED_CACHE: CachePolicy = { maxAge: 300, sMaxAge: 3600, staleWhileRevalidate: 86_400 };
/** Content API reads: apps revalidate with ETags; the CDN keeps a short copy. */
export const API_CACHE: CachePolicy = { maxAge: 0, sMaxAge: 60, staleWhileRevalidate: 600 };

export { surrogateKeys };

/**
 * Marks an answer as cacheable by browsers, CDNs and this instance's page cache, tagged with
 * the surrogate keys that make it stale: `Surrogate-Key` (Fastly, Varnish) and `Cache-Tag`
 * (Cloudflare), space- and comma-separated. `inMemory: false` keeps it out of the page cache
 * (search results: their addresses are unbounded).
 */
export function setPublicCache(
  reply: FastifyReply,
  policy: CachePolicy,
  keys: string[] = [],
  { inMemory = true }: { inMemory?: boolean } = {},
) {
  // Links from the Host header (no PUBLIC_URL): the browser may keep the answer, a CDN never,
  // nor the page cache, for the same reason (one forged Host would poison it).
  if (linksFromHost(reply.request))
    return reply.header('cache-control', `private, max-age=${policy.maxAge}`);
  const unique = [...new Set([surrogateKeys.site, ...keys])];
  if (inMemory) markCacheable(reply, unique);
  reply.header(
    'cache-control',
    `public, max-age=${policy.maxAge}, s-maxage=${policy.sMaxAge}, stale-while-revalidate=${policy.staleWhileRevalidate}`,
  );
  reply.header('surrogate-key', unique.join(' '));
  reply.header('cache-tag', unique.join(','));
  return reply;
}
