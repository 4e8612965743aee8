import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine.js';

/**
 * PostgreSQL keeps ten times its default count of common lexemes for the search index (ADR
 * 0066): at a million stories the default hundred's thousand lexemes end at words in one story
 * of five, and search must know which words are rarer than that to read the index first. The
 * index is analysed at once, so a large archive's searches gain from it now, not after
 * autovacuum next analyses it (a minute or two at a million stories, once).
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  if (engine !== 'postgres') return;
  await sql`ALTER TABLE story_search ALTER COLUMN document SET STATISTICS 1000`.execute(db);
  await sql`ANALYZE story_search`.execute(db);
}
