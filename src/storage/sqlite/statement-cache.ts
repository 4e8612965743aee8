import type { Database, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Enough for every query shape the app issues, with room for IN-lists of varying length. */
const MAX_STATEMENTS = 1000;

/**
 * Kysely prepares every query afresh; preparing costs more than running a small query, so the
 * compiled statements are kept by their SQL text. Safe because Kysely's SQLite driver runs one
 * query at a time on its one connection.
 */
export function withStatementCache(connection: Database): SqliteDatabase {
  const statements = new Map<string, Statement>();
  return {
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= MAX_STATEMENTS) statements.clear();
        statement = connection.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
    close() {
      statements.clear();
      connection.close();
    },
  };
}
