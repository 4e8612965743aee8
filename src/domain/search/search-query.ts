import { searchWords } from './fold-text.js';

/**
 * What a story must contain to be found: every clause, each met by any one of its phrases. A
 * phrase is folded words in a row; a lone word is a phrase of one. Nothing here is engine
 * syntax: storage writes each engine's query from these words alone.
 */
export interface SearchClause {
  anyOf: string[][];
}

/** Clauses past this many are not searched for; longer phrases are cut. */
export const MAX_CLAUSES = 8;
const MAX_PHRASE_WORDS = 8;
const MAX_WORD_LENGTH = 60;
// Other search engines' operators, written in capitals: readers type them expecting them to
// work; they are left out rather than searched for as words.
const OPERATORS = new Set(['AND', 'OR', 'NOT', 'NEAR']);

const wordsOf = (text: string) =>
  searchWords(
    text
      .split(/\s+/u)
      .filter((token) => !OPERATORS.has(token))
      .join(' '),
  ).filter((word) => word.length <= MAX_WORD_LENGTH);

/**
 * The clauses of a reader's query: text in double quotes is a phrase, every other word must be
 * found on its own. A quote left open is taken as a quote mark, not a phrase; punctuation and
 * symbols are never searched for. Repeats count once.
 */
export function parseSearchQuery(query: string): SearchClause[] {
  const phrases: string[][] = [];
  const loose = query.replace(/"([^"]*)"/gu, (_, inner: string) => {
    phrases.push(wordsOf(inner).slice(0, MAX_PHRASE_WORDS));
    return ' ';
  });
  const all = [...phrases, ...wordsOf(loose).map((word) => [word])].filter((p) => p.length > 0);
  const seen = new Set<string>();
  const clauses: SearchClause[] = [];
  for (const phrase of all) {
    const key = phrase.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    clauses.push({ anyOf: [phrase] });
  }
  return clauses.slice(0, MAX_CLAUSES);
}

/** Every word the clauses search for, alternatives included: what a snippet highlights. */
export const wordsSearchedFor = (clauses: SearchClause[]): string[] => [
  ...new Set(clauses.flatMap((clause) => clause.anyOf.flat())),
];
