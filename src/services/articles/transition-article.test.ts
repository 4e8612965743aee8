/**
 * Moving a story through the workflow, against the newsroom's stores in memory: publishing,
 * republishing a live story's waiting changes, and the moves that are refused.
 * test/newsroom-articles.test.ts and test/live-story-changes.test.ts check them on both databases.
 */
import { describe, expect, it } from 'vitest';
import { FAN_OUT_EVENT_JOB } from '../events/event-ports.js';
import { actorAs, fakeNewsroom } from '../fakes/fake-newsroom.js';
import { saveArticle } from './save-article.js';
import { killArticle, transitionArticle } from './transition-article.js';

const EDITOR = actorAs('editor', 10);
const WRITER = actorAs('writer', 20);
const CONTRIBUTOR = actorAs('contributor', 30);

describe('publishing a story', () => {
  it('puts a draft live at the time of publishing and records article.published for its listeners', async () => {
    const world = fakeNewsroom();
    const { id } = await world.addStory({ headline: 'Port expansion approved' });
    world.setNow('2024-04-24T10:15:00Z');
    expect(await transitionArticle(world.deps, EDITOR, id, { to: 'published' })).toEqual({
      status: 'published',
    });
    expect(world.article(id)).toMatchObject({
      status: 'published',
      publishedAt: new Date('2024-04-24T10:15:00Z'),
      updatedAt: new Date('2024-04-24T10:15:00Z'),
    });
    const [event] = world.state.events;
    expect(world.state.events).toEqual([
      expect.objectContaining({ type: 'article.published', articleId: id, userId: EDITOR.userId }),
    ]);
    expect(world.state.jobs).toEqual([
      { kind: FAN_OUT_EVENT_JOB, payload: { eventId: event?.id }, runAt: world.deps.clock.now() },
    ]);
  });

  it('keeps the first published time when a story taken down is published again', async () => {
    const world = fakeNewsroom();
    const firstPublished = new Date('2024-04-20T06:00:00Z');
    const { id } = await world.addStory({ status: 'unpublished', publishedAt: firstPublished });
    await transitionArticle(world.deps, EDITOR, id, { to: 'published' });
    expect(world.article(id)).toMatchObject({ status: 'published', publishedAt: firstPublished });
  });

  it('clears the alert of a schedule that failed once the story is published by hand', async () => {
    const world = fakeNewsroom();
    const { id } = await world.addStory({ status: 'scheduled' });
    const failed = {
      kind: 'schedule_failed',
      articleId: id,
      message: 'no body',
      createdAt: new Date(),
    };
    await world.stores.alerts.raise(failed);
    await transitionArticle(world.deps, EDITOR, id, { to: 'published' });
    expect(await world.stores.alerts.open()).toEqual([]);
    expect(world.article(id).publishAt).toBeNull();
  });

  it('publishes the waiting changes of a live story with one move, and records article.updated', async () => {
    const world = fakeNewsroom();
    const live = await world.addStory({ status: 'published', headline: 'Oil output holds steady' });
    await saveArticle(world.deps, EDITOR, live.id, {
      basedOn: 1,
      changes: { headline: 'Oil output rises', tags: ['Energy'] },
    });
    world.setNow('2024-04-24T12:00:00Z');
    const published = await transitionArticle(world.deps, EDITOR, live.id, { to: 'published' });
    expect(published).toEqual({ status: 'published', pendingChanges: false, inReview: false });
    expect(world.article(live.id)).toMatchObject({
      headline: 'Oil output rises',
      tags: [{ name: 'Energy' }],
      revision: 2,
      publishedAt: live.publishedAt,
      liveChangedAt: new Date('2024-04-24T12:00:00Z'),
    });
    expect(world.state.waiting.has(live.id)).toBe(false);
    expect(world.state.events.map((e) => e.type)).toEqual(['article.updated']);
  });

  it('lets an editor publish what a writer asked to go live', async () => {
    const world = fakeNewsroom();
    const live = await world.addStory({ status: 'published', createdBy: WRITER.userId });
    await saveArticle(world.deps, WRITER, live.id, {
      basedOn: 1,
      changes: { headline: 'Bank opens two branches' },
    });
    await transitionArticle(world.deps, WRITER, live.id, { to: 'published' });
    await transitionArticle(world.deps, EDITOR, live.id, { to: 'published' });
    expect(world.article(live.id).headline).toBe('Bank opens two branches');
    expect(world.state.waiting.has(live.id)).toBe(false);
  });

  it('refuses to publish changes a live story does not have, naming the field', async () => {
    const world = fakeNewsroom();
    const { id } = await world.addStory({ status: 'published' });
    await expect(
      transitionArticle(world.deps, EDITOR, id, { to: 'published' }),
    ).rejects.toMatchObject({ kind: 'invalid', field: 'to' });
    expect(world.state.events).toEqual([]);
  });

  it('refuses to bring back a killed story, writing nothing', async () => {
    const world = fakeNewsroom();
    const { id } = await world.addStory({ status: 'unpublished', killed: true });
    const before = structuredClone(world.state);
    await expect(
      transitionArticle(world.deps, EDITOR, id, { to: 'published' }),
    ).rejects.toMatchObject({ kind: 'gone' });
    expect(world.state).toEqual(before);
  });

  it('refuses to publish a lead photo without alt text, naming the field', async () => {
    const world = fakeNewsroom();
    const { id } = await world.addStory();
    const photo = world.addPhoto();
    const lead = { mediaId: photo.id, caption: 'The port', credit: '', alt: '' };
    await world.stores.articles.update(id, { lead }, world.deps.clock.now());
    await expect(
      transitionArticle(world.deps, EDITOR, id, { to: 'published' }),
    ).rejects.toMatchObject({ kind: 'invalid', field: 'lead.alt' });
    expect(world.article(id).status).toBe('draft');
  });

  it('refuses a move the workflow does not have, naming both states', async () => {
    const world = fakeNewsroom();
    const { id } = await world.addStory();
    await expect(transitionArticle(world.deps, EDITOR, id, { to: 'unpublished' })).rejects.toThrow(
      'to: an article that is draft can move to in_review, scheduled, published, not unpublished',
    );
  });

  it('refuses when another process moved the story meanwhile, announcing nothing', async () => {
    const world = fakeNewsroom();
    const { id } = await world.addStory();
    // The desk's guard finds the story no longer a draft: another process moved it first.
    world.stores.desk.move = () => Promise.resolve(false);
    await expect(
      transitionArticle(world.deps, EDITOR, id, { to: 'published' }),
    ).rejects.toMatchObject({ kind: 'conflict' });
    expect(world.article(id).status).toBe('draft');
    expect(world.state.events).toEqual([]);
  });
});

