import type { Kysely } from 'kysely';
import type { Engine } from '../engine.js';
import { idColumnType, idConstraints } from '../engine.js';

/**
 * Wire sources (ADR 0058): the agency feeds and drop folders the polling job reads, each with
 * its settings and its health — when it was last read, what came of it, when it is due next —
 * and the validators (ETag, Last-Modified) its server last answered with.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('wire_sources')
    .addColumn('id', idColumnType(engine), idConstraints(engine))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('agency', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    // A feed's URL, or a drop folder's path under the configured root.
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('interval_minutes', 'integer', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('next_poll_at', 'text', (c) => c.notNull())
    .addColumn('last_polled_at', 'text')
    .addColumn('last_success_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('last_error_at', 'text')
    .addColumn('last_received', 'integer')
    // Errors in a row since the last success: the backoff doubles the interval with each.
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('wire_sources_due')
    .on('wire_sources')
    .columns(['enabled', 'next_poll_at'])
    .execute();
}
