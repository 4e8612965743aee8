import type { Kysely, Selectable } from 'kysely';
import {
  safeDetails,
  type AuditDetailValue,
  type AuditEntry,
  type AuditEventName,
  type AuditRecord,
} from '../domain/audit/audit-entry.js';
import type { AuditQuery, AuditTrail } from '../services/ports.js';
import { containsWord } from './like-pattern.js';
import { fromDbTime, toDbTime, type AuditLogTable, type DatabaseSchema } from './schema.js';

const USER_AGENT_MAX_LENGTH = 300;

function recordOf(row: Selectable<AuditLogTable>): AuditRecord {
  return {
    id: row.id,
    at: fromDbTime(row.at),
    event: row.event as AuditEventName,
    actor: {
      kind: row.actor_kind as AuditRecord['actor']['kind'],
      userId: row.actor_user_id,
      email: row.actor_email,
      name: row.actor_name,
    },
    target: row.target_type === null ? null : { type: row.target_type, id: row.target_id ?? '' },
    details: JSON.parse(row.details) as Record<string, AuditDetailValue>,
    ip: row.ip,
    userAgent: row.user_agent,
  };
}

/**
 * The audit trail on Kysely. Only INSERT, SELECT and the bulk DELETE of old rows are written
 * here; the migration's trigger refuses UPDATE to anyone who tries another way.
 */
export class KyselyAuditTrail implements AuditTrail {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    /** Called with each new record: at once, or after the transaction it was written in commits. */
    private readonly recorded: (record: AuditRecord) => void,
  ) {}

  async record(entry: AuditEntry, now: Date): Promise<AuditRecord> {
    const userId = entry.actor.userId;
    const person = (column: 'email' | 'name') =>
      this.db
        .selectFrom('users')
        .select(column)
        .where('id', '=', userId ?? 0);
    const row = await this.db
      .insertInto('audit_log')
      .values({
        at: toDbTime(now),
        event: entry.event,
        actor_kind: entry.actor.kind,
        actor_user_id: userId,
        actor_email: userId === null ? null : person('email'),
        actor_name: userId === null ? null : person('name'),
        target_type: entry.target?.type ?? null,
        target_id: entry.target ? String(entry.target.id) : null,
        details: JSON.stringify(safeDetails(entry.details)),
        ip: entry.origin?.ip ?? null,
        user_agent: entry.origin?.userAgent.slice(0, USER_AGENT_MAX_LENGTH) ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const record = recordOf(row);
    this.recorded(record);
    return record;
  }

  async list(query: AuditQuery): Promise<AuditRecord[]> {
    let select = this.db.selectFrom('audit_log').selectAll();
    const { event, person } = query;
    if (event) {
      // A family by its prefix: substr, not LIKE, whose `_` would match any character.
      const prefix = `${event}.`;
      select = select.where((eb) =>
        eb.or([
          eb('event', '=', event),
          eb(eb.fn('substr', [eb.ref('event'), eb.val(1), eb.val(prefix.length)]), '=', prefix),
        ]),
      );
    }
    if (person) {
      select = select.where((eb) =>
        /^\d{1,9}$/.test(person)
          ? eb('actor_user_id', '=', Number(person))
          : eb.or([containsWord('actor_email', person), containsWord('actor_name', person)]),
      );
    }
    if (query.from) select = select.where('at', '>=', toDbTime(query.from));
    if (query.to) select = select.where('at', '<', toDbTime(query.to));
    if (query.ip) select = select.where('ip', '=', query.ip);
    const rows = await select
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(query.limit)
      .offset(query.offset)
      .execute();
    return rows.map(recordOf);
  }

  async purgeBefore(before: Date): Promise<number> {
    const result = await this.db
      .deleteFrom('audit_log')
      .where('at', '<', toDbTime(before))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
