import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, type TestDatabase } from '../../../test/test-databases.js';
import { openStorage, type OpenedStorage } from '../open-storage.js';
import { backfillLiveChanges } from './0016-story-details.js';

describe.each(ENGINES)('migration 0016 on $engine', ({ create }) => {
  let database: TestDatabase;
  let storage: OpenedStorage;

  beforeAll(async () => {
    database = await create();
    storage = openStorage(database.url);
    await storage.migrate();
  });
  afterAll(async () => {
    await storage?.close();
    await database?.drop();
  });

  it('keeps "Updated" on live stories changed well after they went live, and only on those', async () => {
    const { kysely, stores } = storage;
    const section = await stores.sections.create({
      slug: 'oman',
      name: 'Oman',
      description: '',
      position: 0,
    });
    const story = (slug: string, publishedAt: string, updatedAt: string) =>
      kysely
        .insertInto('articles')
        .values({
          slug,
          section_id: section.id,
          headline: slug,
          standfirst: '',
          dateline: '',
          body: '{"type":"doc","content":[]}',
          sign_off: '',
          status: 'published',
          published_at: publishedAt,
          updated_at: updatedAt,
          created_at: publishedAt,
          seo_title: '',
          seo_description: '',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const changed = await story('changed', '2025-01-01T08:00:00.000Z', '2025-01-01T12:00:00.000Z');
    const onTime = await story('on-time', '2025-01-01T08:00:00.000Z', '2025-01-01T08:00:30.000Z');

    await backfillLiveChanges(kysely as unknown as Kysely<unknown>);

    const rows = await kysely
      .selectFrom('articles')
      .select(['id', 'live_changed_at'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { id: changed.id, live_changed_at: '2025-01-01T12:00:00.000Z' },
      { id: onTime.id, live_changed_at: null },
    ]);
  });
});
