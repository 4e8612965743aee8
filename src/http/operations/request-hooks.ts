import type { FastifyInstance } from 'fastify';
import type { Metrics } from './metrics-registry.js';
import type { ServerState } from './operations-routes.js';

/** The route label of a request Fastify found no route for: one series for every 404. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * Hooks every request passes, added before any route so every context inherits them: the
 * request's id goes back in X-Request-Id, and its answer is counted by route pattern.
 */
export function registerRequestHooks(
  server: FastifyInstance,
  operations: { metrics: Metrics; state: ServerState } | undefined,
) {
  server.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  if (!operations) return;
  const { metrics, state } = operations;
  // Node keeps a connection alive after an answer sent while the server closes; said here,
  // the client opens its next request elsewhere instead of racing the close.
  server.addHook('onSend', (_request, reply, payload, done) => {
    if (state.shuttingDown) reply.header('connection', 'close');
    done(null, payload);
  });
  server.addHook('onResponse', (request, reply, done) => {
    // The pattern (`/:section/:slug`), never the URL: the URL is the reader's to vary.
    const route = request.is404 ? UNMATCHED_ROUTE : (request.routeOptions.url ?? UNMATCHED_ROUTE);
    metrics.recordRequest(route, request.method, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
}
