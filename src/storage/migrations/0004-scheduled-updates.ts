import type { Kysely } from 'kysely';
import type { Engine } from '../engine.js';
import { idColumnType, idConstraints } from '../engine.js';

/** Changes to a live story that take effect at a set time (an embargoed update). */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('scheduled_updates')
    .addColumn('id', idColumnType(engine), idConstraints(engine))
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('apply_at', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text')
    .addColumn('cancelled_at', 'text')
    .execute();
  await db.schema
    .createIndex('scheduled_updates_due')
    .on('scheduled_updates')
    .columns(['applied_at', 'apply_at'])
    .execute();
}
