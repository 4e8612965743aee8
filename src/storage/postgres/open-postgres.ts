import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseSchema } from '../schema.js';

/** Connects a pool to PostgreSQL. */
export function openPostgres(connectionString: string): Kysely<DatabaseSchema> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  return new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
}
