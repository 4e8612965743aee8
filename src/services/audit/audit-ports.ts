/**
 * The ports of the audit trail: an append-only record of who did what, kept in the database
 * and written to the log. Re-exported by ports.ts.
 */
import type { AuditEntry, AuditRecord } from '../../domain/audit/audit-entry.js';

/** What the audit list can be filtered by; newest first. */
export interface AuditQuery {
  /** An event name (`sign_in.failed`) or a family of them (`sign_in`). */
  event?: string;
  /** The acting user's id, or words of their e-mail address or name. */
  person?: string;
  /** At or after. */
  from?: Date;
  /** Before. */
  to?: Date;
  /** The client address, exactly. */
  ip?: string;
  limit: number;
  offset: number;
}

/**
 * The audit trail in the database. It only grows: there is no way to change or remove one
 * entry, only to forget, all at once, those older than the retention period.
 */
export interface AuditTrail {
  /**
   * Appends the entry (noting the acting user's e-mail and name as they are now) and writes
   * its log line once the surrounding transaction, if any, has committed.
   */
  record(entry: AuditEntry, now: Date): Promise<AuditRecord>;
  list(query: AuditQuery): Promise<AuditRecord[]>;
  /** Forgets every entry older than `before`; resolves with how many. */
  purgeBefore(before: Date): Promise<number>;
}

/** Writes one structured line per audited event (pino in production). */
export interface AuditLog {
  write(record: AuditRecord): void;
}
