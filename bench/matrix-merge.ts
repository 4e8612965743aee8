/**
 * latest.json keeps the newest figures of every page on every database the matrix has measured,
 * not only the last run's: a run of 10k after a run of 1M (each takes most of an hour) used to
 * replace the 1M figures whole, and a run of two pages dropped the others. Each row carries the
 * time it was measured, and `runs` lists the runs whose rows are kept.
 */
import { checkTargets, type ModeResult, type TargetCheck } from './matrix-report.js';

/** A row with the time of the run that measured it. */
type Dated<Row> = Row & { measuredAt?: string };

/** The page matrix's part of latest.json, as matrix-part.ts writes it. */
export interface PageMatrixPart {
  date: string;
  loadAverage1m: number;
  modes: ModeResult[];
  targets: TargetCheck[];
  runs?: { date: string; loadAverage1m: number }[];
  [other: string]: unknown;
}

const isPageMatrix = (value: unknown): value is PageMatrixPart =>
  typeof value === 'object' &&
  value !== null &&
  Array.isArray((value as PageMatrixPart).modes) &&
  typeof (value as PageMatrixPart).date === 'string';

const cellKey = (mode: ModeResult) => `${mode.size} ${mode.engine} ${mode.cache}`;

/** Rows of `newer` in place of the rows of `older` they measure again (same `key`). */
function mergeRows<Row>(older: Row[], newer: Row[], key: (row: Row) => string): Row[] {
  const replaced = new Set(newer.map(key));
  return [...older.filter((row) => !replaced.has(key(row))), ...newer];
}

const dated = <Row extends object>(rows: Dated<Row>[], date: string): Dated<Row>[] =>
  rows.map((row) => (row.measuredAt ? row : { ...row, measuredAt: date }));

const datedMode = (mode: ModeResult, date: string): ModeResult => ({
  ...mode,
  saturated: dated(mode.saturated, date),
  constantRate: dated(mode.constantRate, date),
});

/** One cell measured before and again: the new run's pages replace the same pages' rows. */
function mergeCell(older: ModeResult, newer: ModeResult): ModeResult {
  return {
    ...newer,
    saturated: mergeRows(older.saturated, newer.saturated, (r) => `${r.page} ${r.connections}`),
    constantRate: mergeRows(older.constantRate, newer.constantRate, (r) => r.page),
  };
}

/** The page matrix of `earlier` latest.json with `current`'s run merged in; targets re-checked. */
export function mergePageMatrix(earlier: unknown, current: PageMatrixPart): PageMatrixPart {
  const fresh = current.modes.map((mode) => datedMode(mode, current.date));
  const thisRun = { date: current.date, loadAverage1m: current.loadAverage1m };
  if (!isPageMatrix(earlier)) {
    return { ...current, modes: fresh, targets: checkTargets(fresh, null), runs: [thisRun] };
  }
  const cells = new Map(
    earlier.modes.map((mode) => [cellKey(mode), datedMode(mode, earlier.date)]),
  );
  for (const mode of fresh) {
    const older = cells.get(cellKey(mode));
    cells.set(cellKey(mode), older ? mergeCell(older, mode) : mode);
  }
  const modes = [...cells.values()];
  const kept = new Set(modes.flatMap((m) => [...m.saturated, ...m.constantRate]).map(dateOf));
  const earlierRuns = earlier.runs ?? [
    { date: earlier.date, loadAverage1m: earlier.loadAverage1m },
  ];
  const runs = [...earlierRuns.filter((run) => kept.has(run.date)), thisRun];
  return { ...current, modes, targets: checkTargets(modes, null), runs };
}

const dateOf = (row: Dated<object>) => row.measuredAt;
