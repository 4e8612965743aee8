import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPostgresDatabase,
  createSqliteDatabase,
  type TestDatabase,
} from '../../../test/test-databases.js';
import { parseSearchQuery } from '../../domain/search/search-query.js';
import { commonWords } from '../archive-seed/synthetic-text.js';
import { openStorage, type OpenedStorage } from '../open-storage.js';
import { KyselyStorySearch } from '../story-search.js';
import { NONE_FEW } from '../story-search-dialect.js';
import { lexemeStatistics } from './lexeme-statistics.js';
import { postgresSearch } from './postgres-story-search.js';

const STORIES = 3000;
const now = new Date('2026-12-07T12:00:00Z');

/**
 * What PostgreSQL search learns from ANALYZE (ADR 0066): the common lexemes' shares, read from
 * the statistics the migration asks for, and a search that reads the index first finds what
 * the walk finds.
 */
describe('search index statistics on PostgreSQL', () => {
  let database: TestDatabase;
  let storage: OpenedStorage;
  let beforeAnyStory: unknown;

  beforeAll(async () => {
    database = await createPostgresDatabase();
    storage = openStorage(database.url);
    await storage.migrate();
    beforeAnyStory = await lexemeStatistics(storage.kysely, 0);
    // The seed analyses what it wrote, as a large import should.
    await storage.archive.seed({ articles: STORIES, sections: 4, now });
  }, 120_000);

  afterAll(async () => {
    await storage?.close();
    await database?.drop();
  });

  it('knows nothing before the index is analysed, and the shares of common lexemes after', async () => {
    const db = storage.kysely;
    expect(beforeAnyStory).toBeUndefined();
    // Read afresh once the kept copy is older than ten minutes.
    const statistics = await lexemeStatistics(db, 11 * 60_000);
    expect(statistics?.stories).toBeGreaterThan(STORIES * 0.9);
    expect(statistics?.frequencies.get(commonWords[0] as string)).toBeGreaterThan(0.5);
    expect(statistics?.frequencies.get('zzqx')).toBeUndefined();
    // The migration's target: ten lexemes per unit, so up to ten thousand kept.
    const { rows } = await sql<{ target: number }>`SELECT attstattarget AS target
      FROM pg_attribute WHERE attrelid = 'story_search'::regclass AND attname = 'document'`.execute(
      db,
    );
    expect(Number(rows[0]?.target)).toBe(1000);
  });

  it('finds the same stories reading the index first as walking the newest', async () => {
    const search = new KyselyStorySearch(storage.kysely, postgresSearch);
    const walked = new KyselyStorySearch(storage.kysely, {
      ...postgresSearch,
      fewMatchesIn: () => Promise.resolve(NONE_FEW),
    });
    const [first, second, third, fourth] = commonWords as [string, string, string, string];
    for (const clauses of [
      parseSearchQuery(fourth),
      parseSearchQuery(`${second} ${third}`),
      parseSearchQuery(`"${first} ${second}"`),
      // A typo widened to the words it may have meant, beside a word all must hold.
      [{ anyOf: [[third], ['zzqx'], [fourth]] }, { anyOf: [[first]] }],
    ]) {
      const query = {
        asOf: now,
        clauses,
        order: 'relevance' as const,
        limit: 20,
        offset: 0,
      };
      const [first, second] = [await search.search(query), await walked.search(query)];
      expect(first.total).toBeGreaterThan(0);
      expect(first.hits.map((hit) => hit.id)).toEqual(second.hits.map((hit) => hit.id));
      expect(first.total).toBe(second.total);
    }
  });

  it('answers that it cannot tell, rather than failing the search, when they cannot be read', async () => {
    // A database with no pg_stats at all stands in for one whose statistics are out of reach.
    const sqlite = createSqliteDatabase();
    const other = openStorage(sqlite.url);
    try {
      await expect(lexemeStatistics(other.kysely)).resolves.toBeUndefined();
    } finally {
      await other.close();
      await sqlite.drop();
    }
  });
});
