import type { Kysely } from 'kysely';

/**
 * Every published story as readers see it, newest first, from the index alone: (status,
 * published_at, id) gives the order and killed_at and unpublish_at the visibility rule, as
 * `articles_section_visible` does for one section (migration 0018). The latest news' deep pages
 * walk its entries past the offset, and a day's or month's archive counts its range of them
 * without reading a story (ADR 0048). It replaces (status, published_at, id), of which it is
 * an extension, so the Content API's list keeps its order from it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('articles_published_visible')
    .on('articles')
    .columns(['status', 'published_at', 'id', 'killed_at', 'unpublish_at'])
    .execute();
  await db.schema.dropIndex('articles_status_published_id').execute();
}
