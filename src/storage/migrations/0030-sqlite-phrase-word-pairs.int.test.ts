import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { insertPublishedStory, migratedStorage } from '../../../test/migrated-storage.js';
import { createSqliteDatabase } from '../../../test/test-databases.js';
import { parseSearchQuery } from '../../domain/search/search-query.js';
import { sqliteSearch } from '../sqlite/sqlite-story-search.js';
import { KyselyStorySearch } from '../story-search.js';
import { up } from './0030-sqlite-phrase-word-pairs.js';

describe('migration 0030 on sqlite', () => {
  const storage = migratedStorage(() => Promise.resolve(createSqliteDatabase()));

  it('makes entries written before word pairs findable by a quoted phrase again', async () => {
    const { kysely } = storage();
    const id = await insertPublishedStory(storage(), {
      slug: 'team',
      headline: 'The doctors team wins',
      publishedAt: '2025-01-01T08:00:00.000Z',
    });
    // The entry as the index held it before: the words alone.
    await sql`INSERT INTO story_search (rowid, headline, standfirst, people, body)
      VALUES (${id}, 'the doctors team wins', '', '', '')`.execute(kysely);
    const search = new KyselyStorySearch(kysely, sqliteSearch);
    const found = async (query: string) => {
      const result = await search.search({
        asOf: new Date('2025-06-01T00:00:00Z'),
        clauses: parseSearchQuery(query),
        order: 'relevance',
        limit: 10,
        offset: 0,
      });
      return result.hits.map((hit) => hit.id);
    };
    expect(await found('"doctors team"')).toEqual([]);

    await up(kysely as unknown as Kysely<unknown>, 'sqlite');

    expect(await found('"doctors team"')).toEqual([id]);
    expect(await found('"the doctors team wins"')).toEqual([id]);
    expect(await found('doctors')).toEqual([id]);
    expect(await found('"team doctors"')).toEqual([]);
  });
});
