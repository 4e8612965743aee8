import type { Kysely, Selectable } from 'kysely';
import type { ImportFormat } from '../domain/import/import-format.js';
import type {
  ImportCounts,
  ImportReportEntries,
  ImportRun,
  StoredRunStatus,
} from '../domain/import/import-run.js';
import type { ImportRunStore, NewImportRun } from '../services/ports.js';
import type { DatabaseSchema, ImportRunsTable } from './schema.js';
import { fromDbTime, toDbTime } from './schema.js';

type Row = Selectable<ImportRunsTable> & { started_by_name: string | null };

const runOf = (row: Row): ImportRun => ({
  id: row.id,
  startedBy: row.started_by,
  startedByName: row.started_by_name,
  fileName: row.file_name,
  format: row.format as ImportFormat,
  sizeBytes: Number(row.size_bytes),
  bytesRead: Number(row.bytes_read),
  status: row.status as StoredRunStatus,
  counts: {
    imported: row.imported,
    updated: row.updated,
    queued: row.queued,
    skipped: row.skipped,
    failed: row.failed,
    missing: row.missing,
  },
  report: row.report === null ? null : (JSON.parse(row.report) as ImportReportEntries),
  error: row.error,
  startedAt: fromDbTime(row.started_at),
  heartbeatAt: fromDbTime(row.heartbeat_at),
  finishedAt: row.finished_at === null ? null : fromDbTime(row.finished_at),
});

const LIST_COLUMNS = [
  'import_runs.id',
  'import_runs.started_by',
  'import_runs.file_name',
  'import_runs.format',
  'import_runs.size_bytes',
  'import_runs.bytes_read',
  'import_runs.status',
  'import_runs.imported',
  'import_runs.updated',
  'import_runs.queued',
  'import_runs.skipped',
  'import_runs.failed',
  'import_runs.missing',
  'import_runs.error',
  'import_runs.started_at',
  'import_runs.heartbeat_at',
  'import_runs.finished_at',
] as const;

const countColumns = (counts: ImportCounts) => ({ ...counts });

/** Imports started in the newsroom, on either engine (ADR 0059). */
export class KyselyImportRunStore implements ImportRunStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  private withNames() {
    return this.db
      .selectFrom('import_runs')
      .leftJoin('users', 'users.id', 'import_runs.started_by')
      .select('users.name as started_by_name');
  }

  async start(run: NewImportRun, now: Date) {
    const { id } = await this.db
      .insertInto('import_runs')
      .values({
        started_by: run.startedBy,
        file_name: run.fileName,
        format: run.format,
        size_bytes: run.sizeBytes,
        status: 'running',
        started_at: toDbTime(now),
        heartbeat_at: toDbTime(now),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const started = await this.find(id);
    if (!started) throw new Error(`import run ${id} vanished as it was started`);
    return started;
  }

  async progress(id: number, progress: { bytesRead: number; counts: ImportCounts }, now: Date) {
    await this.db
      .updateTable('import_runs')
      .set({
        bytes_read: progress.bytesRead,
        ...countColumns(progress.counts),
        heartbeat_at: toDbTime(now),
      })
      // A run already ended keeps its end: a late note from the ticker must not undo it.
      .where('id', '=', id)
      .where('status', '=', 'running')
      .execute();
  }

  async finish(id: number, end: Parameters<ImportRunStore['finish']>[1], now: Date): Promise<void> {
    await this.db
      .updateTable('import_runs')
      .set({
        status: end.status,
        bytes_read: end.bytesRead,
        ...countColumns(end.counts),
        report: end.report === null ? null : JSON.stringify(end.report),
        error: end.error,
        heartbeat_at: toDbTime(now),
        finished_at: toDbTime(now),
      })
      .where('id', '=', id)
      .execute();
  }

  async find(id: number) {
    const row = await this.withNames()
      .selectAll('import_runs')
      .where('import_runs.id', '=', id)
      .executeTakeFirst();
    return row && runOf(row);
  }

  async recent(limit: number) {
    // The list shows counts; each report is read only with its own run.
    const rows = await this.withNames()
      .select(LIST_COLUMNS)
      .orderBy('import_runs.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => runOf({ ...row, report: null }));
  }
}
