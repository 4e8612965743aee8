/**
 * The page cache's answer to a Content API read, given inside Fastify once the key has been
 * checked and counted against its rate limit (content-api.ts): a hit skips the route, not the
 * key. Pages are answered before Fastify instead (page-cache-hooks.ts).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../services/ports.js';
import { keyCheckedAddress, sendCachedPage } from './cached-answer.js';
import type { PageCache } from './page-cache.js';

/**
 * Sends the kept answer to this read, if there is one, and says whether it did. The headers
 * the hooks set for this request (its id, its key's allowance, CORS) go out with the kept
 * ones, which win where both name a header (Cache-Control). Fastify still counts the answer
 * under its route and logs it, as it hears the response finish.
 */
export function answerFromCacheAfterKeyCheck(
  cache: PageCache,
  clock: Clock,
  request: FastifyRequest,
  reply: FastifyReply,
): boolean {
  if ((request.method !== 'GET' && request.method !== 'HEAD') || request.is404) return false;
  const address = keyCheckedAddress(request.headers.host, request.url);
  const page = address && cache.lookup(address, clock.now().getTime());
  if (!page) return false;
  reply.hijack();
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value !== undefined) reply.raw.setHeader(name, value);
  }
  sendCachedPage(request.raw, reply.raw, page);
  return true;
}
