import type { Kysely } from 'kysely';
import type { Engine } from '../engine.js';
import { postgresSearch } from '../postgres/postgres-story-search.js';
import type { DatabaseSchema } from '../schema.js';
import { reindexAll } from '../story-search.js';

/**
 * PostgreSQL's index entries made again with each two words in a row as a lexeme (ADR 0057),
 * which a quoted phrase now requires: an entry without them would no longer be found by one.
 * SQLite's FTS5 keeps positions in its index and needs nothing.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  if (engine === 'postgres') await reindexAll(db as Kysely<DatabaseSchema>, postgresSearch);
}
