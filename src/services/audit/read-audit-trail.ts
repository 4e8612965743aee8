import type { AuditRecord } from '../../domain/audit/audit-entry.js';
import { authorize } from '../../domain/roles/permissions.js';
import type { Actor } from '../../domain/roles/role.js';
import type { AuditQuery, Reads, Stores } from '../ports.js';

/** A page of the audit trail, newest first; `hasMore` when an older page follows. */
export async function readAuditTrail(
  deps: { storage: Reads<Pick<Stores, 'audit'>> },
  actor: Actor,
  query: AuditQuery,
): Promise<{ events: AuditRecord[]; hasMore: boolean }> {
  authorize(actor, 'audit.read');
  const rows = await deps.storage.stores.audit.list({ ...query, limit: query.limit + 1 });
  return { events: rows.slice(0, query.limit), hasMore: rows.length > query.limit };
}
