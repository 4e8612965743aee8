import type { Clock, Storage } from '../services/ports.js';
import { startPeriodic, type PeriodicTask } from './periodic-task.js';

/**
 * How long a finished job is kept: long enough for the newsroom's "mail given up in the last
 * day" and for an operator to look into last week's failures, short enough that the queue's
 * table stays the size of a week's work rather than of the paper's whole life.
 */
export const FINISHED_JOBS_KEPT_MS = 7 * 24 * 60 * 60 * 1000;

/** How often finished jobs are forgotten; a run is one indexed DELETE. */
export const JOB_RETENTION_INTERVAL_MS = 60 * 60 * 1000;

export interface JobRetentionDeps {
  storage: Pick<Storage, 'stores'>;
  clock: Clock;
  log(message: string): void;
}

/** Forgets finished jobs past their week now and then every interval until stopped. */
export function startJobRetention(
  deps: JobRetentionDeps,
  intervalMs = JOB_RETENTION_INTERVAL_MS,
): PeriodicTask {
  const forget = async () => {
    const before = new Date(deps.clock.now().getTime() - FINISHED_JOBS_KEPT_MS);
    try {
      const forgotten = await deps.storage.stores.jobs.forgetFinishedBefore(before);
      if (forgotten > 0)
        deps.log(`jobs: forgot ${forgotten} finished before ${before.toISOString()}`);
    } catch (error) {
      deps.log(`jobs: forgetting finished jobs failed: ${String(error)}`);
    }
  };
  return startPeriodic(forget, intervalMs);
}
