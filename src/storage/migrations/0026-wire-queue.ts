import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine.js';
import { idColumnType, idConstraints } from '../engine.js';

/** SQLite: a contentless FTS5 index of each item's folded headline and body (rowid = item id). */
async function sqliteSearch(db: Kysely<unknown>) {
  await sql`CREATE VIRTUAL TABLE wire_search USING fts5(headline, body,
    content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(db);
}

/** PostgreSQL: one tsvector per item under GIN, dropped with the item. */
async function postgresSearch(db: Kysely<unknown>) {
  await sql`CREATE TABLE wire_search (
    wire_item_id integer PRIMARY KEY REFERENCES wire_items (id) ON DELETE CASCADE,
    document tsvector NOT NULL)`.execute(db);
  await sql`CREATE INDEX wire_search_document ON wire_search USING gin (document)`.execute(db);
}

/**
 * The wire queue (ADR 0056): one row per agency story (its `uri`), holding the newest version
 * and the previous version's headline and body for the desk's diff; the articles made from
 * each item, with the version they were made from; full-text search over headline and body.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('wire_items')
    .addColumn('id', idColumnType(engine), idConstraints(engine))
    .addColumn('uri', 'text', (c) => c.notNull().unique())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('agency', 'text', (c) => c.notNull())
    .addColumn('urgency', 'integer')
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('dateline', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    // JSON arrays: names, subjects and photos as the agency sent them.
    .addColumn('bylines', 'text', (c) => c.notNull())
    .addColumn('subjects', 'text', (c) => c.notNull())
    .addColumn('photos', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('first_created_at', 'text')
    .addColumn('language', 'text')
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    // Set when a newer version replaced an older one: what the desk diffs against.
    .addColumn('updated_at', 'text')
    .addColumn('previous_version', 'integer')
    .addColumn('previous_headline', 'text')
    .addColumn('previous_body_html', 'text')
    // The configured source it came from; null for a file given to `dateline import`.
    .addColumn('source_id', 'integer')
    .execute();
  await db.schema
    .createIndex('wire_items_newest')
    .on('wire_items')
    .columns(['sent_at desc', 'id desc'])
    .execute();
  await db.schema
    .createIndex('wire_items_agency')
    .on('wire_items')
    .columns(['agency', 'sent_at desc'])
    .execute();
  await db.schema
    .createTable('wire_item_articles')
    .addColumn('wire_item_id', 'integer', (c) =>
      c.notNull().references('wire_items.id').onDelete('cascade'),
    )
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('made_from_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('wire_item_articles_pkey', ['wire_item_id', 'article_id'])
    .execute();
  await db.schema
    .createIndex('wire_item_articles_article')
    .on('wire_item_articles')
    .column('article_id')
    .execute();
  await (engine === 'sqlite' ? sqliteSearch(db) : postgresSearch(db));
}
