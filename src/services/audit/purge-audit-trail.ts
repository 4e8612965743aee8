import { SYSTEM_CALLER } from '../../domain/audit/audit-entry.js';
import type { Clock, Stores, Transactions } from '../ports.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Forgets audit entries older than the retention period (AUDIT_RETENTION_DAYS), and notes
 * that it did, in the same transaction; resolves with how many were forgotten.
 */
export async function purgeAuditTrail(
  deps: { storage: Transactions<Pick<Stores, 'audit'>>; clock: Clock },
  retentionDays: number,
): Promise<number> {
  const now = deps.clock.now();
  const before = new Date(now.getTime() - retentionDays * DAY_MS);
  return deps.storage.transaction(async (stores) => {
    const purged = await stores.audit.purgeBefore(before);
    if (purged > 0)
      await stores.audit.record(
        {
          event: 'audit.purged',
          actor: SYSTEM_CALLER,
          details: { purged, before: before.toISOString(), retentionDays },
        },
        now,
      );
    return purged;
  });
}
