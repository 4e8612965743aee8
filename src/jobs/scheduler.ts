import { runSchedules, type SchedulerDeps } from '../services/articles/run-schedules.js';
import { startPeriodic, type PeriodicTask } from './periodic-task.js';

/**
 * Runs the scheduler every `intervalMs` until stopped. A run that fails is logged and the next
 * one tries again: a schedule never fails silently.
 */
export function startScheduler(deps: SchedulerDeps, intervalMs: number): PeriodicTask {
  const run = () =>
    runSchedules(deps)
      .then((done) => {
        for (const id of done.published) deps.log(`scheduler: article ${id} went live`);
        for (const id of done.updated) deps.log(`scheduler: article ${id} updated as scheduled`);
        for (const id of done.unpublished)
          deps.log(`scheduler: article ${id} expired and came down`);
      })
      .catch((error: unknown) => deps.log(`scheduler: run failed: ${String(error)}`));
  return startPeriodic(run, intervalMs);
}
