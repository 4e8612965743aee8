import { sql, type Kysely } from 'kysely';
import type { AuditRecord } from '../domain/audit/audit-entry.js';
import type { Batch, Stores } from '../services/ports.js';
import type { Engine } from './engine.js';
import type { Announce } from './newsroom-records.js';
import type { DatabaseSchema } from './schema.js';

/**
 * What a set of stores tells of its writes: audit entries, the kinds of jobs queued, and the
 * keys of the pages it made stale; passed on once the transaction has committed.
 */
export interface Recorders {
  audited: (record: AuditRecord) => void;
  queued: (kind: string) => void;
  announced: Announce;
}

/** Stores on one connection; `refresh` replaces their search and related-story upkeep. */
export type StoresOn = (
  db: Kysely<DatabaseSchema>,
  recorders: Recorders,
  refresh?: (ids: number[]) => Promise<void>,
) => Stores;

/** What one unit recorded: kept only when the unit is released, dropped when rolled back. */
class UnitLedger {
  audited: AuditRecord[] = [];
  queued: string[] = [];
  stale: string[] = [];
  refreshed: number[] = [];

  keep(into: UnitLedger) {
    into.audited.push(...this.audited);
    into.queued.push(...this.queued);
    into.stale.push(...this.stale);
    into.refreshed.push(...this.refreshed);
  }
}

/**
 * SQLite takes the write lock at BEGIN IMMEDIATE, so a second importer waits for it (the busy
 * timeout) instead of failing on a snapshot gone stale between its read and its write.
 */
const beginOf = (engine: Engine) => (engine === 'sqlite' ? sql`begin immediate` : sql`begin`);

/**
 * Runs `work` in one transaction whose units each sit in a savepoint: a unit that throws is
 * rolled back alone and the error handed on, the others stay. The stories' search entries
 * and related stories are brought up to date once, just before the one commit; audit lines,
 * queued jobs and stale pages are passed on after it, for the units kept.
 */
export async function inBatch<T>(
  db: Kysely<DatabaseSchema>,
  engine: Engine,
  after: Recorders & { refresh: (db: Kysely<DatabaseSchema>, ids: number[]) => Promise<void> },
  storesOn: StoresOn,
  work: (batch: Batch) => Promise<T>,
): Promise<T> {
  const kept = new UnitLedger();
  const result = await db.connection().execute(async (connection) => {
    let unit = new UnitLedger();
    const stores = storesOn(
      connection,
      {
        audited: (record) => unit.audited.push(record),
        queued: (kind) => unit.queued.push(kind),
        announced: (keys) => Promise.resolve(void unit.stale.push(...keys)),
      },
      (ids) => Promise.resolve(void unit.refreshed.push(...ids)),
    );
    const batch: Batch = {
      async unit(unitWork) {
        unit = new UnitLedger();
        await sql`savepoint unit`.execute(connection);
        try {
          const done = await unitWork(stores);
          await sql`release savepoint unit`.execute(connection);
          unit.keep(kept);
          return done;
        } catch (error) {
          await sql`rollback to savepoint unit`.execute(connection);
          await sql`release savepoint unit`.execute(connection);
          throw error;
        }
      },
    };
    await beginOf(engine).execute(connection);
    try {
      const done = await work(batch);
      await after.refresh(connection, [...new Set(kept.refreshed)]);
      await sql`commit`.execute(connection);
      return done;
    } catch (error) {
      await sql`rollback`.execute(connection);
      throw error;
    }
  });
  for (const record of kept.audited) after.audited(record);
  for (const kind of new Set(kept.queued)) after.queued(kind);
  if (kept.stale.length > 0) await after.announced([...new Set(kept.stale)]);
  return result;
}
