import type { IncomingMessage, ServerResponse } from 'node:http';
import fastifyCompress from '@fastify/compress';
import fastifyMultipart from '@fastify/multipart';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { isDomainError, type DomainErrorKind } from '../domain/errors.js';
import type { AccountDeps } from '../services/accounts/account-deps.js';
import { setUpIsOpen } from '../services/accounts/set-up-first-user.js';
import type { NewsroomDeps } from '../services/articles/newsroom-deps.js';
import type { Presence } from '../services/articles/presence.js';
import type { MediaDeps } from '../services/media/media-deps.js';
import type { VariantSource } from '../services/media/variant-on-demand.js';
import type { SiteContext } from '../services/site-context.js';
import type { WebhookDeps } from '../services/webhooks/webhook-deps.js';
import type { UploadImportDeps } from '../services/start-import.js';
import type { WireSourceDeps } from '../services/wire/wire-source-deps.js';
import { registerAdminApp } from './admin/admin-routes.js';
import { noteRefusal } from './api/audit/note-refusal.js';
import { contentApiDeps, registerContentApi } from './api/content/content-api.js';
import { registerContentKeyRoutes } from './api/content/content-keys-routes.js';
import { registerArticleRoutes } from './api/articles/articles-routes.js';
import { registerDeskRoutes } from './api/desk/desk-routes.js';
import { registerMediaRoutes } from './api/media/media-routes.js';
import { registerOpenApiRoute } from './api/openapi.js';
import { registerBreakingNewsRoutes } from './api/publication/breaking-news-routes.js';
import { registerFrontRoutes } from './api/publication/front-routes.js';
import { registerPublicationRoutes } from './api/publication/publication-routes.js';
import { registerNewsroomApi } from './api/newsroom-api.js';
import {
  pageCacheServerFactory,
  registerPageCacheHooks,
  type PageCacheDeps,
} from './page-cache/page-cache-hooks.js';
import type { CachedPage } from './page-cache/page-cache.js';
import {
  registerOperationsRoutes,
  type OperationsOptions,
} from './operations/operations-routes.js';
import { registerRequestHooks } from './operations/request-hooks.js';
import { requestIdFor } from './operations/request-id.js';
import { registerStorableTextGuard } from './middleware/storable-text/index.js';
import { registerWebhookRoutes } from './api/webhooks/webhooks-routes.js';
import { registerWireRoutes } from './api/wire/wire-routes.js';
import { registerWireSourceRoutes } from './api/wire/wire-source-routes.js';
import { registerImportRoutes } from './api/imports/import-routes.js';
import { sendErrorPage } from './site/error-pages.js';
import { registerMediaFiles } from './site/media-files.js';
import { registerSiteRoutes } from './site/site-routes.js';
import { FAVICON_SVG } from './site/static-files.js';
import { registerFeedRoutes } from './site/feed-routes.js';
import { registerSitemapRoutes } from './site/sitemap-routes.js';
import { registerViewBeacon, type ViewBeacon } from './site/view-beacon.js';

export interface ServerOptions {
  site: SiteContext;
  /** The photo library, and its variants served under /media/. */
  media: MediaDeps & { variants: VariantSource };
  publicUrl: string | undefined;
  /** NODE_ENV=production: the newsroom app's source maps are not served. */
  production?: boolean;
  logLevel: string;
  /** The newsroom's accounts: sign-in, sessions, API tokens. */
  accounts: AccountDeps;
  /** The newsroom's articles: drafts, revisions, workflow, who has what open. */
  newsroom: NewsroomDeps & { presence: Presence };
  /** Webhook subscriptions and their delivery log. */
  webhooks: WebhookDeps;
  /** The wire's sources: managed by editors, polled now on request. */
  wireSources: WireSourceDeps;
  /** Imports uploaded in the newsroom, run in this server's background (ADR 0059). */
  imports: UploadImportDeps;
  /** Proxies whose X-Forwarded-For and -Proto are believed (TRUSTED_PROXIES); none by default. */
  trustedProxies?: string[];
  /** Requests a minute each Content API key may make (CONTENT_API_RATE_PER_MINUTE); 600 if unset. */
  contentApiRatePerMinute?: number;
  /** Finished reader pages kept in memory and answered before Fastify; none if absent. */
  pages?: PageCacheDeps;
  /** Tests: every API answer is checked against its endpoint's output schema (slow, loud). */
  checkResponses?: boolean;
  /** /healthz, /readyz, /metrics and the request metrics behind them; none when unset. */
  operations?: OperationsOptions;
  /** Where the request log goes: a logger of the caller's, instead of one made from logLevel. */
  loggerInstance?: FastifyBaseLogger;
  /** Counts the views article pages report (POST /api/views); absent, the beacon is not found. */
  views?: ViewBeacon;
}

/** The one mapping from domain errors to HTTP statuses. */
export const HTTP_STATUS: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_many_requests: 429,
  too_large: 413,
  unsupported_media: 415,
};

const acceptsHtml = (accept: string | undefined) => accept?.includes('text/html') ?? false;
const isApi = (url: string) => url.startsWith('/api/');

/** Kept pages are answered before Fastify sees them (ADR 0033); lines for them if asked. */
function cachedPagesFirst(
  options: ServerOptions,
  logsRequests: boolean,
  server: () => FastifyInstance,
) {
  const cache = options.pages?.cache;
  if (!cache?.enabled) return {};
  const metrics = options.operations?.metrics;
  const answered = (
    request: IncomingMessage,
    response: ServerResponse,
    page: CachedPage,
    seconds: number,
  ) => {
    metrics?.recordRequest(page.route, request.method ?? 'GET', response.statusCode, seconds);
    if (logsRequests)
      server().log.debug(
        { url: request.url, method: request.method, statusCode: response.statusCode },
        'answered from the page cache',
      );
  };
  return { serverFactory: pageCacheServerFactory(cache, options.site.clock, answered) };
}

