import type { Database } from 'better-sqlite3';

/**
 * Drops ANALYZE's per-value samples (`sqlite_stat4`) and keeps its per-index averages
 * (`sqlite_stat1`), then has SQLite read its statistics again. With samples, SQLite plans a
 * statement anew every time a value is bound to a term an index could use, so every run of a
 * cached statement paid for planning it: five times the cost of reading a section's newest
 * stories (ADR 0039). They also make a plan depend on the value: a month whose range held a
 * sample was read by skipping across the sections' index and sorting (ADR 0067). The averages
 * pick the same indexes for every value.
 */
export function forgetValueSamples(db: Database): void {
  const sampled = db.prepare("select 1 from sqlite_schema where name = 'sqlite_stat4'").get();
  if (sampled && db.prepare('DELETE FROM sqlite_stat4').run().changes > 0)
    db.exec('ANALYZE sqlite_schema');
}
