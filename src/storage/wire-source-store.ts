import type { Kysely, Selectable } from 'kysely';
import type {
  WireSource,
  WireSourceHealth,
  WireSourceKind,
  WireSourceSettings,
} from '../domain/wire/wire-source.js';
import type { WireSourceStore } from '../services/ports.js';
import type { DatabaseSchema, WireSourcesTable } from './schema.js';
import { fromDbTime, toDbTime } from './schema.js';

type Row = Selectable<WireSourcesTable>;

const timeOrNull = (value: string | null) => (value === null ? null : fromDbTime(value));

const sourceOf = (row: Row): WireSource => ({
  id: row.id,
  name: row.name,
  agency: row.agency,
  kind: row.kind as WireSourceKind,
  location: row.location,
  intervalMinutes: row.interval_minutes,
  enabled: Boolean(row.enabled),
  nextPollAt: fromDbTime(row.next_poll_at),
  lastPolledAt: timeOrNull(row.last_polled_at),
  lastSuccessAt: timeOrNull(row.last_success_at),
  lastError: row.last_error,
  lastErrorAt: timeOrNull(row.last_error_at),
  lastReceived: row.last_received,
  failures: row.failures,
  etag: row.etag,
  lastModified: row.last_modified,
  createdAt: fromDbTime(row.created_at),
  updatedAt: fromDbTime(row.updated_at),
});

const settingsColumns = (settings: WireSourceSettings) => ({
  name: settings.name,
  agency: settings.agency,
  kind: settings.kind,
  location: settings.location,
  interval_minutes: settings.intervalMinutes,
  enabled: settings.enabled ? 1 : 0,
});

const dbTimeOrNull = (date: Date | null) => (date === null ? null : toDbTime(date));

/** Only the health fields given, as columns. */
function healthColumns(health: Partial<WireSourceHealth>) {
  const columns: Partial<Row> = {};
  if (health.nextPollAt) columns.next_poll_at = toDbTime(health.nextPollAt);
  if (health.lastPolledAt !== undefined) columns.last_polled_at = dbTimeOrNull(health.lastPolledAt);
  if (health.lastSuccessAt !== undefined)
    columns.last_success_at = dbTimeOrNull(health.lastSuccessAt);
  if (health.lastError !== undefined) columns.last_error = health.lastError;
  if (health.lastErrorAt !== undefined) columns.last_error_at = dbTimeOrNull(health.lastErrorAt);
  if (health.lastReceived !== undefined) columns.last_received = health.lastReceived;
  if (health.failures !== undefined) columns.failures = health.failures;
  if (health.etag !== undefined) columns.etag = health.etag;
  if (health.lastModified !== undefined) columns.last_modified = health.lastModified;
  return columns;
}

/** Wire sources on either engine (ADR 0058). */
export class KyselyWireSourceStore implements WireSourceStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async list() {
    const rows = await this.db.selectFrom('wire_sources').selectAll().orderBy('name').execute();
    return rows.map(sourceOf);
  }

  async find(id: number) {
    const row = await this.db
      .selectFrom('wire_sources')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && sourceOf(row);
  }

  async add(settings: WireSourceSettings, now: Date) {
    const at = toDbTime(now);
    const row = await this.db
      .insertInto('wire_sources')
      .values({ ...settingsColumns(settings), next_poll_at: at, created_at: at, updated_at: at })
      .returningAll()
      .executeTakeFirstOrThrow();
    return sourceOf(row);
  }

  async change(id: number, settings: WireSourceSettings, now: Date) {
    const at = toDbTime(now);
    // A new address or folder starts afresh: the old one's validators and errors are not its.
    const row = await this.db
      .updateTable('wire_sources')
      .set({
        ...settingsColumns(settings),
        next_poll_at: at,
        failures: 0,
        etag: null,
        last_modified: null,
        updated_at: at,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row && sourceOf(row);
  }

  async remove(id: number) {
    const result = await this.db.deleteFrom('wire_sources').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async due(now: Date) {
    const rows = await this.db
      .selectFrom('wire_sources')
      .selectAll()
      .where('enabled', '=', 1)
      .where('next_poll_at', '<=', toDbTime(now))
      .orderBy('next_poll_at')
      .orderBy('id')
      .execute();
    return rows.map(sourceOf);
  }

  async recordPoll(id: number, dueAt: Date, health: Partial<WireSourceHealth>) {
    const result = await this.db
      .updateTable('wire_sources')
      .set(healthColumns(health))
      .where('id', '=', id)
      .where('next_poll_at', '=', toDbTime(dueAt))
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async dueNow(id: number, now: Date) {
    const result = await this.db
      .updateTable('wire_sources')
      .set({ next_poll_at: toDbTime(now) })
      .where('id', '=', id)
      .where('enabled', '=', 1)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}
