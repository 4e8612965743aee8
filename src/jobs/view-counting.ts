import { viewHourOf } from '../domain/readership/view-hour.js';
import type { Clock, Stores } from '../services/ports.js';
import type { ViewTally } from '../services/readership/view-tally.js';
import { startPeriodic, type PeriodicTask } from './periodic-task.js';

/** How often counted views are written: a few seconds' loss at most if the process dies. */
export const VIEW_FLUSH_INTERVAL_MS = 5_000;

/** How often, and after how many hours, old counts are forgotten (lists read the last 24). */
export const VIEW_PRUNE_INTERVAL_MS = 60 * 60 * 1000;
export const VIEW_KEEP_HOURS = 48;

/**
 * Writes the tally every interval; stop() waits for the flush at hand and then writes what
 * is left, so a graceful shutdown loses no view (call it once the HTTP server has drained).
 */
export function startViewFlushing(
  tally: ViewTally,
  log: (message: string) => void,
  intervalMs = VIEW_FLUSH_INTERVAL_MS,
): PeriodicTask {
  const flush = () =>
    tally.flush().catch((error: unknown) => log(`views: flush failed: ${String(error)}`));
  const task = startPeriodic(flush, intervalMs);
  return {
    async stop() {
      await task.stop();
      await flush();
    },
  };
}

/** Forgets counts older than two days, now and every hour; safe on several instances at once. */
export function startViewPruning(
  deps: { stores: Pick<Stores, 'views'>; clock: Clock; log(message: string): void },
  intervalMs = VIEW_PRUNE_INTERVAL_MS,
): PeriodicTask {
  const prune = () =>
    deps.stores.views
      .forgetViewsBefore(viewHourOf(deps.clock.now()) - VIEW_KEEP_HOURS)
      .then(() => undefined)
      .catch((error: unknown) => deps.log(`views: pruning failed: ${String(error)}`));
  return startPeriodic(prune, intervalMs);
}
