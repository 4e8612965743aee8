/**
 * An import started from the newsroom (ADR 0059): one uploaded file, read and filed in the
 * background by the server that received it, its progress kept in the database so that any
 * instance can answer the page that watches it.
 */
import type { ImportFormat } from './import-format.js';

/** How many items came to each end, as the report lists them. */
export interface ImportCounts {
  imported: number;
  updated: number;
  queued: number;
  skipped: number;
  failed: number;
  missing: number;
}

export const NO_COUNTS: ImportCounts = {
  imported: 0,
  updated: 0,
  queued: 0,
  skipped: 0,
  failed: 0,
  missing: 0,
};

/** Items read so far: every item ends as one of these (a missing photo's story is counted too). */
export const itemsDone = (counts: ImportCounts) =>
  counts.imported + counts.updated + counts.queued + counts.skipped + counts.failed;

/** What the store keeps; `interrupted` is never stored, only seen (see `importRunStatus`). */
export type StoredRunStatus = 'running' | 'finished' | 'failed';
export type ImportRunStatus = StoredRunStatus | 'interrupted';

/** One entry of the finished report, as the page lists it. */
export interface ImportReportEntries {
  imported: { id: number; url: string }[];
  updated: { id: number; url: string }[];
  queued: { id: number; updated?: true }[];
  skipped: { item: string; reason: string }[];
  failed: { item: number | string; error: string; field?: string }[];
  missing: { item: string; url: string; error: string }[];
}

export interface ImportRun {
  id: number;
  /** Who uploaded the file, and their name when the account still exists. */
  startedBy: number;
  startedByName: string | null;
  fileName: string;
  format: ImportFormat;
  sizeBytes: number;
  bytesRead: number;
  status: StoredRunStatus;
  counts: ImportCounts;
  /** The finished report, its lists cut at `REPORT_LIST_MAX`; null while running. */
  report: ImportReportEntries | null;
  /** Why a failed run stopped. */
  error: string | null;
  startedAt: Date;
  /** Written with every progress note, and at least every `HEARTBEAT_MS` while running. */
  heartbeatAt: Date;
  finishedAt: Date | null;
}

/** How often a running import notes its progress, even when an item takes long. */
export const HEARTBEAT_MS = 2_000;

/** A running import not heard from for this long stopped with its server. */
export const INTERRUPTED_AFTER_MS = 60_000;

/**
 * Each of the report's lists is kept to this many entries (the counts stay whole): an archive of
 * 250,000 posts must not make a row of tens of megabytes that every poll would read.
 */
export const REPORT_LIST_MAX = 1_000;

/**
 * The status the newsroom sees: a run still marked running whose server has not noted progress
 * for `INTERRUPTED_AFTER_MS` stopped with it (a crash, a deploy), and is interrupted.
 */
export function importRunStatus(run: Pick<ImportRun, 'status' | 'heartbeatAt'>, now: Date) {
  const silent = now.getTime() - run.heartbeatAt.getTime();
  return run.status === 'running' && silent > INTERRUPTED_AFTER_MS ? 'interrupted' : run.status;
}

/** The report with each list cut to `REPORT_LIST_MAX` entries, to be kept with the run. */
export const keptReport = (report: ImportReportEntries): ImportReportEntries => ({
  imported: report.imported.slice(0, REPORT_LIST_MAX),
  updated: report.updated.slice(0, REPORT_LIST_MAX),
  queued: report.queued.slice(0, REPORT_LIST_MAX),
  skipped: report.skipped.slice(0, REPORT_LIST_MAX),
  failed: report.failed.slice(0, REPORT_LIST_MAX),
  missing: report.missing.slice(0, REPORT_LIST_MAX),
});
