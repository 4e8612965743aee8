import { purgeAuditTrail } from '../services/audit/purge-audit-trail.js';
import type { Clock, Storage } from '../services/ports.js';
import { startPeriodic, type PeriodicTask } from './periodic-task.js';

export interface AuditRetentionDeps {
  storage: Storage;
  clock: Clock;
  /** AUDIT_RETENTION_DAYS. */
  retentionDays: number;
  log(message: string): void;
}

/** How often old audit entries are purged; a run is one indexed DELETE. */
export const AUDIT_RETENTION_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Purges audit entries past their retention now and then every interval until stopped. Safe
 * on several instances at once: a row is deleted once, and only a purge that removed rows
 * notes itself in the trail.
 */
export function startAuditRetention(
  deps: AuditRetentionDeps,
  intervalMs = AUDIT_RETENTION_INTERVAL_MS,
): PeriodicTask {
  const purge = () =>
    purgeAuditTrail(deps, deps.retentionDays)
      .then((purged) => {
        const entries = purged === 1 ? 'entry' : 'entries';
        if (purged > 0)
          deps.log(`audit: forgot ${purged} ${entries} older than ${deps.retentionDays} days`);
      })
      .catch((error: unknown) => deps.log(`audit: purge failed: ${String(error)}`));
  return startPeriodic(purge, intervalMs);
}
