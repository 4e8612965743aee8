/**
 * Who else has an article open is seen across instances: two processes (two connections to one
 * database, each with its own Presence) behind a load balancer see each other's editors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArticle } from '../src/services/articles/create-article.js';
import { articleDraftSchema } from '../src/domain/article/article-draft.js';
import { createPresence } from '../src/services/articles/presence.js';
import { openStorage, type OpenedStorage } from '../src/storage/open-storage.js';
import { addStaffMember } from './staff-fixtures.js';
import { ENGINES, type TestDatabase } from './test-databases.js';

describe.each(ENGINES)('presence on $engine', ({ create }) => {
  let database: TestDatabase;
  let first: OpenedStorage;
  let second: OpenedStorage;
  let now = new Date('2026-11-28T08:00:00Z');
  const clock = { now: () => now };

  beforeAll(async () => {
    database = await create();
    first = openStorage(database.url);
    await first.migrate();
    second = openStorage(database.url);
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await database?.drop();
  });

  it('shows each editor the others on the article, from any instance, until they leave', async () => {
    const amal = await addStaffMember(first, 'editor', 'amal@paper.example');
    const badr = await addStaffMember(first, 'editor', 'badr@paper.example');
    const section = await first.stores.sections.create({
      slug: 'oman',
      name: 'Oman',
      description: '',
      position: 0,
    });
    const { id } = await createArticle(
      { storage: first, clock },
      amal,
      articleDraftSchema.parse({
        headline: 'Two editors, one story',
        sectionId: section.id,
        body: { type: 'doc', content: [] },
      }),
    );
    const onA = createPresence(first.stores.presence, clock);
    const onB = createPresence(second.stores.presence, clock);
    expect(await onA.heartbeat(id, { id: amal.userId, name: 'Amal' })).toEqual([]);
    expect(await onB.heartbeat(id, { id: badr.userId, name: 'Badr' })).toEqual([
      { userId: amal.userId, name: 'Amal' },
    ]);
    now = new Date(now.getTime() + 30_000);
    expect(await onA.heartbeat(id, { id: amal.userId, name: 'Amal' })).toEqual([
      { userId: badr.userId, name: 'Badr' },
    ]);
    // Badr closed the tab: no heartbeat for longer than the window.
    now = new Date(now.getTime() + 46_000);
    expect(await onA.heartbeat(id, { id: amal.userId, name: 'Amal' })).toEqual([]);
  });
});
