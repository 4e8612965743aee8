import { describe, expect, it } from 'vitest';
import type { Clock, Stores } from '../ports.js';
import type { StoryViewStore, ViewBucket } from './readership-ports.js';
import { createViewTally } from './view-tally.js';

/** A store that keeps what it is given, refusing while `down`; story 99 is not a story. */
function keptViews() {
  const kept: ViewBucket[] = [];
  const state = { down: false };
  const views: StoryViewStore = {
    addViews(buckets) {
      if (state.down) return Promise.reject(new Error('database down'));
      const stories = buckets.filter((bucket) => bucket.storyId !== 99);
      kept.push(...stories);
      return Promise.resolve(stories.reduce((sum, bucket) => sum + bucket.views, 0));
    },
    mostRead: () => Promise.resolve([]),
    forgetViewsBefore: () => Promise.resolve(0),
  };
  const storage = {
    transaction: <T>(work: (stores: Pick<Stores, 'views'>) => Promise<T>) => work({ views }),
  };
  return { kept, state, storage };
}

const at = (iso: string) => {
  let now = new Date(iso);
  const clock: Clock = { now: () => now };
  return { clock, set: (next: string) => (now = new Date(next)) };
};

describe('the view tally', () => {
  it('writes one count per story and hour, however many views', async () => {
    const { kept, storage } = keptViews();
    const time = at('2024-04-24T08:59:00Z');
    const tally = createViewTally({ storage, clock: time.clock });
    for (let i = 0; i < 5; i++) tally.count(1);
    tally.count(2);
    time.set('2024-04-24T09:00:00Z');
    tally.count(1);
    await tally.flush();
    const hour = Math.floor(Date.parse('2024-04-24T08:00:00Z') / 3_600_000);
    expect(kept).toEqual([
      { storyId: 1, hour, views: 5 },
      { storyId: 2, hour, views: 1 },
      { storyId: 1, hour: hour + 1, views: 1 },
    ]);
    expect(tally.stats()).toMatchObject({ counted: 7, stored: 7, pending: 0, flushes: 1 });
  });

  it('keeps the views of a failed flush for the next one', async () => {
    const { kept, state, storage } = keptViews();
    const tally = createViewTally({ storage, clock: at('2024-04-24T08:00:00Z').clock });
    tally.count(1);
    state.down = true;
    await expect(tally.flush()).rejects.toThrow('database down');
    tally.count(1);
    state.down = false;
    await tally.flush();
    expect(kept.map((bucket) => bucket.views)).toEqual([2]);
    expect(tally.stats()).toMatchObject({ failedFlushes: 1, stored: 2 });
  });

  it('drops views of new stories once it holds as many as it may, and counts what was not a story', async () => {
    const { storage } = keptViews();
    const tally = createViewTally({ storage, clock: at('2024-04-24T08:00:00Z').clock }, 2);
    expect([tally.count(1), tally.count(99), tally.count(3), tally.count(1)]).toEqual([
      true,
      true,
      false,
      true,
    ]);
    await tally.flush();
    expect(tally.stats()).toMatchObject({ counted: 3, dropped: 1, stored: 2, discarded: 1 });
  });
});
