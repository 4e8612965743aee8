import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine.js';
import type { DatabaseSchema } from '../schema.js';
import { reindexAll, searchDialectOf } from '../story-search.js';

/** SQLite: a contentless FTS5 index of the folded text, and a trigram index of its words. */
async function sqliteTables(db: Kysely<unknown>) {
  // The text arrives folded and split (domain/search/fold-text.ts): the tokenizer only splits.
  await sql`CREATE VIRTUAL TABLE story_search USING fts5(headline, standfirst, people, body,
    content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(db);
  await sql`CREATE TABLE search_words (id INTEGER PRIMARY KEY, word TEXT NOT NULL UNIQUE)`.execute(
    db,
  );
  await sql`CREATE VIRTUAL TABLE search_word_trigrams USING fts5(word, content='search_words',
    content_rowid='id', tokenize='trigram', detail='none')`.execute(db);
  // Words are only ever added: the trigram index follows the table by this one trigger.
  await sql`CREATE TRIGGER search_words_trigrams AFTER INSERT ON search_words BEGIN
    INSERT INTO search_word_trigrams (rowid, word) VALUES (new.id, new.word); END`.execute(db);
}

/** PostgreSQL: a weighted tsvector per story under GIN, and pg_trgm over the vocabulary. */
async function postgresTables(db: Kysely<unknown>) {
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
  await sql`CREATE TABLE story_search (
    article_id integer PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    document tsvector NOT NULL)`.execute(db);
  await sql`CREATE INDEX story_search_document ON story_search USING gin (document)`.execute(db);
  await sql`CREATE TABLE search_words (word text PRIMARY KEY)`.execute(db);
  await sql`CREATE INDEX search_words_trigrams ON search_words
    USING gin (word gin_trgm_ops)`.execute(db);
}

/**
 * Full-text search of the stories readers may see (ADR 0043): the index, and the vocabulary
 * typos are looked up in, filled from the stories already there.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await (engine === 'sqlite' ? sqliteTables(db) : postgresTables(db));
  await reindexAll(db as Kysely<DatabaseSchema>, searchDialectOf(engine));
}
