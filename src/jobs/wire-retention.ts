import { forgetOldWireItems, type ForgetOldWireDeps } from '../services/wire/forget-old-wire.js';
import { startPeriodic, type PeriodicTask } from './periodic-task.js';

export interface WireRetentionDeps extends ForgetOldWireDeps {
  /** WIRE_RETENTION_DAYS. */
  retentionDays: number;
  log(message: string): void;
}

/** How often old wire items are forgotten; a run is a few indexed batches. */
export const WIRE_RETENTION_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Forgets wire items past their retention that no story was made from, now and then every
 * interval until stopped. Safe on several instances at once: an item is deleted once.
 */
export function startWireRetention(
  deps: WireRetentionDeps,
  intervalMs = WIRE_RETENTION_INTERVAL_MS,
): PeriodicTask {
  const forget = () =>
    forgetOldWireItems(deps, deps.retentionDays)
      .then((forgotten) => {
        if (forgotten > 0)
          deps.log(`wire: forgot ${forgotten} unused items older than ${deps.retentionDays} days`);
      })
      .catch((error: unknown) => deps.log(`wire: forgetting old items failed: ${String(error)}`));
  return startPeriodic(forget, intervalMs);
}