/** Fastify's own settings: logging, request ids, proxies, and kept pages answered first. */
const fastifyOptions = (
  options: ServerOptions,
  logsRequests: boolean,
  server: () => FastifyInstance,
) => ({
  ...cachedPagesFirst(options, logsRequests, server),
  ...(options.loggerInstance
    ? { loggerInstance: options.loggerInstance }
    : { logger: options.logLevel === 'silent' ? false : { level: options.logLevel } }),
  // Taken from X-Request-Id when sane, so a proxy's id follows the request into our log.
  requestIdHeader: false as const,
  genReqId: requestIdFor,
  routerOptions: { ignoreTrailingSlash: true },
  trustProxy: options.trustedProxies?.length ? options.trustedProxies : false,
  // A line per request costs more than rendering the page; debug and trace turn them on.
  logController: new LogController({ disableRequestLogging: !logsRequests }),
});

/** How a wire draft fetches the agency's photo: the guarded client, into the photo library. */
const wirePhotos = (options: ServerOptions) => ({
  outbound: options.webhooks.outbound,
  media: options.media,
});

/** Builds the HTTP server with every route; the caller listens. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const logsRequests = options.logLevel === 'debug' || options.logLevel === 'trace';
  const server: FastifyInstance = Fastify(fastifyOptions(options, logsRequests, () => server));
  server.decorate('checkResponses', options.checkResponses ?? false);
  registerRequestHooks(server, options.operations);
  if (options.operations) registerOperationsRoutes(server, options.operations);
  registerStorableTextGuard(server);
  // Before compression: the cache keeps the page as rendered and sends its own encodings.
  if (options.pages) registerPageCacheHooks(server, options.pages, options.site.clock);
  await server.register(fastifyCompress, { threshold: 1024, encodings: ['br', 'gzip'] });
  // Uploads only: the plugin parses multipart bodies for the routes that ask for them.
  await server.register(fastifyMultipart, { limits: { fileSize: options.media.limits.maxBytes } });
  registerMediaFiles(server, options.media.variants);
  server.get('/favicon.svg', (_request, reply) =>
    reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(FAVICON_SVG),
  );
  registerSiteRoutes(server, options.site, { publicUrl: options.publicUrl });
  registerFeedRoutes(server, options.site, { publicUrl: options.publicUrl });
  registerSitemapRoutes(server, options.site, { publicUrl: options.publicUrl });
  if (options.views) registerViewBeacon(server, options.views);

  server.setNotFoundHandler((request, reply) => sendErrorPage(options.site, request, reply, 404));
  server.setErrorHandler(async (error, request, reply) => {
    if (isDomainError(error)) {
      const status = HTTP_STATUS[error.kind];
      if (status === 403) await noteRefusal(options.accounts, request, error);
      if ((status === 404 || status === 410) && !isApi(request.url))
        return sendErrorPage(options.site, request, reply, status);
      // A reader's mistyped address gets a page; scripts and APIs get JSON.
      const readerGet = request.method === 'GET' && !isApi(request.url);
      if (status === 400 && readerGet && acceptsHtml(request.headers.accept))
        return sendErrorPage(options.site, request, reply, 400, error.message);
      if (error.retryAfterSeconds !== undefined)
        reply.header('retry-after', error.retryAfterSeconds);
      return reply.code(status).send({
        error: error.message,
        ...(error.field ? { field: error.field } : {}),
        ...error.details,
      });
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      return reply.code(status).send({ error: (error as Error).message });
    }
    request.log.error(error);
    // Scripts and apps read JSON, whatever went wrong; readers get a page.
    if (isApi(request.url)) {
      reply.code(500).header('cache-control', 'no-store');
      return reply.send({ error: 'Something went wrong on our side' });
    }
    return sendErrorPage(options.site, request, reply, 500);
  });
  // After the error handler: a context takes its parent's handlers as they are when it loads.
  await registerNewsroomApi(server, options.accounts, (newsroom) => {
    registerArticleRoutes(newsroom, options.newsroom, { publicUrl: options.publicUrl });
    registerDeskRoutes(newsroom, { newsroom: options.newsroom, site: options.site });
    registerFrontRoutes(newsroom, options.site, { publicUrl: options.publicUrl });
    registerPublicationRoutes(newsroom, {
      stores: options.newsroom.storage.stores,
      clock: options.newsroom.clock,
      publication: options.site.publication,
    });
    registerBreakingNewsRoutes(newsroom, {
      storage: options.newsroom.storage,
      clock: options.newsroom.clock,
      publication: options.site.publication,
    });
    registerMediaRoutes(newsroom, options.media);
    registerWebhookRoutes(newsroom, options.webhooks);
    registerWireRoutes(newsroom, { ...options.newsroom, photos: wirePhotos(options) });
    registerWireSourceRoutes(newsroom, options.wireSources);
    registerImportRoutes(newsroom, options.imports);
    registerContentKeyRoutes(newsroom, contentApiDeps(options));
    registerOpenApiRoute(newsroom);
  });
  await registerContentApi(server, contentApiDeps(options), {
    publicUrl: options.publicUrl,
    ratePerMinute: options.contentApiRatePerMinute ?? 600,
    ...(options.pages && { cache: options.pages.cache }),
  });
  await registerAdminApp(server, undefined, {
    sourceMaps: !options.production,
    setUpIsOpen: () => setUpIsOpen(options.accounts.storage.stores),
  });
  return server;
}
