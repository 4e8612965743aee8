import Fastify, { type FastifyInstance } from 'fastify';
import type { Metrics } from './metrics-registry.js';
import { sendMetrics } from './operations-routes.js';

/**
 * A listener of its own for /metrics (METRICS_PORT), meant for a private address: whoever
 * reaches it may read the metrics, so it needs no token. Nothing else is served there.
 */
export async function listenForMetrics(
  metrics: Metrics,
  where: { port: number; host: string },
): Promise<{ server: FastifyInstance; address: string }> {
  const server = Fastify({ logger: false });
  server.get('/metrics', (_request, reply) => sendMetrics(metrics, reply));
  const address = await server.listen(where);
  return { server, address };
}
