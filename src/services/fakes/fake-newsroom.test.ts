/** The fakes keep the database's guarantees the use cases' unit tests rely on. */
import { describe, expect, it } from 'vitest';
import { fakeNewsroom } from './fake-newsroom.js';

describe('the fake newsroom', () => {
  it('puts back everything a transaction wrote when its work throws', async () => {
    const world = fakeNewsroom();
    const { id } = await world.addStory();
    const before = structuredClone(world.state);
    const work = world.deps.storage.transaction(async (stores) => {
      await stores.desk.move(id, 'draft', 'published', {}, new Date());
      await stores.events.record(
        { type: 'article.published', articleId: id, userId: 1 },
        new Date(),
      );
      throw new Error('the disk is full');
    });
    await expect(work).rejects.toThrow('the disk is full');
    expect(world.state).toEqual(before);
    expect(world.article(id).status).toBe('draft');
  });

  it('saves only at the revision a save is based on, as the desk’s guarded update does', async () => {
    const world = fakeNewsroom();
    const { id } = await world.addStory();
    const now = world.deps.clock.now();
    expect(await world.stores.desk.saveIfAt(id, 0, 2, { headline: 'Stale' }, now)).toBe(false);
    expect(await world.stores.desk.saveIfAt(id, 1, 2, { headline: 'Fresh' }, now)).toBe(true);
    expect(world.article(id)).toMatchObject({ headline: 'Fresh', revision: 2 });
  });

  it('refuses a revision number used twice, and keeps revisions as they were saved', async () => {
    const world = fakeNewsroom();
    const { id } = await world.addStory();
    const first = await world.stores.revisions.get(id, 1);
    first!.snapshot.headline = 'Changed after saving';
    expect((await world.stores.revisions.get(id, 1))?.snapshot.headline).toBe(
      'Oil output holds steady',
    );
    await expect(world.stores.revisions.add(id, first!)).rejects.toThrow(/revision 1/);
  });

  it('says which store method a test reached that is not faked', () => {
    const world = fakeNewsroom();
    expect(() => world.stores.desk.list({ limit: 1, offset: 0 })).toThrow('desk.list is not faked');
  });
});
