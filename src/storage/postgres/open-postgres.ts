import { Kysely, PostgresDialect, type LogConfig } from 'kysely';
import pg from 'pg';
import type { PoolStats } from '../../services/operations-ports.js';
import type { DatabaseSchema } from '../schema.js';
import { preparingPool } from './prepared-statements.js';

const MAX_CONNECTIONS = 10;

/** Connects a pool to PostgreSQL; `poolStats` tells /metrics how busy it is. */
export function openPostgres(
  connectionString: string,
  log?: LogConfig,
): {
  db: Kysely<DatabaseSchema>;
  poolStats: () => PoolStats;
} {
  const pool = new pg.Pool({ connectionString, max: MAX_CONNECTIONS });
  // An idle connection can be cut by the server (a restart, a failover, an administrator).
  // Without a listener that error would end the process; the pool drops the connection and the
  // next query opens a new one.
  pool.on('error', () => undefined);
  return {
    db: new Kysely<DatabaseSchema>({
      dialect: new PostgresDialect({ pool: preparingPool(pool) }),
      ...(log && { log }),
    }),
    poolStats: () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
      max: MAX_CONNECTIONS,
    }),
  };
}
