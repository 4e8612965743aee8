import { sql, type Kysely } from 'kysely';
import type { SearchDocument } from '../../domain/search/search-document.js';
import type { SearchClause } from '../../domain/search/search-query.js';
import { adjacentPairs, pairsOfField } from '../../domain/search/word-pairs.js';
import type { DatabaseSchema } from '../schema.js';
import {
  inChunks,
  NONE_FEW,
  type IndexEntry,
  type SearchDialect,
} from '../story-search-dialect.js';

/** A phrase as FTS5 reads it: its words in a row. */
const wordsInARow = (phrase: string[]) => phrase.join(' ');

/**
 * The clauses as an FTS5 query, each phrase written by `phraseText`. Words hold only letters
 * and digits (domain/search), so each phrase can be put in double quotes whole: no FTS5 syntax
 * from a reader ever reaches MATCH.
 */
export const fts5Query = (clauses: SearchClause[], phraseText = wordsInARow): string =>
  clauses
    .map((clause) => `(${clause.anyOf.map((phrase) => `"${phraseText(phrase)}"`).join(' OR ')})`)
    .join(' AND ');

/**
 * Joins a pair's two words into one token. A private-use character: never in folded text
 * (letters and digits only), yet a token character to FTS5's unicode61 tokenizer, whose
 * default categories are L*, N* and Co, so the pair is neither split nor confused with a word.
 */
const PAIR_JOINER = '\uE000';

const pairToken = ([first, second]: [string, string]) => `${first}${PAIR_JOINER}${second}`;

/**
 * A field as the index holds it: its words, then each two words in a row as one token, in
 * order. Pair k sits right before pair k + 1, so a phrase of n words is the phrase of its n - 1
 * pairs; as tokens never cross from the words into the pairs, no phrase can either.
 */
export function withPairs(text: string): string {
  const pairs = pairsOfField(text).map(pairToken);
  return pairs.length > 0 ? `${text} ${pairs.join(' ')}` : text;
}

/**
 * A phrase as the story index finds it: a lone word, or its pairs in a row. A pair's entries are
 * few where its words' are many, so a rare phrase of common words is a short read (ADR 0063).
 */
const asPairs = (phrase: string[]) =>
  phrase.length < 2 ? wordsInARow(phrase) : adjacentPairs(phrase).map(pairToken).join(' ');

/** The clauses as a query of the story index, phrases through their pairs. */
export const storyQuery = (clauses: SearchClause[]): string => fts5Query(clauses, asPairs);

const indexed = (d: SearchDocument) => [d.headline, d.standfirst, d.people, d.body].map(withPairs);

const trigramsOf = (word: string) => {
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= word.length; i += 1) grams.add(word.slice(i, i + 3));
  return [...grams];
};

/**
 * SQLite's search: a contentless FTS5 table (`story_search`, rowid = article id; the text is
 * folded before it arrives, so the tokenizer only splits), each field's words followed by its
 * word pairs; typos looked up in a trigram FTS5 index of the vocabulary.
 */
export const sqliteSearch: SearchDialect = {
  async remove(db, ids) {
    await inChunks(ids, (chunk) =>
      sql`DELETE FROM story_search WHERE rowid IN (${sql.join(chunk)})`.execute(db),
    );
  },
  async removeAll(db) {
    await sql`INSERT INTO story_search (story_search) VALUES ('delete-all')`.execute(db);
  },
  async add(db, entries: IndexEntry[]) {
    await inChunks(entries, (chunk) => {
      const rows = chunk.map(({ id, document }) => sql`(${id}, ${sql.join(indexed(document))})`);
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
      WHERE story_search MATCH ${storyQuery(clauses)} ORDER BY rowid DESC)`,
  // FTS5's newest-first walk skips straight from match to match, however few there are.
  fewMatchesIn: () => Promise.resolve(NONE_FEW),
  // The id range lets FTS5 seek in each word's entries instead of reading them whole.
  async newestInHeadlines(db, clauses, afterId, limit) {
    const { rows } = await sql<{ id: number }>`SELECT rowid AS id FROM story_search
      WHERE story_search MATCH ${`{headline standfirst} : (${storyQuery(clauses)})`}
        AND rowid > ${afterId}
      ORDER BY rowid DESC LIMIT ${limit}`.execute(db);
    return rows.map((row) => row.id);
  },
};
