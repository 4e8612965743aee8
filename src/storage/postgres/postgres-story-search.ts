import { sql, type Kysely } from 'kysely';
import type { SearchDocument } from '../../domain/search/search-document.js';
import type { SearchClause } from '../../domain/search/search-query.js';
import { adjacentPairs, pairsOfField } from '../../domain/search/word-pairs.js';
import type { DatabaseSchema } from '../schema.js';
import { lexemeStatistics, type LexemeStatistics } from './lexeme-statistics.js';
import {
  inChunks,
  NONE_FEW,
  RANKED_MATCHES,
  type FewMatches,
  type IndexEntry,
  type SearchDialect,
} from '../story-search-dialect.js';

/**
 * The clauses as a tsquery for to_tsquery('simple', …), matching only in the parts of the
 * story given by `weights` ("AB": headline and standfirst) when given. Words hold only letters and digits
 * (domain/search), so each can be quoted as a lexeme: no reader's operator reaches the parser.
 */
export const tsQuery = (clauses: SearchClause[], weights = ''): string => {
  const lexeme = (word: string) => (weights ? `'${word}':${weights}` : `'${word}'`);
  return clauses
    .map(
      (clause) => `(${clause.anyOf.map((phrase) => phrase.map(lexeme).join(' <-> ')).join(' | ')})`,
    )
    .join(' & ');
};

const vector = (text: string, weight: 'A' | 'B' | 'C' | 'D') =>
  sql`setweight(to_tsvector('simple', ${text}), ${sql.lit(weight)})`;

/**
 * Every two words in a row of a story's fields, as one lexeme each ("doctors team"). GIN keeps
 * no positions, so without them a phrase of two common words checks every story holding both;
 * with them the index finds the few that hold the pair, and `<->` confirms the order.
 */
export function wordPairsOf(document: SearchDocument): string[] {
  const pairs = new Set<string>();
  for (const text of [document.headline, document.standfirst, document.people, document.body]) {
    for (const pair of pairsOfField(text)) {
      if (pairs.size === MAX_PAIRS) return [...pairs];
      pairs.add(pair.join(' '));
    }
  }
  return [...pairs];
}

// A tsvector holds at most 1 MB and positions up to 16,383, past which `<->` finds no phrase
// anyway: a story's pairs stop there, well under the size limit.
const MAX_PAIRS = 16_383;

/**
 * The pairs a story must hold to meet the clauses, as a tsquery's text for a `::tsquery` cast
 * (pairs are lexemes as stored, not to be parsed); undefined when no clause is all phrases.
 * Words hold only letters and digits, so quoting each pair is safe.
 */
export function pairQuery(clauses: SearchClause[]): string | undefined {
  const parts = clauses.flatMap((clause) => {
    if (clause.anyOf.some((phrase) => phrase.length < 2)) return [];
    const alternatives = clause.anyOf.map((phrase) =>
      adjacentPairs(phrase)
        .map((pair) => `'${pair.join(' ')}'`)
        .join(' & '),
    );
    return [`(${alternatives.join(' | ')})`];
  });
  return parts.length > 0 ? parts.join(' & ') : undefined;
}

const isPair = (phrase: string[]) => phrase.length === 2;

/**
 * Reading a story's entry while walking the newest stories costs about twenty times reading a
 * match from the GIN index: the entry is a large tsvector, detoasted and matched one by one
 * (at 100k: 18–28 µs a story walked against 0.9 µs a match, 7 December 2026).
 */
const WALK_COST_RATIO = 20;

/** A share of the stories that hold a lexeme: the statistics', or none for one they omit. */
const shareOf = (lexeme: string, statistics: LexemeStatistics) =>
  statistics.frequencies.get(lexeme) ?? 0;

/**
 * Whether reading all of the query's matches from the index costs less than walking the newest
 * stories until the search has the RANKED_MATCHES it ranks. PostgreSQL cannot tell: a lexeme
 * its statistics omit (rarer than every common one) it guesses in one story of 200, and it
 * costs the walk as if an entry were as cheap to read as a match, so for a name in a handful of
 * a million stories it read the whole archive newest first (5–30 s at 1M). The estimate here:
 * each clause as common as its rarest word or word pair, clauses independent of each other.
 * Clauses of alternatives (typos widened) are bounded by their own limits and left out.
 */
export function fewMatches(clauses: SearchClause[], statistics: LexemeStatistics): boolean {
  const single = clauses.filter((clause) => clause.anyOf.length === 1);
  if (single.length === 0) return false;
  const share = single.reduce((product, clause) => {
    const phrase = clause.anyOf[0] ?? [];
    const lexemes = phrase.length > 1 ? adjacentPairs(phrase).map((p) => p.join(' ')) : phrase;
    return product * Math.min(...lexemes.map((lexeme) => shareOf(lexeme, statistics)));
  }, 1);
  const { stories } = statistics;
  return share * stories < Math.sqrt(RANKED_MATCHES * stories * WALK_COST_RATIO);
}

/**
 * The match of every clause: a phrase's pairs, and the words in order where pairs do not say
 * it all. A clause of two-word phrases is met by its pair alone, which GIN answers without
 * reading a story's tsvector; a longer phrase's pairs narrow, and `<->` confirms the order.
 */
