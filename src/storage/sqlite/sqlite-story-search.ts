import { sql, type Kysely } from 'kysely';
import type { SearchClause } from '../../domain/search/search-query.js';
import type { DatabaseSchema } from '../schema.js';
import { inChunks, type IndexEntry, type SearchDialect } from '../story-search-dialect.js';

/**
 * The clauses as an FTS5 query. Words hold only letters and digits (domain/search), so each
 * phrase can be put in double quotes whole: no FTS5 syntax from a reader ever reaches MATCH.
 */
export const fts5Query = (clauses: SearchClause[]): string =>
  clauses
    .map((clause) => `(${clause.anyOf.map((phrase) => `"${phrase.join(' ')}"`).join(' OR ')})`)
    .join(' AND ');

const trigramsOf = (word: string) => {
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= word.length; i += 1) grams.add(word.slice(i, i + 3));
  return [...grams];
};

/**
 * SQLite's search: a contentless FTS5 table (`story_search`, rowid = article id; the text is
 * folded before it arrives, so the tokenizer only splits); typos looked up in a trigram FTS5 index of the vocabulary.
 */
export const sqliteSearch: SearchDialect = {
  async remove(db, ids) {
    await inChunks(ids, (chunk) =>
      sql`DELETE FROM story_search WHERE rowid IN (${sql.join(chunk)})`.execute(db),
    );
  },
  async add(db, entries: IndexEntry[]) {
    await inChunks(entries, (chunk) => {
      const rows = chunk.map(
        ({ id, document: d }) =>
          sql`(${id}, ${d.headline}, ${d.standfirst}, ${d.people}, ${d.body})`,
      );
      return sql`INSERT INTO story_search (rowid, headline, standfirst, people, body)
        VALUES ${sql.join(rows)}`.execute(db);
    });
  },
  async addWords(db, words) {
    await inChunks(words, (chunk) =>
      sql`INSERT OR IGNORE INTO search_words (word)
        VALUES ${sql.join(chunk.map((word) => sql`(${word})`))}`.execute(db),
    );
  },
  async wordsLike(db: Kysely<DatabaseSchema>, word, limit) {
    const grams = trigramsOf(word);
    if (grams.length === 0) return [];
    const query = grams.map((gram) => `"${gram}"`).join(' OR ');
    const { rows } = await sql<{ word: string }>`SELECT word FROM search_word_trigrams
      WHERE search_word_trigrams MATCH ${query} ORDER BY rank LIMIT ${limit}`.execute(db);
    return rows.map((row) => row.word);
  },
  // Newest first, as FTS5 walks its doclists backwards: the search stops after the newest
  // matches it ranks (storage/story-search.ts).
  source: (clauses) =>
    sql`(SELECT rowid AS id FROM story_search
      WHERE story_search MATCH ${fts5Query(clauses)} ORDER BY rowid DESC)`,
  // The id range lets FTS5 seek in each word's entries instead of reading them whole.
  async newestInHeadlines(db, clauses, afterId, limit) {
    const { rows } = await sql<{ id: number }>`SELECT rowid AS id FROM story_search
      WHERE story_search MATCH ${`{headline standfirst} : (${fts5Query(clauses)})`}
        AND rowid > ${afterId}
      ORDER BY rowid DESC LIMIT ${limit}`.execute(db);
    return rows.map((row) => row.id);
  },
};
