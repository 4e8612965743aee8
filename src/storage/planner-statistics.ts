import { sql, type Kysely } from 'kysely';
import type { Engine } from './engine.js';

/**
 * Gathers the planner's statistics as Dateline keeps them: PostgreSQL's ANALYZE whole (which
 * autovacuum also runs by itself), SQLite's per-index averages without the per-value samples
 * (`sqlite/planner-statistics.ts`, ADR 0067).
 */
export async function refreshPlannerStatistics(db: Kysely<unknown>, engine: Engine) {
  await sql`ANALYZE`.execute(db);
  if (engine !== 'sqlite') return;
  const { rows } = await sql`select 1 from sqlite_schema where name = 'sqlite_stat4'`.execute(db);
  if (rows.length === 0) return;
  await sql`DELETE FROM sqlite_stat4`.execute(db);
  await sql`ANALYZE sqlite_schema`.execute(db);
}
