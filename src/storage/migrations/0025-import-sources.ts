import type { Kysely } from 'kysely';

/**
 * Where an imported story came from: the other system's name for it (WordPress's post id,
 * Ghost's post id) and the story it became, so importing the same file again updates that
 * story instead of filing a second one (ADR 0054). `fingerprint` is the source item's digest:
 * unchanged, nothing is written. `old_path` is its address on the old site, answered with a
 * permanent redirect to the story.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_sources')
    .addColumn('system', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('old_path', 'text')
    .addColumn('missing_photo_url', 'text')
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_sources_pkey', ['system', 'external_id'])
    .execute();
  await db.schema
    .createIndex('import_sources_old_path')
    .on('import_sources')
    .column('old_path')
    .execute();
  await db.schema
    .createIndex('import_sources_article')
    .on('import_sources')
    .column('article_id')
    .execute();
}
