/**
 * Writes the statistics every SQLite database plans with (ADR 0067):
 * `npm run build && node dist/bench/planner-statistics.js` seeds a 100k-story archive in a
 * temporary folder, as the query-plan test does, runs ANALYZE, and writes its per-index averages
 * of the tables the archive fills (a thousand rows or more) to
 * `src/storage/sqlite/planner-statistics-100k.ts`. The other tables' figures would say "tiny" of
 * tables a real paper fills (photos, jobs, views), so they are left to SQLite's defaults, which
 * take every table for a big one. Run it after a migration adds or changes an index.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSqliteDriver } from '../src/storage/sqlite/sqlite-driver.js';
import { openStorage } from '../src/storage/open-storage.js';
import { packageRoot } from './package-root.js';
import { REFERENCE_NOW } from './prepare-data.js';

const ARCHIVE = 100_000;
const FILLED_TABLE_ROWS = 1_000;
const TARGET = 'src/storage/sqlite/planner-statistics-100k.ts';

interface Stat1Row {
  tbl: string;
  idx: string | null;
  stat: string;
}

async function seededArchive(path: string) {
  const storage = openStorage(`sqlite:${path}`);
  try {
    await storage.migrate();
    await storage.archive.seed({ articles: ARCHIVE, sections: 12, now: new Date(REFERENCE_NOW) });
  } finally {
    await storage.close();
  }
}

function gatheredStatistics(path: string): Stat1Row[] {
  const SqliteDatabase = loadSqliteDriver();
  const db = new SqliteDatabase(path);
  try {
    db.exec('ANALYZE');
    const rows = db
      .prepare<[], Stat1Row>('select tbl, idx, stat from sqlite_stat1 order by tbl, idx')
      .all();
    const tableRows = (row: Stat1Row) => Number(row.stat.split(' ')[0]);
    const filled = new Set(rows.filter((r) => tableRows(r) >= FILLED_TABLE_ROWS).map((r) => r.tbl));
    return rows.filter((row) => filled.has(row.tbl) && !row.tbl.startsWith('kysely_'));
  } finally {
    db.close();
  }
}

function moduleText(rows: Stat1Row[]) {
  const lines = rows.map(
    (r) => `  [${JSON.stringify(r.tbl)}, ${JSON.stringify(r.idx)}, ${JSON.stringify(r.stat)}],`,
  );
  return `/**
 * ANALYZE's per-index averages (\`sqlite_stat1\`) of a ${ARCHIVE.toLocaleString('en')}-story archive, the ones every
 * SQLite database plans with (ADR 0067). Written by \`node dist/bench/planner-statistics.js\`; do
 * not edit by hand.
 */
export const PLANNER_STATISTICS: readonly (readonly [string, string | null, string])[] = [
${lines.join('\n')}
];
`;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-statistics-'));
  try {
    const path = join(dir, 'archive.db');
    await seededArchive(path);
    const rows = gatheredStatistics(path);
    writeFileSync(join(packageRoot(), TARGET), moduleText(rows));
    console.info(`planner statistics: ${rows.length} rows written to ${TARGET}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
