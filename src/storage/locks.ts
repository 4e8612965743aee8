import { sql, type Kysely } from 'kysely';
import type { Locks } from '../services/ports.js';
import type { Engine } from './engine.js';
import type { DatabaseSchema } from './schema.js';

/**
 * PostgreSQL advisory locks, so that of several instances on one database only one runs a
 * singleton job at a time. The lock lives on one pooled connection, held for the work.
 */
function postgresLocks(db: Kysely<DatabaseSchema>): Locks {
  return {
    tryWithLock: (name, work) =>
      db.connection().execute(async (connection) => {
        const { rows } = await sql<{
          locked: boolean;
        }>`select pg_try_advisory_lock(hashtext(${name})) as locked`.execute(connection);
        if (!rows[0]?.locked) return false;
        try {
          await work();
        } finally {
          await sql`select pg_advisory_unlock(hashtext(${name}))`.execute(connection);
        }
        return true;
      }),
  };
}

/**
 * One SQLite file is served by one process; within it, a lock keeps a slow run from
 * overlapping the next. (Work that must happen once is also guarded by conditional updates.)
 */
function processLocks(): Locks {
  const held = new Set<string>();
  return {
    async tryWithLock(name, work) {
      if (held.has(name)) return false;
      held.add(name);
      try {
        await work();
      } finally {
        held.delete(name);
      }
      return true;
    },
  };
}

export const createLocks = (db: Kysely<DatabaseSchema>, engine: Engine): Locks =>
  engine === 'postgres' ? postgresLocks(db) : processLocks();
