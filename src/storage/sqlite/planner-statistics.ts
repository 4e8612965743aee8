import type { Database } from 'better-sqlite3';
import { PLANNER_STATISTICS } from './planner-statistics-100k.js';

interface Stat1Row {
  tbl: string;
  idx: string | null;
  stat: string;
}

const CANNED: Stat1Row[] = PLANNER_STATISTICS.map(([tbl, idx, stat]) => ({ tbl, idx, stat }));
const fingerprint = (rows: Stat1Row[]) =>
  JSON.stringify(rows.map((r) => [r.tbl, r.idx, r.stat]).sort());

const exists = (db: Database, name: string) =>
  db.prepare('select 1 from sqlite_schema where name = ?').get(name) !== undefined;

/**
 * Makes SQLite plan with ANALYZE's per-index averages of a 100k-story archive, whatever this
 * database holds, and never with per-value samples (ADR 0067). The query-plan test checks every
 * page's plan under these figures, so every paper runs the plans it checked: a newsroom's own
 * database has no statistics until someone runs ANALYZE, and without them SQLite read every
 * published story for the scheduler's expiry check, the most-read list and search results' cards. Samples made a
 * plan depend on the value bound (a month's archive page sorted on the days one fell in it) and
 * every cached statement be planned anew each run (ADR 0039). An ANALYZE run by hand is undone
 * here at the next start. Run again after migrating.
 */
export function usePlannerStatistics(db: Database): void {
  if (!exists(db, 'sqlite_stat1')) db.exec('ANALYZE sqlite_schema');
  const current = db.prepare<[], Stat1Row>('select tbl, idx, stat from sqlite_stat1').all();
  const sampled =
    exists(db, 'sqlite_stat4') && db.prepare('select 1 from sqlite_stat4 limit 1').get();
  if (sampled || fingerprint(current) !== fingerprint(CANNED)) {
    db.transaction(() => {
      db.exec('DELETE FROM sqlite_stat1');
      if (exists(db, 'sqlite_stat4')) db.exec('DELETE FROM sqlite_stat4');
      const insert = db.prepare('INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)');
      for (const row of CANNED) insert.run(row.tbl, row.idx, row.stat);
    })();
  }
  // SQLite reads its statistics with the schema, and an index created since (a migration) has
  // none until it reads them again: this has it do so.
  db.exec('ANALYZE sqlite_schema');
}