function matchOf(clauses: SearchClause[]) {
  const pairs = pairQuery(clauses);
  const ordered = clauses.filter((clause) => !clause.anyOf.every(isPair));
  const words = ordered.length > 0 ? sql`to_tsquery('simple', ${tsQuery(ordered)})` : undefined;
  if (pairs === undefined) return words ?? sql`to_tsquery('simple', '')`;
  return words ? sql`(${words} && ${pairs}::tsquery)` : sql`${pairs}::tsquery`;
}

/**
 * Each alternative's newest matches that a widened search reads: twice what a search ranks, so
 * stories readers cannot see (embargoed, expired) or filtered out rarely leave it short.
 */
const ALTERNATIVE_MATCHES = RANKED_MATCHES * 2;

/**
 * What the entries must meet. Words with few matches (`few`, ADR 0066) are read from the GIN
 * index whole and their ids gathered into an array first (an InitPlan, planned on its own):
 * left to the planner, it walked the newest stories' entries, or the newest articles to merge
 * them with the matches, until it had passed the whole archive (0.8–30 s at 1M, against 18–60 ms
 * this way). Common words are left to be walked newest first.
 *
 * A clause of alternatives (a typo widened to the words it may have meant) asks for each
 * alternative's newest matches on its own, gathered into an array the same way: asked together,
 * PostgreSQL sums their rarities, believes three rare names common, and reads the newest stories
 * one by one until it has passed the whole archive (1.2–1.7 s at 100k).
 */
function conditionsOf(clauses: SearchClause[], few: FewMatches) {
  const together = clauses.filter((clause) => clause.anyOf.length === 1);
  const conditions = [];
  if (together.length > 0) {
    const match = sql`document @@ ${matchOf(together)}`;
    conditions.push(
      few(together)
        ? sql`article_id = ANY(ARRAY(SELECT article_id FROM story_search WHERE ${match}))`
        : match,
    );
  }
  for (const clause of clauses.filter((c) => c.anyOf.length > 1)) {
    const each = clause.anyOf.map((phrase) => newestOf([{ anyOf: [phrase] }], few));
    conditions.push(sql`article_id = ANY(ARRAY(${sql.join(each, sql` UNION ALL `)}))`);
  }
  return conditions;
}

/** An alternative's newest matches; with few, all read from the index (fenced by OFFSET 0) and sorted. */
function newestOf(alternative: SearchClause[], few: FewMatches) {
  const match = sql`document @@ ${matchOf(alternative)}`;
  const entries = few(alternative)
    ? sql`(SELECT article_id FROM story_search WHERE ${match} OFFSET 0) AS matches`
    : sql`story_search WHERE ${match}`;
  return sql`(SELECT article_id FROM ${entries}
    ORDER BY article_id DESC LIMIT ${sql.lit(ALTERNATIVE_MATCHES)})`;
}

/**
 * PostgreSQL's search: a tsvector per story (`story_search`, GIN-indexed) of the folded text
 * under the 'simple' configuration (its weights, A headline to D body, are no longer read:
 * relevance is domain/search/relevance.ts on both engines); typos looked up with pg_trgm.
 */
export const postgresSearch: SearchDialect = {
  async remove(db, ids) {
    await inChunks(ids, (chunk) =>
      sql`DELETE FROM story_search WHERE article_id IN (${sql.join(chunk)})`.execute(db),
    );
  },
  async removeAll(db) {
    await sql`TRUNCATE story_search`.execute(db);
  },
  async add(db, entries: IndexEntry[]) {
    await inChunks(entries, (chunk) => {
      const rows = chunk.map(
        ({ id, document: d }) =>
          sql`(${id}, ${vector(d.headline, 'A')} || ${vector(d.standfirst, 'B')}
            || ${vector(d.people, 'C')} || ${vector(d.body, 'D')}
            || array_to_tsvector(${wordPairsOf(d)}::text[]))`,
      );
      return sql`INSERT INTO story_search (article_id, document) VALUES ${sql.join(rows)}`.execute(
        db,
      );
    });
  },
  async addWords(db, words) {
    await inChunks(words, (chunk) =>
      sql`INSERT INTO search_words (word)
        VALUES ${sql.join(chunk.map((word) => sql`(${word})`))}
        ON CONFLICT DO NOTHING`.execute(db),
    );
  },
  async wordsLike(db: Kysely<DatabaseSchema>, word, limit) {
    const { rows } = await sql<{ word: string }>`SELECT word FROM search_words
      WHERE word % ${word} ORDER BY similarity(word, ${word}) DESC, word LIMIT ${limit}`.execute(
      db,
    );
    return rows.map((row) => row.word);
  },
  // Pulled up into the search around it: for common words the planner may read the newest
  // stories one by one until the search has the newest matches it ranks (story-search.ts).
  source: (clauses, few = NONE_FEW) =>
    sql`(SELECT article_id AS id FROM story_search
      WHERE ${sql.join(conditionsOf(clauses, few), sql` AND `)})`,
  async fewMatchesIn(db) {
    const statistics = await lexemeStatistics(db);
    return statistics ? (clauses) => fewMatches(clauses, statistics) : NONE_FEW;
  },
  // Headline and standfirst are weights A and B; the id range bounds the walk.
  async newestInHeadlines(db, clauses, afterId, limit) {
    const { rows } = await sql<{ id: number }>`SELECT article_id AS id FROM story_search
      WHERE document @@ to_tsquery('simple', ${tsQuery(clauses, 'AB')}) AND article_id > ${afterId}
      ORDER BY article_id DESC LIMIT ${limit}`.execute(db);
    return rows.map((row) => row.id);
  },
};
