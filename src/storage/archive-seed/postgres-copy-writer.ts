import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { quoted, type BulkWriter } from './bulk-writer.js';
import type { Cell } from './synthetic-archive.js';

/** COPY's text format: backslash escapes for the characters that delimit, \N for null. */
function copyCell(cell: Cell): string {
  if (cell === null) return '\\N';
  if (typeof cell === 'number') return String(cell);
  return cell.replace(/[\\\n\r\t]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t',
  );
}

/** The rows as COPY text, a few hundred rows to a chunk so the stream can pace itself. */
function* copyText(rows: Cell[][]): Generator<string> {
  for (let start = 0; start < rows.length; start += 500) {
    let text = '';
    for (const row of rows.slice(start, start + 500)) text += `${row.map(copyCell).join('\t')}\n`;
    yield text;
  }
}

/**
 * Bulk loads into PostgreSQL with `COPY … FROM STDIN` on a connection of its own, one
 * transaction per batch. Commits of the load do not wait for the WAL flush (a crash loses only
 * the last batches of a seed, never makes it inconsistent); the setting ends with the session.
 */
export async function postgresCopyWriter(url: string): Promise<BulkWriter> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('SET synchronous_commit = off');
  // Bodies of about 5 KB are compressed into TOAST: lz4 does it at a fraction of pglz's CPU,
  // and any PostgreSQL from 14 on reads either (the setting ends with the session).
  await client.query('SET default_toast_compression = lz4').catch(() => undefined);
  return {
    async write(batch) {
      await client.query('BEGIN');
      try {
        for (const { table, columns, rows } of batch) {
          if (rows.length === 0) continue;
          const copy = client.query(
            copyStreams.from(
              `COPY ${quoted(table)} (${columns.map(quoted).join(', ')}) FROM STDIN`,
            ),
          );
          await pipeline(Readable.from(copyText(rows)), copy);
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    },
    async finish() {
      // Ids were given explicitly, so the sequence is moved past them for the newsroom's next.
      await client.query(
        `SELECT setval(pg_get_serial_sequence('articles', 'id'), (SELECT max(id) FROM articles))`,
      );
      // As autovacuum would have by the time readers come: statistics, and the visibility map
      // that lets the planner answer counts from an index alone.
      // The TOAST tables only grew: no dead rows to clear, and no index-only scan reads them.
      // (PROCESS_TOAST is PostgreSQL 14's; an older server vacuums them too.)
      await client
        .query('VACUUM (ANALYZE, PROCESS_TOAST FALSE)')
        .catch(() => client.query('VACUUM (ANALYZE)'));
      await client.query('RESET synchronous_commit');
      await client.end();
    },
  };
}
