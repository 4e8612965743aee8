import type { Kysely } from 'kysely';
import type { Engine } from '../engine.js';
import type { DatabaseSchema } from '../schema.js';
import { sqliteSearch } from '../sqlite/sqlite-story-search.js';
import { reindexAll } from '../story-search.js';

/**
 * SQLite's index entries made again with each field's word pairs after its words (ADR 0063),
 * which a quoted phrase is now looked up by: an entry without them would no longer be found by
 * one. PostgreSQL's entries have held pairs since migration 0027.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  if (engine === 'sqlite') await reindexAll(db as Kysely<DatabaseSchema>, sqliteSearch);
}
