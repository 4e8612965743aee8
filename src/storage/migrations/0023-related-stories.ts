import type { Kysely } from 'kysely';
import type { Engine } from '../engine.js';
import { relateStories } from '../related-stories.js';
import type { DatabaseSchema } from '../schema.js';
import { searchDialectOf } from '../story-search.js';

// The newest stories get their related ones now, the rest when next saved: readers come mostly
// to recent stories, and choosing costs a few milliseconds a story (ADR 0049).
const BACKFILLED = 5000;

/**
 * Each story's related stories, best first, chosen when it is saved (ADR 0049): read by key
 * with the story's page. The related story's own index lets a deleted story leave the lists of
 * those it was related to without a scan.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('story_related')
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('related_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('story_related_pk', ['article_id', 'rank'])
    .execute();
  await db.schema
    .createIndex('story_related_related')
    .on('story_related')
    .column('related_id')
    .execute();
  await relateNewestStories(db as Kysely<DatabaseSchema>, engine);
}

/** The newest published stories get their related stories, a batch at a time. */
async function relateNewestStories(db: Kysely<DatabaseSchema>, engine: Engine) {
  const rows = await db
    .selectFrom('articles')
    .select('id')
    .where('status', '=', 'published')
    .where('killed_at', 'is', null)
    .orderBy('published_at', 'desc')
    .limit(BACKFILLED)
    .execute();
  await relateStories(
    db,
    searchDialectOf(engine),
    rows.map((row) => row.id),
  );
}
