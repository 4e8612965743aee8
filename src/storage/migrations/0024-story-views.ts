import type { Kysely } from 'kysely';

/**
 * Views of stories, one row per story and hour (hours since the epoch, UTC) however many
 * readers came: added to by each instance's flush, pruned after two days (ADR 0050). Nothing
 * about a reader is stored. The (hour, article_id, views) index lets the last 24 hours be
 * summed from the index alone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('story_views')
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('hour', 'integer', (c) => c.notNull())
    .addColumn('views', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('story_views_pkey', ['article_id', 'hour'])
    .execute();
  await db.schema
    .createIndex('story_views_hour')
    .on('story_views')
    .columns(['hour', 'article_id', 'views'])
    .execute();
}
