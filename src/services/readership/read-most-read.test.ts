import { describe, expect, it } from 'vitest';
import type { Clock } from '../ports.js';
import type { MostReadQuery, MostReadStory } from './readership-ports.js';
import { createMostRead } from './read-most-read.js';

const story = (id: number, unpublishAt: Date | null = null): MostReadStory => ({
  id,
  headline: `Story ${id}`,
  slug: `story-${id}`,
  section: { id: 1, slug: 'oman', name: 'Oman' },
  unpublishAt,
  views: 10 - id,
});

function listsOf(stories: MostReadStory[]) {
  const asked: MostReadQuery[] = [];
  let now = new Date('2024-04-24T08:00:00Z');
  const clock: Clock = { now: () => now };
  const views = {
    mostRead: (query: MostReadQuery) => {
      asked.push(query);
      return Promise.resolve(stories);
    },
    addViews: () => Promise.resolve(0),
    forgetViewsBefore: () => Promise.resolve(0),
  };
  const mostRead = createMostRead({ stores: { views }, clock }, 60_000);
  return { mostRead, asked, later: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

describe('the most-read lists', () => {
  it('asks the database once a minute per list, however many pages ask', async () => {
    const { mostRead, asked, later } = listsOf([story(1), story(2)]);
    await Promise.all([mostRead.list(), mostRead.list(), mostRead.list(4)]);
    later(59_000);
    await mostRead.list();
    expect(asked.map((query) => query.sectionId)).toEqual([undefined, 4]);
    later(1_000);
    await mostRead.list();
    expect(asked).toHaveLength(3);
  });

  it('asks for the last 24 hours of stories readers may see now', async () => {
    const { mostRead, asked } = listsOf([]);
    const list = await mostRead.list();
    const hour = Math.floor(Date.parse('2024-04-24T08:00:00Z') / 3_600_000);
    expect(asked[0]).toMatchObject({ fromHour: hour - 23, limit: 5 });
    expect(list.freshUntil).toBe(Date.parse('2024-04-24T08:01:00Z'));
  });

  it('reads anew after a change, and ends a list when a story on it comes down', async () => {
    const comesDown = new Date('2024-04-24T08:00:20Z');
    const { mostRead, asked, later } = listsOf([story(1), story(2, comesDown)]);
    expect((await mostRead.list()).freshUntil).toBe(comesDown.getTime());
    mostRead.forget();
    await mostRead.list();
    later(20_000);
    await mostRead.list();
    expect(asked).toHaveLength(3);
  });
});
