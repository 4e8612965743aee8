import type { Kysely } from 'kysely';

/**
 * A section's stories as readers see them, newest first, from the index alone: (section_id,
 * status, published_at, id) gives the order (id breaks ties, so PostgreSQL needs no sort), and
 * killed_at and unpublish_at let the one visibility rule be checked without reading a story.
 * Deep pages walk these entries past the offset, the page count counts them, and the home page
 * takes each section's newest few from here (ADR 0038). It replaces (section_id, status,
 * published_at), of which it is an extension.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('articles_section_visible')
    .on('articles')
    .columns(['section_id', 'status', 'published_at', 'id', 'killed_at', 'unpublish_at'])
    .execute();
  await db.schema.dropIndex('articles_section_status_published').execute();
}
