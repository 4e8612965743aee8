import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { insertPublishedStory, migratedStorage } from '../../../test/migrated-storage.js';
import { ENGINES } from '../../../test/test-databases.js';
import { backfillLiveChanges } from './0016-story-details.js';

describe.each(ENGINES)('migration 0016 on $engine', ({ create }) => {
  const storage = migratedStorage(create);

  it('keeps "Updated" on live stories changed well after they went live, and only on those', async () => {
    const { kysely } = storage();
    const story = (slug: string, publishedAt: string, updatedAt: string) =>
      insertPublishedStory(storage(), { slug, publishedAt, updatedAt });
    const changed = await story('changed', '2025-01-01T08:00:00.000Z', '2025-01-01T12:00:00.000Z');
    const onTime = await story('on-time', '2025-01-01T08:00:00.000Z', '2025-01-01T08:00:30.000Z');

    await backfillLiveChanges(kysely as unknown as Kysely<unknown>);

    const rows = await kysely
      .selectFrom('articles')
      .select(['id', 'live_changed_at'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { id: changed, live_changed_at: '2025-01-01T12:00:00.000Z' },
      { id: onTime, live_changed_at: null },
    ]);
  });
});
