/**
 * The search index follows every change to a story, on both engines: a story is findable the
 * moment it is published (by hand or by the scheduler) and gone the moment it is unpublished or
 * killed; its new words are found once they are live; a story whose time to come down has
 * passed is gone at once, before any job runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSchedules } from '../src/services/articles/run-schedules.js';
import type { Clock } from '../src/services/ports.js';
import { paragraphs } from './article-desk.js';
import { businessDesk } from './business-desk.js';
import { ENGINES } from './test-databases.js';

const HOUR = 3600_000;

describe.each(ENGINES)('the search index through a story’s life on $engine', ({ create }) => {
  let now = new Date('2026-11-30T08:00:00Z');
  const clock: Clock = { now: () => now };
  const { client, desk, app, chief: editor, ...newsroom } = businessDesk();
  let chief: ReturnType<typeof editor>;
  /** The paths of the stories a reader's search for `query` lists. */
  const found = async (query: string) => {
    const response = await client.call({ url: `/search?q=${encodeURIComponent(query)}` });
    expect(response.statusCode).toBe(200);
    return [...response.body.matchAll(/<h2><a href="([^"]+)">/g)].map((m) => m[1]);
  };
  const move = (id: number, request: object) =>
    desk.expectCall(
      { method: 'POST', url: `/api/admin/articles/${id}/transitions`, as: chief, body: request },
      200,
    );
  const scheduler = (log: string[] = []) =>
    runSchedules({
      ...app().app.newsroom,
      locks: app().app.storage.locks,
      log: (m) => log.push(m),
    });

  beforeAll(async () => {
    await newsroom.open(await create(), clock);
    chief = editor();
  });

  afterAll(() => newsroom.close());

  it('finds a story once published, and not once unpublished or killed', async () => {
    const { id } = await desk.draft(chief, 'Quarry reopens', 'Zephyrite deposits were found.');
    expect(await found('zephyrite')).toEqual([]);
    await move(id, { to: 'published' });
    const path = await desk.readerPathOf(id);
    expect(await found('zephyrite')).toEqual([path]);
    await move(id, { to: 'unpublished' });
    expect(await found('zephyrite')).toEqual([]);
    await move(id, { to: 'published' });
    expect(await found('zephyrite')).toEqual([path]);
    await desk.expectCall(
      { method: 'POST', url: `/api/admin/articles/${id}/kill`, as: chief },
      200,
    );
    expect(await found('zephyrite')).toEqual([]);
  });

  it('finds a published story by its new words exactly when readers see them', async () => {
    const id = await desk.publishedNow('Harbour dredging begins', 'Silt is moved offshore.');
    const path = await desk.readerPathOf(id);
    const { revision } = await desk.open(chief, id);
    const body = paragraphs('Basalt blocks now line the breakwater.');
    await desk.expectCall(
      { method: 'PATCH', url: `/api/admin/articles/${id}`, as: chief, body: { revision, body } },
      200,
    );
    const live = (await client.call({ url: path })).body.includes('Basalt blocks');
    expect(await found('basalt')).toEqual(live ? [path] : []);
    expect(await found('silt')).toEqual(live ? [] : [path]);
    const tagged = await desk.open(chief, id);
    await desk.expectCall(
      {
        method: 'PATCH',
        url: `/api/admin/articles/${id}`,
        as: chief,
        body: { revision: tagged.revision, tags: ['Dredgers'] },
      },
      200,
    );
    if (live) expect(await found('dredgers')).toEqual([path]);
  });

  it('finds a scheduled story once the scheduler publishes it', async () => {
    const { id } = await desk.draft(chief, 'Budget at noon', 'Tariffs on quinoa fall.');
    await move(id, { to: 'scheduled', publishAt: new Date(now.getTime() + HOUR).toISOString() });
    const log: string[] = [];
    await scheduler(log);
    expect(await found('quinoa')).toEqual([]);
    now = new Date(now.getTime() + 2 * HOUR);
    expect((await scheduler(log)).published).toEqual([id]);
    expect(await found('quinoa')).toEqual([await desk.readerPathOf(id)]);
    expect(log).toEqual([]);
  });

  it('drops a story whose time to come down has passed, before any job runs, and after', async () => {
    const { id } = await desk.draft(chief, 'Exhibition closes soon', 'Tapestries from Nizwa.');
    await move(id, { to: 'published', unpublishAt: new Date(now.getTime() + HOUR).toISOString() });
    expect(await found('tapestries')).toEqual([await desk.readerPathOf(id)]);
    now = new Date(now.getTime() + 2 * HOUR);
    expect(await found('tapestries')).toEqual([]);
    // The scheduler's take-down leaves the index for good: gone, not merely out of time.
    await scheduler();
    const { status } = await desk.open(chief, id);
    expect(status).toBe('unpublished');
    expect(await found('tapestries')).toEqual([]);
  });

  it('finds a draft written long ago as soon as it is published, among newer stories', async () => {
    const { id } = await desk.draft(chief, 'Old draft on falaj repairs', 'Aflaj need masons.');
    for (let i = 0; i < 3; i += 1) await desk.publishedNow(`Falaj story ${i}`, 'Masons at work.');
    await move(id, { to: 'published' });
    const path = await desk.readerPathOf(id);
    expect(await found('aflaj')).toEqual([path]);
    expect(await found('masons')).toContain(path);
  });
});
