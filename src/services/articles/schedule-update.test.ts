/**
 * Scheduling, against the newsroom's stores in memory: an embargoed update of a live story,
 * the scheduler putting it live, and a draft scheduled to go live. Times are instants: an
 * offset in the request never shifts them. test/newsroom-articles.test.ts runs the scheduler
 * itself on both databases.
 */
import { describe, expect, it } from 'vitest';
import { FAN_OUT_EVENT_JOB } from '../events/event-ports.js';
import { actorAs, fakeNewsroom } from '../fakes/fake-newsroom.js';
import { applyScheduledUpdate, scheduleUpdate } from './schedule-update.js';
import { transitionArticle } from './transition-article.js';

const EDITOR = actorAs('editor', 10);
const WRITER = actorAs('writer', 20);
/** The clock of every newsroom here: 10:00 UTC, 14:00 in Muscat. */
const NOW = new Date('2024-04-24T10:00:00Z');

describe('scheduling an update of a live story', () => {
  it('keeps the new text as a scheduled revision and queues it for its time, readers seeing the story as it was', async () => {
    const world = fakeNewsroom();
    const live = await world.addStory({ status: 'published', headline: 'Polls open at eight' });
    const applyAt = new Date('2024-04-24T16:00:00Z');
    const queued = await scheduleUpdate(world.deps, EDITOR, live.id, {
      basedOn: 1,
      changes: { headline: 'Polls close at eight' },
      applyAt,
    });
    expect(queued).toMatchObject({
      articleId: live.id,
      revision: 2,
      userId: EDITOR.userId,
      applyAt,
    });
    expect(world.article(live.id)).toEqual(live);
    expect(world.state.revisions.get(live.id)?.at(-1)).toMatchObject({
      number: 2,
      kind: 'scheduled',
      snapshot: { headline: 'Polls close at eight' },
    });
    expect(await world.stores.scheduledUpdates.due(NOW)).toEqual([]);
    expect(await world.stores.scheduledUpdates.due(applyAt)).toEqual([queued]);
  });

  it.each([
    ['now', NOW],
    ['a minute ago', new Date(NOW.getTime() - 60_000)],
  ])('refuses a time that is not in the future (%s), naming the field', async (_when, applyAt) => {
    const world = fakeNewsroom();
    const { id } = await world.addStory({ status: 'published' });
    const before = structuredClone(world.state);
    await expect(
      scheduleUpdate(world.deps, EDITOR, id, { basedOn: 1, changes: { headline: 'x' }, applyAt }),
    ).rejects.toMatchObject({ kind: 'invalid', field: 'applyAt' });
    expect(world.state).toEqual(before);
  });

  it('compares instants, not clock faces: 12:30 in Muscat is already past at 10:00 UTC', async () => {
    const world = fakeNewsroom();
    const { id } = await world.addStory({ status: 'published' });
    const request = { basedOn: 1, changes: { headline: 'Polls close' } };
    await expect(
      scheduleUpdate(world.deps, EDITOR, id, {
        ...request,
        applyAt: new Date('2024-04-24T12:30:00+04:00'),
      }),
    ).rejects.toMatchObject({ field: 'applyAt' });
    // 09:30 in the Azores (UTC-1) is 10:30 UTC: half an hour from now.
    const queued = await scheduleUpdate(world.deps, EDITOR, id, {
      ...request,
      applyAt: new Date('2024-04-24T09:30:00-01:00'),
    });
    expect(queued.applyAt.toISOString()).toBe('2024-04-24T10:30:00.000Z');
    expect(await world.stores.scheduledUpdates.due(new Date('2024-04-24T10:29:59Z'))).toEqual([]);
  });

  it('takes updates of live stories only, based on the revision readers see', async () => {
    const world = fakeNewsroom();
    const draft = await world.addStory();
    const live = await world.addStory({ status: 'published' });
    const applyAt = new Date('2024-04-24T16:00:00Z');
    await expect(
      scheduleUpdate(world.deps, EDITOR, draft.id, { basedOn: 1, changes: {}, applyAt }),
    ).rejects.toMatchObject({ kind: 'invalid' });
    await expect(
      scheduleUpdate(world.deps, EDITOR, live.id, { basedOn: 0, changes: {}, applyAt }),
    ).rejects.toMatchObject({ kind: 'conflict', details: { revision: 1 } });
    expect(world.state.scheduledUpdates).toEqual([]);
  });

  it('refuses a writer scheduling an update of a colleague’s story, and an update without a body', async () => {
    const world = fakeNewsroom();
    const { id } = await world.addStory({ status: 'published', createdBy: 99 });
    const applyAt = new Date('2024-04-24T16:00:00Z');
    await expect(
      scheduleUpdate(world.deps, WRITER, id, { basedOn: 1, changes: {}, applyAt }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(
      scheduleUpdate(world.deps, EDITOR, id, {
        basedOn: 1,
        changes: { body: { type: 'doc', content: [] } },
        applyAt,
      }),
    ).rejects.toMatchObject({ field: 'body' });
    expect(world.state.revisions.get(id)).toHaveLength(1);
  });
});

describe('putting a scheduled update live', () => {
  /** A live story with an update scheduled for 16:00 UTC, and the clock moved past it. */
  async function dueUpdate() {
    const world = fakeNewsroom();
    const live = await world.addStory({ status: 'published', headline: 'Polls open at eight' });
    const update = await scheduleUpdate(world.deps, EDITOR, live.id, {
      basedOn: 1,
      changes: { headline: 'Polls close at eight' },
      applyAt: new Date('2024-04-24T16:00:00Z'),
    });
    world.setNow('2024-04-24T16:00:30Z');
    const apply = () =>
      world.deps.storage.transaction((stores) =>
        applyScheduledUpdate(stores, update, world.deps.clock.now()),
      );
    return { world, live, apply };
  }

  it('puts the text live once, at its time, and records article.updated for its listeners', async () => {
    const { world, live, apply } = await dueUpdate();
    expect(await apply()).toBe(true);
    expect(await apply()).toBe(false);
    expect(world.article(live.id)).toMatchObject({
      headline: 'Polls close at eight',
      revision: 3,
      liveChangedAt: new Date('2024-04-24T16:00:30Z'),
    });
    expect(world.state.events).toEqual([
      expect.objectContaining({
        type: 'article.updated',
        articleId: live.id,
        userId: EDITOR.userId,
      }),
    ]);
    expect(world.state.jobs.map((j) => j.kind)).toEqual([FAN_OUT_EVENT_JOB]);
    expect(await world.stores.scheduledUpdates.pendingFor(live.id)).toEqual([]);
  });

  it('raises an alert instead when the story was taken down meanwhile', async () => {
    const { world, live, apply } = await dueUpdate();
    await transitionArticle(world.deps, EDITOR, live.id, { to: 'unpublished' });
    expect(await apply()).toBe(false);
    expect(world.article(live.id).headline).toBe('Polls open at eight');
    expect(await world.stores.alerts.open()).toMatchObject([
      { kind: 'update_failed', articleId: live.id },
    ]);
  });
});

describe('scheduling a draft to go live', () => {
  it('keeps its time without publishing or announcing it', async () => {
    const world = fakeNewsroom();
    const { id } = await world.addStory();
    const publishAt = new Date('2024-04-25T06:00:00+04:00');
    expect(await transitionArticle(world.deps, EDITOR, id, { to: 'scheduled', publishAt })).toEqual(
      { status: 'scheduled' },
    );
    expect(world.article(id)).toMatchObject({ status: 'scheduled', publishAt, publishedAt: null });
    expect(world.article(id).publishAt?.toISOString()).toBe('2024-04-25T02:00:00.000Z');
    expect(world.state.events).toEqual([]);
  });

  it.each([
    ['no time', undefined, 'publishAt'],
    ['a time already past in UTC+4', new Date('2024-04-24T13:59:59+04:00'), 'publishAt'],
  ])('refuses %s, naming the field', async (_what, publishAt, field) => {
    const world = fakeNewsroom();
    const { id } = await world.addStory();
    await expect(
      transitionArticle(world.deps, EDITOR, id, { to: 'scheduled', publishAt }),
    ).rejects.toMatchObject({ kind: 'invalid', field });
    expect(world.article(id).status).toBe('draft');
  });

  it('refuses an expiry that is not in the future', async () => {
    const world = fakeNewsroom();
    const { id } = await world.addStory();
    await expect(
      transitionArticle(world.deps, EDITOR, id, { to: 'published', unpublishAt: NOW }),
    ).rejects.toMatchObject({ kind: 'invalid', field: 'unpublishAt' });
  });
});
