import { sql, type Kysely } from 'kysely';
import type { DatabaseReadiness } from '../services/operations-ports.js';
import { pendingMigrations } from './migrate.js';

/** Rejects when `work` has not settled within `ms`; a hung database must not hang the probe. */
async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Asks the database a trivial question and which migrations it lacks, each within
 * `timeoutMs`. Never throws: a closed or unreachable database is a problem to report.
 */
export async function checkReadiness(
  db: Kysely<unknown>,
  timeoutMs: number,
): Promise<DatabaseReadiness> {
  try {
    await within(timeoutMs, 'the database', sql`select 1`.execute(db));
  } catch (error) {
    return { problem: `database unreachable: ${reason(error)}`, pendingMigrations: [] };
  }
  try {
    const pending = await within(timeoutMs, 'the migration table', pendingMigrations(db));
    return { problem: null, pendingMigrations: pending };
  } catch (error) {
    return { problem: `migrations unreadable: ${reason(error)}`, pendingMigrations: [] };
  }
}
