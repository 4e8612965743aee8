import type BetterSqlite from 'better-sqlite3';
import { loadSqliteDriver } from '../sqlite/sqlite-driver.js';
import { usePlannerStatistics } from '../sqlite/planner-statistics.js';
import { quoted, type BulkWriter } from './bulk-writer.js';
import type { Cell, TableRows } from './synthetic-archive.js';

/** Rows per INSERT: well under SQLite's limit of bound parameters for our widest table. */
const ROWS_PER_STATEMENT = 50;

/**
 * Bulk loads into a SQLite file through a connection of its own: multi-row INSERTs prepared
 * once per shape, one transaction per batch, and for the load only, no fsync per commit and a
 * large page cache (a crash mid-load loses only the seed, which is started again). The
 * newsroom's durable settings (ADR 0003) are put back before the connection closes.
 */
export function sqliteBulkWriter(path: string): BulkWriter {
  const Database = loadSqliteDriver();
  const db: BetterSqlite.Database = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  db.pragma('temp_store = MEMORY');
  db.pragma('foreign_keys = ON');
  const statements = new Map<string, BetterSqlite.Statement>();

  const statementFor = (table: string, columns: readonly string[], rows: number) => {
    const key = `${table}:${rows}`;
    let statement = statements.get(key);
    if (!statement) {
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      statement = db.prepare(
        `INSERT INTO ${quoted(table)} (${columns.map(quoted).join(', ')}) VALUES ${Array(rows)
          .fill(tuple)
          .join(', ')}`,
      );
      statements.set(key, statement);
    }
    return statement;
  };

  const insertAll = (batch: TableRows[]) => {
    for (const { table, columns, rows } of batch) {
      for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
        const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
        const values: Cell[] = [];
        for (const row of chunk) for (const cell of row) values.push(cell);
        statementFor(table, columns, chunk.length).run(values);
      }
    }
  };
  const transaction = db.transaction(insertAll);

  return {
    write: (batch) => Promise.resolve(transaction(batch)),
    finish: () => {
      usePlannerStatistics(db);
      db.pragma('synchronous = FULL');
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      return Promise.resolve();
    },
  };
}
