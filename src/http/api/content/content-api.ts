/**
 * The Content API (/api/content/…): read-only, for apps and partners, in a Fastify context of
 * its own. No cookies: every read presents a key, is counted against that key's rate, and
 * may be read from any origin (CORS `*`, which browsers allow because no credentials ride
 * along).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { TokenBucketLimiter } from '../../../domain/content-api/token-bucket.js';
import { notFound, tooManyRequests } from '../../../domain/errors.js';
import { authenticateContentKey } from '../../../services/content-api/authenticate-content-key.js';
import type { AccountDeps } from '../../../services/accounts/account-deps.js';
import type { NewsroomDeps } from '../../../services/articles/newsroom-deps.js';
import type { ContentApiDeps } from '../../../services/content-api/content-api-deps.js';
import type { SiteContext } from '../../../services/site-context.js';
import { answerFromCacheAfterKeyCheck } from '../../page-cache/answer-after-key-check.js';
import type { PageCache } from '../../page-cache/page-cache.js';
import { registerContentOpenApi } from './content-openapi.js';
import { registerContentRoutes } from './content-routes.js';

export const CONTENT_API_PREFIX = '/api/content';

export interface ContentApiOptions {
  /** Absolute origin for URLs in answers; taken from the request when not configured. */
  publicUrl: string | undefined;
  /** Requests per minute each key may make, in each process (CONTENT_API_RATE_PER_MINUTE). */
  ratePerMinute: number;
  /** Milliseconds now, for the rate limit: wall time, whatever the publication's clock says. */
  nowMs?: () => number;
  /** Reads kept in memory, answered after the key check and rate limit; none if absent. */
  cache?: PageCache;
}

/** The Content API's dependencies, from those the server is built with. */
export const contentApiDeps = (options: {
  site: SiteContext;
  accounts: AccountDeps;
  newsroom: NewsroomDeps;
}): ContentApiDeps => ({
  stores: options.newsroom.storage.stores,
  clock: options.newsroom.clock,
  publication: options.site.publication,
  secrets: options.accounts.secrets,
});

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers':
    'ETag, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, RateLimit-Policy, Retry-After',
};

const PREFLIGHT_HEADERS = {
  'access-control-allow-methods': 'GET, HEAD, OPTIONS',
  'access-control-allow-headers': 'Authorization, X-Api-Key, If-None-Match',
  'access-control-max-age': '86400',
};

/** Paths anyone may read without a key: the documentation. */
const OPEN_PATHS = new Set([`${CONTENT_API_PREFIX}/openapi.json`]);

/** The key a request presents: `Authorization: Bearer <key>`, else `X-Api-Key`. */
function presentedKey(request: FastifyRequest): string | undefined {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
  const header = request.headers['x-api-key'];
  return bearer ?? (typeof header === 'string' ? header.trim() : undefined);
}

function guard(deps: ContentApiDeps, options: ContentApiOptions) {
  const limiter = new TokenBucketLimiter(options.ratePerMinute);
  const nowMs = options.nowMs ?? Date.now;
  return async (request: FastifyRequest, reply: FastifyReply) => {
    // Errors and refusals are never cached; a successful read says otherwise.
    reply.headers({ ...CORS_HEADERS, 'cache-control': 'no-store' });
    if (request.method === 'OPTIONS' || OPEN_PATHS.has(request.url.split('?')[0] ?? '')) return;
    reply.header('www-authenticate', 'Bearer realm="content"');
    const key = await authenticateContentKey(deps, presentedKey(request));
    reply.removeHeader('www-authenticate');
    const rate = limiter.take(String(key.id), nowMs());
    reply.headers({
      'ratelimit-limit': rate.limit,
      'ratelimit-remaining': rate.remaining,
      'ratelimit-reset': rate.resetSeconds,
      'ratelimit-policy': `${rate.limit};w=60`,
    });
    if (!rate.allowed) {
      throw tooManyRequests(
        `This key may make ${rate.limit} requests a minute; try again in ${rate.retryAfterSeconds} s`,
        rate.retryAfterSeconds,
      );
    }
    // Answers do not depend on which key asked (docs/content-api.md), only on there being one.
    if (options.cache?.enabled)
      answerFromCacheAfterKeyCheck(options.cache, deps.clock, request, reply);
  };
}

/** Registers the Content API in its own context; call after the server's error handler is set. */
export async function registerContentApi(
  server: FastifyInstance,
  deps: ContentApiDeps,
  options: ContentApiOptions,
) {
  await server.register(
    (api, _options, done) => {
      api.addHook('onRequest', guard(deps, options));
      api.options('/*', (_request, reply) => reply.code(204).headers(PREFLIGHT_HEADERS).send());
      api.setNotFoundHandler(() => {
        throw notFound('The Content API has no such resource; see /api/content/openapi.json');
      });
      registerContentRoutes(api, CONTENT_API_PREFIX, deps, options);
      registerContentOpenApi(api);
      done();
    },
    { prefix: CONTENT_API_PREFIX },
  );
}
