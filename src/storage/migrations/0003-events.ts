import type { Kysely } from 'kysely';
import type { Engine } from '../engine.js';
import { idColumnType, idConstraints } from '../engine.js';

/**
 * The newsroom's event log (an outbox): a row per thing that happened to an article, written in
 * the same transaction as the change. Side effects (feeds, purges, webhooks) read it.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('events')
    .addColumn('id', idColumnType(engine), idConstraints(engine))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('article_id', 'integer', (c) => c.references('articles.id').onDelete('set null'))
    .addColumn('user_id', 'integer')
    .addColumn('payload', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('events_article')
    .on('events')
    .columns(['article_id', 'type'])
    .execute();
}
