import type { Kysely } from 'kysely';

/**
 * The one reader-visibility rule also reads `killed_at` and `unpublish_at`, so the index the
 * sitemap index is counted from carries them too: the months are still read from the index
 * alone, never from the article rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('articles_status_published_updated').execute();
  await db.schema
    .createIndex('articles_reader_visibility')
    .on('articles')
    .columns(['status', 'published_at', 'updated_at', 'killed_at', 'unpublish_at'])
    .execute();
}
