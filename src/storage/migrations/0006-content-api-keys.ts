import { type Kysely } from 'kysely';
import type { Engine } from '../engine.js';
import { idColumnType, idConstraints } from '../engine.js';

/**
 * Keys of the read-only Content API, one per app or partner: only a hash of the secret is
 * kept. And an index for its keyset pages (published_at desc, id desc): SQLite's indexes end
 * with the rowid anyway, PostgreSQL's need the id spelled out to page without sorting.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('content_api_keys')
    .addColumn('id', idColumnType(engine), idConstraints(engine))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('key_prefix', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createIndex('articles_status_published_id')
    .on('articles')
    .columns(['status', 'published_at', 'id'])
    .execute();
}
