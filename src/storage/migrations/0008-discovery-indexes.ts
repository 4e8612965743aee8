import type { Kysely } from 'kysely';
import type { Engine } from '../engine.js';

/**
 * Indexes for feeds and sitemaps, so they stay fast at a million articles: the months of the
 * sitemap index come from (status, published_at, updated_at) alone, and a topic's or an
 * author's stories are found from the link table without reading it.
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema
    .createIndex('articles_status_published_updated')
    .on('articles')
    .columns(['status', 'published_at', 'updated_at'])
    .execute();
  await db.schema
    .createIndex('article_tags_tag_article')
    .on('article_tags')
    .columns(['tag_id', 'article_id'])
    .execute();
  await db.schema
    .createIndex('article_authors_author_article')
    .on('article_authors')
    .columns(['author_id', 'article_id'])
    .execute();
}
