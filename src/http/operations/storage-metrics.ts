import type { Clock } from '../../services/ports.js';
import type { JobStore } from '../../services/job-ports.js';
import type { PoolStats } from '../../services/operations-ports.js';
import type { Collector } from './metrics-registry.js';

/** The PostgreSQL pool's connections; nothing on SQLite, whose one connection has no pool. */
export const poolCollector =
  (poolStats: () => PoolStats | undefined): Collector =>
  () => {
    const stats = poolStats();
    if (!stats) return [];
    const gauge = (name: string, help: string, value: number) => ({
      name,
      help,
      type: 'gauge' as const,
      samples: [{ value }],
    });
    return [
      gauge('db_pool_connections', 'Connections the pool holds open.', stats.total),
      gauge('db_pool_idle_connections', 'Open connections not in use.', stats.idle),
      gauge('db_pool_waiting_queries', 'Queries waiting for a connection.', stats.waiting),
      gauge('db_pool_max_connections', 'The most connections the pool opens.', stats.max),
    ];
  };

/**
 * The job queue per kind: jobs due and not done, and how long the oldest has waited. Every
 * known kind is reported, at 0 when idle, so a series does not vanish between scrapes.
 */
export const jobQueueCollector =
  (jobs: Pick<JobStore, 'queueStats'>, clock: Clock, knownKinds: readonly string[]): Collector =>
  async () => {
    const stats = await jobs.queueStats(clock.now());
    const byKind = new Map(stats.map((row) => [row.kind, row]));
    const kinds = [...new Set([...knownKinds, ...byKind.keys()])].sort();
    return [
      {
        name: 'jobs_queued',
        help: 'Background jobs due and not done (waiting or running), by kind.',
        type: 'gauge',
        samples: kinds.map((kind) => ({ labels: { kind }, value: byKind.get(kind)?.queued ?? 0 })),
      },
      {
        name: 'jobs_oldest_age_seconds',
        help: 'How long the longest-waiting due job has waited, by kind; 0 when none is due.',
        type: 'gauge',
        samples: kinds.map((kind) => ({
          labels: { kind },
          value: byKind.get(kind)?.oldestAgeSeconds ?? 0,
        })),
      },
    ];
  };
