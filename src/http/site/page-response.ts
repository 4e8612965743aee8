import type { FastifyReply } from 'fastify';
import { invalid } from '../../domain/errors.js';
import type { SafeHtml } from '../jsx/jsx.js';
import { limitFreshness } from '../page-cache/cacheable-answers.js';
import { documentBytes } from './page-bytes.js';
import { PAGE_CACHE, setPublicCache, surrogateKeys, type CachePolicy } from './cache-headers.js';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from './site-scripts.js';

export { originOf, type SiteOptions } from './request-origin.js';

/** Headers every reader page carries. */
export const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

/** The site's headers for a page that frames embeds from these origins (none by default). */
export const pageHeaders = (frameOrigins: readonly string[] = []) =>
  frameOrigins.length === 0
    ? PAGE_HEADERS
    : { ...PAGE_HEADERS, 'content-security-policy': contentSecurityPolicy(frameOrigins) };

/**
 * A missing page is kept a minute at the CDN only, against bots hammering dead links; it is
 * tagged `latest` so publishing a story (an embargo lifting) purges it at once anyway.
 */
const NOT_FOUND_CACHE: CachePolicy = { maxAge: 0, sMaxAge: 60, staleWhileRevalidate: 0 };

export interface PageAnswer {
  status?: number;
  /** The origins of the page's embeds, let in by its Content-Security-Policy. */
  frameOrigins?: readonly string[];
  /** The surrogate keys of what the page shows (see cache-headers.ts); `site` is implied. */
  cacheKeys?: string[];
  /** False keeps the page out of this instance's page cache (search results). */
  inMemory?: boolean;
  /**
   * True while a breaking-news banner shows: browsers ask again every time (a 304 from memory
   * when nothing changed), so the banner's removal reaches them at once, not a minute later.
   */
  revalidate?: boolean;
  /** The page cache keeps the page no later than this (ms since the epoch). */
  freshUntil?: number;
}

/** A page that shows the breaking-news banner: the CDN keeps it as any page, browsers do not. */
const REVALIDATED_PAGE: CachePolicy = { ...PAGE_CACHE, maxAge: 0 };

/**
 * Sends a whole reader page with the site's headers. A page is cached by the CDN under its
 * surrogate keys; a 404 briefly; other errors never.
 */
export function sendPage(reply: FastifyReply, page: SafeHtml, answer: PageAnswer = {}) {
  const status = answer.status ?? 200;
  reply.code(status).headers(pageHeaders(answer.frameOrigins));
  if (answer.freshUntil !== undefined) limitFreshness(reply, answer.freshUntil);
  if (status === 200)
    setPublicCache(reply, answer.revalidate ? REVALIDATED_PAGE : PAGE_CACHE, answer.cacheKeys, {
      inMemory: answer.inMemory,
    });
  else if (status === 404)
    setPublicCache(reply, NOT_FOUND_CACHE, [surrogateKeys.latest], { inMemory: false });
  else reply.header('cache-control', 'no-store');
  return reply.send(documentBytes(page));
}

/** A page as readers would see it, shown to the newsroom before it is live: never kept, never indexed. */
export function sendPreviewPage(
  reply: FastifyReply,
  page: SafeHtml,
  frameOrigins: readonly string[] = [],
) {
  return reply
    .headers(pageHeaders(frameOrigins))
    .header('cache-control', 'no-store')
    .header('x-robots-tag', 'noindex, nofollow')
    .send(documentBytes(page));
}

/** The `?page=` of a list, 1 when absent; anything else than a whole number is refused. */
export function pageNumber(query: unknown): number {
  const raw = (query as { page?: string }).page;
  if (raw === undefined) return 1;
  if (!/^[1-9]\d{0,5}$/.test(raw)) throw invalid('page: must be a whole number from 1', 'page');
  return Number(raw);
}
