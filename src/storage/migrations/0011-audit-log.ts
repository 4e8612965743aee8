import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine.js';
import { idColumnType, idConstraints } from '../engine.js';

/** The database's own refusal to change an audit entry once written, in each engine's idiom. */
async function refuseUpdates(db: Kysely<unknown>, engine: Engine): Promise<void> {
  if (engine === 'sqlite') {
    await sql`create trigger audit_log_append_only before update on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    return;
  }
  await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
      begin raise exception 'audit_log is append-only'; end $$`.execute(db);
  await sql`create trigger audit_log_append_only before update on audit_log
      for each row execute function audit_log_append_only()`.execute(db);
}

/**
 * The audit trail: who did what to what, when and from where. Rows are only ever added, and
 * removed in bulk once older than the retention period; a trigger refuses any UPDATE.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('id', idColumnType(engine), idConstraints(engine))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    // No foreign key: the trail outlives the accounts it names.
    .addColumn('actor_user_id', 'integer')
    .addColumn('actor_email', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('target_type', 'text')
    .addColumn('target_id', 'text')
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
  await db.schema
    .createIndex('audit_log_event_at')
    .on('audit_log')
    .columns(['event', 'at'])
    .execute();
  await db.schema
    .createIndex('audit_log_actor_at')
    .on('audit_log')
    .columns(['actor_user_id', 'at'])
    .execute();
  await refuseUpdates(db, engine);
}
