import { pino, type DestinationStream } from 'pino';
import type { AuditRecord } from '../../domain/audit/audit-entry.js';
import type { AuditLog } from '../../services/ports.js';

/** The fields of an audit line; pino's JSON keeps any newline in them escaped, on one line. */
export const auditLine = (record: AuditRecord) => ({
  audit: true,
  event: record.event,
  actor: record.actor,
  target: record.target,
  ip: record.ip,
  userAgent: record.userAgent,
  details: record.details,
  at: record.at.toISOString(),
  auditId: record.id,
});

/**
 * Audit lines through pino, on standard error like the app's other log lines (standard output
 * carries commands' `--json` results). They are written at `info` even when LOG_LEVEL asks
 * for fewer lines: only `silent` stops them.
 */
export function pinoAuditLog(
  logLevel: string,
  destination: DestinationStream = pino.destination({ fd: 2, sync: true }),
): AuditLog {
  const logger = pino({ level: logLevel === 'silent' ? 'silent' : 'info' }, destination);
  return { write: (record) => logger.info(auditLine(record), `audit ${record.event}`) };
}
