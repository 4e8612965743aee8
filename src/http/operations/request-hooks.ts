import type { FastifyInstance } from 'fastify';
import type { Metrics } from './metrics-registry.js';

/** The route label of a request Fastify found no route for: one series for every 404. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * Hooks every request passes, added before any route so every context inherits them: the
 * request's id goes back in X-Request-Id, and its answer is counted by route pattern.
 */
export function registerRequestHooks(server: FastifyInstance, metrics: Metrics | undefined) {
  server.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  if (!metrics) return;
  server.addHook('onResponse', (request, reply, done) => {
    // The pattern (`/:section/:slug`), never the URL: the URL is the reader's to vary.
    const route = request.is404 ? UNMATCHED_ROUTE : (request.routeOptions.url ?? UNMATCHED_ROUTE);
    metrics.recordRequest(route, request.method, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
}
