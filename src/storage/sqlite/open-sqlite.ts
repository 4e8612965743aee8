import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from 'better-sqlite3';
import { Kysely, SqliteDialect, type LogConfig } from 'kysely';
import type { DatabaseSchema } from '../schema.js';
import { usePlannerStatistics } from './planner-statistics.js';
import { loadSqliteDriver } from './sqlite-driver.js';
import { withStatementCache } from './statement-cache.js';

/**
 * Opens (creating if needed) a SQLite file tuned for a newsroom: durable and concurrent. The
 * connection itself is for upkeep outside any query (the planner's statistics).
 */
export function openSqlite(
  path: string,
  log?: LogConfig,
): { db: Kysely<DatabaseSchema>; connection: Database } {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const SqliteDatabase = loadSqliteDriver();
  const connection = new SqliteDatabase(path);
  // WAL lets readers run while a writer commits; synchronous=FULL makes a commit durable
  // across a power cut (NORMAL would only survive an application crash in WAL mode).
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = FULL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  usePlannerStatistics(connection);
  const db = new Kysely<DatabaseSchema>({
    dialect: new SqliteDialect({ database: withStatementCache(connection) }),
    ...(log && { log }),
  });
  return { db, connection };
}
