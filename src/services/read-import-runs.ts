import { notFound } from '../domain/errors.js';
import {
  importRunStatus,
  type ImportRun,
  type ImportRunStatus,
} from '../domain/import/import-run.js';
import { authorize } from '../domain/roles/permissions.js';
import type { Actor } from '../domain/roles/role.js';
import type { Clock, Reads, Stores } from './ports.js';

type RunReads = { storage: Reads<Pick<Stores, 'importRuns'>>; clock: Clock };

/** A run as the newsroom sees it: a running one whose server stopped shows as interrupted. */
export type SeenImportRun = Omit<ImportRun, 'status'> & { status: ImportRunStatus };

/** How many runs the recent list shows. */
const RECENT_RUNS = 20;

const seen = (run: ImportRun, now: Date): SeenImportRun => ({
  ...run,
  status: importRunStatus(run, now),
});

/** The newest imports started in the newsroom, without their reports. */
export async function listImportRuns(deps: RunReads, actor: Actor): Promise<SeenImportRun[]> {
  authorize(actor, 'import.run');
  const runs = await deps.storage.stores.importRuns.recent(RECENT_RUNS);
  const now = deps.clock.now();
  return runs.map((run) => seen(run, now));
}

/** One import with its progress, and its report once finished; any instance may answer. */
export async function readImportRun(
  deps: RunReads,
  actor: Actor,
  id: number,
): Promise<SeenImportRun> {
  authorize(actor, 'import.run');
  const run = await deps.storage.stores.importRuns.find(id);
  if (!run) throw notFound('There is no such import');
  return seen(run, deps.clock.now());
}
