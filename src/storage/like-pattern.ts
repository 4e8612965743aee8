import { sql, type Expression, type SqlBool } from 'kysely';

/** A LIKE pattern matching `word` anywhere, LIKE's own wildcards taken literally. */
const likePattern = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * True where the column contains the word, ignoring case. The ESCAPE clause is spelled out:
 * SQLite has no default escape character for LIKE, PostgreSQL's is the backslash.
 */
export const containsWord = (column: string, word: string): Expression<SqlBool> =>
  sql<SqlBool>`lower(${sql.ref(column)}) like ${likePattern(word.toLowerCase())} escape '\\'`;
