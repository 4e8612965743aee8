import {
  ANONYMOUS_CALLER,
  type AuditEntry,
  type AuditOrigin,
} from '../../domain/audit/audit-entry.js';
import type { Actor } from '../../domain/roles/role.js';
import type { Clock, Reads, Stores } from '../ports.js';

export interface Refusal {
  /** Who was refused; null when nobody was signed in (a forged form, a wrong CSRF token). */
  actor: Actor | null;
  method: string;
  /** The route as declared (`/api/admin/users/:id`), not the raw URL with its query. */
  route: string;
  origin: AuditOrigin;
  reason: string;
}

/** Notes in the audit trail an action refused as forbidden (403): who, what and from where. */
export async function recordRefusal(
  deps: { storage: Reads<Pick<Stores, 'audit'>>; clock: Clock },
  refusal: Refusal,
): Promise<void> {
  const { actor } = refusal;
  const entry: AuditEntry = {
    event: 'access.refused',
    actor: actor ? { kind: actor.credential, userId: actor.userId } : ANONYMOUS_CALLER,
    details: {
      method: refusal.method,
      route: refusal.route,
      reason: refusal.reason,
      ...(actor ? { role: actor.role } : {}),
    },
    origin: refusal.origin,
  };
  await deps.storage.stores.audit.record(entry, deps.clock.now());
}
