/**
 * Puts the page cache in front of Fastify: a plain Node handler answers kept pages before
 * Fastify sees the request (serverFactory), and a hook keeps every cacheable answer Fastify
 * renders, compressed once, as it is sent.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../services/ports.js';
import type { PageFreshness } from '../../services/page-freshness.js';
import {
  chooseEncoding,
  clientHasIt,
  keyCheckedAddress,
  pageAddress,
  sendCachedPage,
} from './cached-answer.js';
import { cacheableKeys, freshnessLimitOf } from './cacheable-answers.js';
import type { CachedPage, PageCache } from './page-cache.js';

export interface PageCacheDeps {
  cache: PageCache;
  freshness: PageFreshness;
}

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Below this, compressing saves less than its headers cost (as @fastify/compress decides). */
const COMPRESS_FROM_BYTES = 1024;
const COMPRESSIBLE = /^(text\/|application\/(json|xml|rss\+xml|atom\+xml|feed\+json|javascript))/;

/** Headers that belong to one encoding or one answer, set afresh when a kept page is sent. */
const PER_ANSWER = new Set([
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'etag',
  'last-modified',
  'date',
  'connection',
  'keep-alive',
  // Each request's own: its id, and what is left of its key's allowance (Content API).
  'x-request-id',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
  'ratelimit-policy',
]);

const etagOf = (body: Buffer) =>
  `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

function headersOf(reply: FastifyReply, compressed: boolean): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value === undefined || PER_ANSWER.has(name)) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  if (compressed)
    headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : 'Accept-Encoding';
  return headers;
}

async function pageOf(
  reply: FastifyReply,
  body: Buffer,
  keys: readonly string[],
  expiresAt: number,
  now: Date,
): Promise<CachedPage> {
  const type = String(reply.getHeader('content-type') ?? '');
  const compress = body.byteLength >= COMPRESS_FROM_BYTES && COMPRESSIBLE.test(type);
  const [br, gzip] = compress
    ? await Promise.all([
        brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }),
        gzipped(body, { level: 9 }),
      ])
    : [undefined, undefined];
  const etag = reply.getHeader('etag');
  const lastModified = reply.getHeader('last-modified');
  return {
    headers: headersOf(reply, compress),
    identity: body,
    ...(br && gzip && { br, gzip }),
    etag: typeof etag === 'string' ? etag : etagOf(body),
    route: reply.request.routeOptions.url ?? 'unmatched',
    lastModified: typeof lastModified === 'string' ? lastModified : now.toUTCString(),
    keys,
    expiresAt,
  };
}

const startedAt = new WeakMap<FastifyRequest, number>();

/**
 * Keeps every GET 200 answer a route marked cacheable (cache-headers.ts), unless it sets a
 * cookie or a change was announced while it was rendered; the answer then goes out in the
 * encoding just made, with its ETag and Last-Modified. Register before @fastify/compress.
 */
export function registerPageCacheHooks(
  server: FastifyInstance,
  { cache, freshness }: PageCacheDeps,
  clock: Clock,
): void {
  if (!cache.enabled) return;
  server.addHook('onRequest', (request, _reply, done) => {
    startedAt.set(request, cache.generation);
    done();
  });
  server.addHook('onSend', async (request, reply, payload) => {
    const keys = cacheableKeys(reply);
    if (!keys || request.method !== 'GET' || reply.statusCode !== 200) return payload;
    if (reply.hasHeader('set-cookie')) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const { host } = request.headers;
    const address = pageAddress(host, request.url) ?? keyCheckedAddress(host, request.url);
    if (!address) return payload;
    const now = clock.now();
    const type = String(reply.getHeader('content-type') ?? '');
    // Without knowing how long it stays right, the answer is sent and not kept.
    const fresh = await freshness.until(now, type.startsWith('text/html')).catch(() => undefined);
    if (fresh === undefined) return payload;
    const expiresAt = Math.min(fresh, freshnessLimitOf(reply) ?? Infinity);
    const body = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
    const page = await pageOf(reply, body, keys, expiresAt, now);
    // A change announced while this was rendered may not show in it: send it, never keep it.
    if (startedAt.get(request) === cache.generation) cache.store(address, page);
    reply.header('etag', page.etag).header('last-modified', page.lastModified);
    if (page.headers.vary) reply.header('vary', page.headers.vary);
    if (clientHasIt(request.raw, page)) {
      reply.code(304);
      return '';
    }
    const encoding = chooseEncoding(request.headers['accept-encoding'], page);
    if (encoding === 'identity') return body;
    reply.header('content-encoding', encoding);
    return page[encoding] ?? body;
  });
}

/**
 * Fastify's serverFactory: GET and HEAD requests for kept pages are answered here, without
 * routing, hooks or logging; every other request goes to Fastify. `log` hears each answer when
 * the operator asked for a line per request.
 */
export function pageCacheServerFactory(
  cache: PageCache,
  clock: Clock,
  answered: (
    request: IncomingMessage,
    response: ServerResponse,
    page: CachedPage,
    seconds: number,
  ) => void,
) {
  return (handler: (request: IncomingMessage, response: ServerResponse) => void) =>
    createServer((request, response) => {
      if (request.method === 'GET' || request.method === 'HEAD') {
        const started = performance.now();
        const address = pageAddress(request.headers.host, request.url ?? '/');
        const page = address && cache.lookup(address, clock.now().getTime());
        if (page) {
          sendCachedPage(request, response, page);
          answered(request, response, page, (performance.now() - started) / 1000);
          return;
        }
      }
      handler(request, response);
    });
}
