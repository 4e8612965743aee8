import type { Kysely } from 'kysely';

/** Who has which article open, in the database so every instance sees every editor. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('article_presence')
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_presence_key', ['article_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('article_presence_seen')
    .on('article_presence')
    .column('seen_at')
    .execute();
}
