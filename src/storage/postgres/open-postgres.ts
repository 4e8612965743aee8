import { Kysely, PostgresDialect, type LogConfig } from 'kysely';
import pg from 'pg';
import type { DatabaseSchema } from '../schema.js';

/** Connects a pool to PostgreSQL. */
export function openPostgres(connectionString: string, log?: LogConfig): Kysely<DatabaseSchema> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle connection can be cut by the server (a restart, a failover, an administrator).
  // Without a listener that error would end the process; the pool drops the connection and the
  // next query opens a new one.
  pool.on('error', () => undefined);
  return new Kysely<DatabaseSchema>({
    dialect: new PostgresDialect({ pool }),
    ...(log && { log }),
  });
}
