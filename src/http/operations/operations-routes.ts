import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { DatabaseReadiness } from '../../services/operations-ports.js';
import type { Metrics } from './metrics-registry.js';
import { PROMETHEUS_CONTENT_TYPE } from './prometheus-text.js';

/** Set by `serve` when a shutdown begins: probes then fail so a balancer sends no more. */
export interface ServerState {
  shuttingDown: boolean;
}

export interface OperationsOptions {
  state: ServerState;
  /** The database's answer to a trivial query and its pending migrations, within a timeout. */
  readiness(timeoutMs: number): Promise<DatabaseReadiness>;
  metrics: Metrics;
  /** METRICS_TOKEN: /metrics on this server answers only to `Authorization: Bearer` it. */
  metricsToken: string | undefined;
}

/** A probe that hangs is a failed probe; a balancer's own timeout is often a few seconds. */
const READINESS_TIMEOUT_MS = 1_500;

/** Probes come every few seconds: their lines would drown the log, even at debug. */
const quiet = { logLevel: 'warn' as const };

const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Compares digests, so neither the token's length nor its content shows in the timing. */
const bearerMatches = (header: string | undefined, token: string) =>
  header !== undefined && timingSafeEqual(digest(header), digest(`Bearer ${token}`));

/** What stands between this process and being sent requests, for a person to read. */
export async function readinessProblems(options: OperationsOptions): Promise<{
  problems: string[];
  pendingMigrations: string[];
}> {
  if (options.state.shuttingDown) return { problems: ['shutting down'], pendingMigrations: [] };
  const { problem, pendingMigrations } = await options.readiness(READINESS_TIMEOUT_MS);
  const problems = problem ? [problem] : [];
  if (pendingMigrations.length > 0)
    problems.push(`migrations not applied: ${pendingMigrations.join(', ')}`);
  return { problems, pendingMigrations };
}

/** Sends the metrics exposition. */
export const sendMetrics = async (metrics: Metrics, reply: FastifyReply) =>
  noStore(reply)
    .type(PROMETHEUS_CONTENT_TYPE)
    .send(await metrics.exposition());

/**
 * /healthz (the process is alive and not shutting down), /readyz (the database answers and
 * is migrated) and, with a token, /metrics.
 */
export function registerOperationsRoutes(server: FastifyInstance, options: OperationsOptions) {
  server.get('/healthz', quiet, (_request, reply) =>
    options.state.shuttingDown
      ? noStore(reply).code(503).send({ status: 'shutting down' })
      : noStore(reply).send({ status: 'ok' }),
  );
  server.get('/readyz', quiet, async (_request, reply) => {
    const { problems, pendingMigrations } = await readinessProblems(options);
    return noStore(reply)
      .code(problems.length === 0 ? 200 : 503)
      .send({ ready: problems.length === 0, problems, pendingMigrations });
  });
  const token = options.metricsToken;
  if (token === undefined) return;
  server.get('/metrics', quiet, async (request, reply) => {
    if (!bearerMatches(request.headers.authorization, token)) {
      return noStore(reply)
        .code(401)
        .header('www-authenticate', 'Bearer realm="metrics"')
        .send({ error: 'metrics need Authorization: Bearer with METRICS_TOKEN' });
    }
    return sendMetrics(options.metrics, reply);
  });
}
