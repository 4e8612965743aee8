import { sql, type Kysely } from 'kysely';
import type { DatabaseSchema } from '../schema.js';

/** What ANALYZE counted in the search index: how many stories, and the common lexemes' shares. */
export interface LexemeStatistics {
  stories: number;
  /** Each common lexeme (word or word pair) and the share of stories holding it. */
  frequencies: ReadonlyMap<string, number>;
}

/**
 * How long a database's statistics are trusted before they are read again: ANALYZE renews
 * them only after a tenth of the index has changed, so minutes are plenty.
 */
const KEPT_MS = 10 * 60_000;

interface Kept {
  readAt: number;
  statistics: Promise<LexemeStatistics | undefined>;
}

const kept = new WeakMap<Kysely<DatabaseSchema>, Kept>();

async function readStatistics(db: Kysely<DatabaseSchema>): Promise<LexemeStatistics | undefined> {
  const { rows } = await sql<{ stories: number; lexemes: string[]; shares: number[] }>`SELECT
      c.reltuples AS stories, s.most_common_elems::text::text[] AS lexemes,
      s.most_common_elem_freqs AS shares
    FROM pg_class c JOIN pg_stats s ON s.schemaname = current_schema()
      AND s.tablename = c.relname AND s.attname = 'document'
    WHERE c.oid = 'story_search'::regclass`.execute(db);
  const row = rows[0];
  if (!row || !row.lexemes || row.stories <= 0) return undefined;
  // The shares run two longer than the lexemes: their least and greatest follow.
  const frequencies = new Map(row.lexemes.map((lexeme, i) => [lexeme, row.shares[i] ?? 0]));
  return { stories: Number(row.stories), frequencies };
}

/**
 * The search index's statistics (migration 0031 keeps ten thousand lexemes), read once per
 * database and kept a while; undefined when the index has not been analysed yet (a new one).
 */
export function lexemeStatistics(
  db: Kysely<DatabaseSchema>,
  now = Date.now(),
): Promise<LexemeStatistics | undefined> {
  const known = kept.get(db);
  if (known && now - known.readAt < KEPT_MS) return known.statistics;
  // Without them the planner decides alone, as on a new index: a search is never refused for
  // want of statistics, and the next one asks again.
  const statistics = readStatistics(db).catch(() => {
    kept.delete(db);
    return undefined;
  });
  kept.set(db, { readAt: now, statistics });
  return statistics;
}