describe('who may move a story', () => {
  it('lets a contributor submit their own draft but never publish it', async () => {
    const world = fakeNewsroom();
    const { id } = await world.addStory({ createdBy: CONTRIBUTOR.userId });
    await expect(
      transitionArticle(world.deps, CONTRIBUTOR, id, { to: 'published' }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    await transitionArticle(world.deps, CONTRIBUTOR, id, { to: 'in_review' });
    expect(world.article(id).status).toBe('in_review');
    expect(world.state.events).toEqual([]);
  });

  it('lets a writer publish their own story but not a colleague’s', async () => {
    const world = fakeNewsroom();
    const own = await world.addStory({ createdBy: WRITER.userId });
    const colleagues = await world.addStory({ createdBy: 99 });
    await transitionArticle(world.deps, WRITER, own.id, { to: 'published' });
    await expect(
      transitionArticle(world.deps, WRITER, colleagues.id, { to: 'published' }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    expect(world.article(own.id).status).toBe('published');
    expect(world.article(colleagues.id).status).toBe('draft');
  });

  it('lets only editors take a story down', async () => {
    const world = fakeNewsroom();
    const { id } = await world.addStory({ status: 'published', createdBy: WRITER.userId });
    await expect(
      transitionArticle(world.deps, WRITER, id, { to: 'unpublished' }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    await transitionArticle(world.deps, EDITOR, id, { to: 'unpublished' });
    expect(world.article(id).status).toBe('unpublished');
    expect(world.state.events.map((e) => e.type)).toEqual(['article.unpublished']);
  });
});

describe('killing a story', () => {
  it('takes it down for good, records article.killed and an audit entry naming the headline', async () => {
    const world = fakeNewsroom();
    const { id } = await world.addStory({ status: 'published', headline: 'Story to kill' });
    await expect(killArticle(world.deps, WRITER, id)).rejects.toMatchObject({ kind: 'forbidden' });
    await killArticle(world.deps, EDITOR, id);
    expect(world.article(id)).toMatchObject({
      status: 'unpublished',
      killedAt: world.deps.clock.now(),
    });
    expect(world.state.events.map((e) => e.type)).toEqual(['article.killed']);
    expect(world.state.audit).toMatchObject([
      {
        event: 'article.killed',
        actor: { userId: EDITOR.userId },
        target: { type: 'article', id: String(id) },
        details: { headline: 'Story to kill' },
      },
    ]);
    await expect(killArticle(world.deps, EDITOR, id)).rejects.toMatchObject({ kind: 'gone' });
  });
});
