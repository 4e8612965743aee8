import type { Kysely, RawBuilder } from 'kysely';
import type { SearchDocument } from '../domain/search/search-document.js';
import type { SearchClause } from '../domain/search/search-query.js';
import type { DatabaseSchema } from './schema.js';

/** Whether the index holds few stories meeting these clauses (ADR 0066). */
export type FewMatches = (clauses: SearchClause[]) => boolean;

/** For an engine, or a database, that cannot tell: none are few. */
export const NONE_FEW: FewMatches = () => false;

/** A story's entry in the index. */
export interface IndexEntry {
  id: number;
  document: SearchDocument;
}

/**
 * What differs between the engines' full-text search: how entries are written, how a query is
 * matched, and how words that look alike are found. Everything else (which stories are indexed,
 * visibility, filters, ranking, paging) is storage/story-search.ts, the same on both.
 */
export interface SearchDialect {
  /** Drops the entries of these stories. */
  remove(db: Kysely<DatabaseSchema>, ids: number[]): Promise<void>;
  /** Drops every entry: before a migration makes them all again. */
  removeAll(db: Kysely<DatabaseSchema>): Promise<void>;
  /** Adds entries (none of them indexed yet). */
  add(db: Kysely<DatabaseSchema>, entries: IndexEntry[]): Promise<void>;
  /** Adds words to the vocabulary that typos are looked up in; known ones are skipped. */
  addWords(db: Kysely<DatabaseSchema>, words: string[]): Promise<void>;
  /** Known words sharing the most letter trigrams with `word`, best first. */
  wordsLike(db: Kysely<DatabaseSchema>, word: string, limit: number): Promise<string[]>;
  /**
   * The ids of the stories whose entries meet every clause, as a table of `id` to be joined to
   * `articles as a` and read newest first: the one place a search's words are matched.
   */
  source(clauses: SearchClause[], few?: FewMatches): RawBuilder<{ id: number }>;
  /**
   * Tells which clauses the index holds few matches for, so `source` reads them all first
   * rather than walk the newest stories; an engine whose walk skips from match to match says none.
   */
  fewMatchesIn(db: Kysely<DatabaseSchema>): Promise<FewMatches>;
  /**
   * The ids of the newest `limit` entries after `afterId` whose headline and standfirst meet
   * every clause: a walk bounded by the ids, whatever the archive's size.
   */
  newestInHeadlines(
    db: Kysely<DatabaseSchema>,
    clauses: SearchClause[],
    afterId: number,
    limit: number,
  ): Promise<number[]>;
}

/**
 * The matches a search ranks and counts: the newest this many (by story id) that readers may
 * see and that pass the filters. Past it, a word in most stories would cost a score for each
 * of hundreds of thousands; relevance then orders the newest ones and the count says "more"
 * (ADR 0052).
 */
export const RANKED_MATCHES = 1000;

// Rows per multi-row statement: well under either engine's limit of bound parameters.
const CHUNK = 200;

/** Runs `write` on the rows a chunk at a time. */
export async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += CHUNK)
    await write(rows.slice(start, start + CHUNK));
}
