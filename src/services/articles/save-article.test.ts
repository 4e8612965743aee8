/**
 * Saving a story, against the newsroom's stores in memory: merges and conflicts, live stories'
 * waiting versions, and who may save what. test/merge-saves.test.ts and
 * test/live-story-changes.test.ts check the same rules through HTTP on both databases.
 */
import { describe, expect, it } from 'vitest';
import type { Role } from '../../domain/roles/role.js';
import { actorAs, fakeNewsroom, paragraphs } from '../fakes/fake-newsroom.js';
import { saveArticle } from './save-article.js';
import { transitionArticle } from './transition-article.js';

const EDITOR = actorAs('editor', 10);
const COLLEAGUE = actorAs('editor', 11);
const WRITER = actorAs('writer', 20);

describe('saving a story', () => {
  it('writes the text of a draft into the story as its next revision', async () => {
    const world = fakeNewsroom();
    const { id } = await world.addStory({ headline: 'Rates unchanged' });
    const saved = await saveArticle(world.deps, EDITOR, id, {
      basedOn: 1,
      changes: { headline: 'Rates held at 4.5 per cent', tags: ['Central bank'] },
    });
    expect(saved).toEqual({ revision: 2 });
    expect(world.article(id)).toMatchObject({
      headline: 'Rates held at 4.5 per cent',
      revision: 2,
      tags: [{ slug: 'central-bank', name: 'Central bank' }],
    });
    expect(world.state.revisions.get(id)?.map((r) => [r.number, r.kind, r.userId])).toEqual([
      [1, 'save', 1],
      [2, 'save', EDITOR.userId],
    ]);
  });

  it('merges a save based on an older revision when the newer one changed other fields', async () => {
    const world = fakeNewsroom();
    const { id } = await world.addStory({ headline: 'Port expansion approved' });
    await saveArticle(world.deps, EDITOR, id, {
      basedOn: 1,
      changes: { headline: 'Port expansion approved at last' },
    });
    const merged = await saveArticle(world.deps, COLLEAGUE, id, {
      basedOn: 1,
      changes: { standfirst: 'A 7-2 vote ends a decade of delay.' },
    });
    expect(merged).toEqual({ revision: 3, merged: ['standfirst'] });
    expect(world.article(id)).toMatchObject({
      headline: 'Port expansion approved at last',
      standfirst: 'A 7-2 vote ends a decade of delay.',
      revision: 3,
    });
    expect(world.state.revisions.get(id)?.at(-1)).toMatchObject({ number: 3, basedOn: 1 });
  });

  it('refuses a stale save that changed the same field, keeping its text as a conflict revision', async () => {
    const world = fakeNewsroom();
    const { id } = await world.addStory({ headline: 'Rates unchanged' });
    await saveArticle(world.deps, EDITOR, id, {
      basedOn: 1,
      changes: { headline: 'Rates held at 4.5 per cent' },
    });
    const refused = saveArticle(world.deps, COLLEAGUE, id, {
      basedOn: 1,
      changes: { headline: 'Central bank holds rates', dateline: 'MUSCAT' },
    });
    await expect(refused).rejects.toMatchObject({
      kind: 'conflict',
      details: {
        revision: 2,
        conflictRevision: 3,
        conflicts: [
          {
            key: 'headline',
            theirs: 'Rates held at 4.5 per cent',
            yours: 'Central bank holds rates',
          },
        ],
      },
    });
    expect(world.article(id)).toMatchObject({
      headline: 'Rates held at 4.5 per cent',
      dateline: '',
      revision: 2,
    });
    expect(world.state.revisions.get(id)?.at(-1)).toMatchObject({
      number: 3,
      kind: 'conflict',
      userId: COLLEAGUE.userId,
      snapshot: { headline: 'Central bank holds rates', dateline: 'MUSCAT' },
    });
  });

  it('takes the writer’s choice for a conflicting field and keeps what only the other changed', async () => {
    const world = fakeNewsroom();
    const { id } = await world.addStory({ headline: 'Rates unchanged' });
    await saveArticle(world.deps, EDITOR, id, {
      basedOn: 1,
      changes: { headline: 'Rates held', standfirst: 'No change this month.' },
    });
    const changes = { headline: 'Bank holds rates', dateline: 'MUSCAT' };
    await expect(
      saveArticle(world.deps, COLLEAGUE, id, { basedOn: 1, changes }),
    ).rejects.toMatchObject({ kind: 'conflict' });
    const resolved = await saveArticle(world.deps, COLLEAGUE, id, {
      basedOn: 1,
      changes,
      choices: { headline: 'yours' },
    });
    expect(resolved).toMatchObject({ revision: 4 });
    expect(world.article(id)).toMatchObject({
      headline: 'Bank holds rates',
      standfirst: 'No change this month.',
      dateline: 'MUSCAT',
    });
  });

  it('keeps the text of a save that lost a race to a colleague’s, and refuses it', async () => {
    const world = fakeNewsroom();
    const { id } = await world.addStory({ headline: 'Harbour reopens' });
    const { desk, revisions } = world.stores;
    const saveIfAt = desk.saveIfAt.bind(desk);
    // The colleague's save lands between this save's checks and its guarded write.
    desk.saveIfAt = async (...args) => {
      desk.saveIfAt = saveIfAt;
      const [headline, now] = ['Harbour reopens at dawn', world.deps.clock.now()];
      await saveIfAt(id, 1, 2, { headline }, now);
      const snapshot = { ...(await revisions.get(id, 1))!.snapshot, headline };
      const by = { userId: COLLEAGUE.userId, createdAt: now, snapshot };
      await revisions.add(id, { number: 2, kind: 'save', basedOn: 1, ...by });
      return saveIfAt(...args);
    };
    await expect(
      saveArticle(world.deps, EDITOR, id, { basedOn: 1, changes: { dateline: 'SOHAR' } }),
    ).rejects.toMatchObject({ kind: 'conflict', details: { revision: 2, conflictRevision: 3 } });
    expect(world.article(id)).toMatchObject({ headline: 'Harbour reopens at dawn', dateline: '' });
    expect(world.state.revisions.get(id)?.at(-1)).toMatchObject({
      number: 3,
      kind: 'conflict',
      snapshot: { dateline: 'SOHAR' },
    });
  });

  it('keeps an autosave of a live story off the live version, as the version waiting to go live', async () => {
    const world = fakeNewsroom();
    const live = await world.addStory({ status: 'published', body: ['Output stays flat.'] });
    world.setNow('2024-04-24T11:00:00Z');
    const saved = await saveArticle(world.deps, EDITOR, live.id, {
      basedOn: 1,
      kind: 'autosave',
      changes: { body: paragraphs('Output stays at TK barrels.') },
    });
    expect(saved).toEqual({ revision: 2, pendingChanges: true });
    const after = world.article(live.id);
    expect(after.body).toEqual(live.body);
    expect(after.updatedAt).toEqual(live.updatedAt);
    expect(after.revision).toBe(2);
    expect(world.state.waiting.get(live.id)).toEqual({ liveRevision: 1, inReviewSince: null });
    expect(world.state.revisions.get(live.id)?.at(-1)).toMatchObject({
      number: 2,
      kind: 'autosave',
      snapshot: { body: paragraphs('Output stays at TK barrels.') },
    });
    expect(world.state.events).toEqual([]);
  });

  it('sends a writer’s change to their own live story to the editors, readers still seeing it as it was', async () => {
    const world = fakeNewsroom();
    const live = await world.addStory({
      status: 'published',
      headline: 'Bank opens new branch',
      createdBy: WRITER.userId,
    });
    const saved = await saveArticle(world.deps, WRITER, live.id, {
      basedOn: 1,
      changes: { headline: 'Bank opens two branches' },
    });
    expect(saved).toEqual({ revision: 2, pendingChanges: true });
    const asked = await transitionArticle(world.deps, WRITER, live.id, { to: 'published' });
    expect(asked).toMatchObject({ pendingChanges: true, inReview: true });
    expect(world.article(live.id).headline).toBe('Bank opens new branch');
    expect(world.state.waiting.get(live.id)?.inReviewSince).toEqual(world.deps.clock.now());
    expect(world.state.events).toEqual([]);
  });

  it('refuses a save that would leave a live story without a body, writing nothing', async () => {
    const world = fakeNewsroom();
    const { id } = await world.addStory({ status: 'published' });
    const before = structuredClone(world.state);
    await expect(
      saveArticle(world.deps, EDITOR, id, { basedOn: 1, changes: { body: paragraphs(' ') } }),
    ).rejects.toMatchObject({ kind: 'invalid', field: 'body' });
    expect(world.state).toEqual(before);
  });

  it.each([
    ['slug', { slug: 'taken-slug' }],
    ['sectionId', { sectionId: 999 }],
    ['bylines', { bylines: [999] }],
    ['lead.mediaId', { lead: { mediaId: 999, caption: '', credit: '', alt: 'A port' } }],
  ])('refuses a save naming %s that cannot be used, naming the field', async (field, changes) => {
    const world = fakeNewsroom();
    await world.addStory({ slug: 'taken-slug' });
    const { id } = await world.addStory();
    await expect(
      saveArticle(world.deps, EDITOR, id, { basedOn: 1, changes }),
    ).rejects.toMatchObject({ kind: 'invalid', field });
    expect(world.article(id).revision).toBe(1);
  });
});

describe('who may save a story', () => {
  const refusals: [string, Role, { status?: 'draft' | 'in_review'; own: boolean }][] = [
    ['a contributor, someone else’s draft', 'contributor', { own: false }],
    [
      'a contributor, their own story once submitted',
      'contributor',
      { status: 'in_review', own: true },
    ],
    ['a writer, a colleague’s story', 'writer', { own: false }],
  ];

  it.each(refusals)('refuses %s', async (_who, role, { status, own }) => {
    const world = fakeNewsroom();
    const actor = actorAs(role, 30);
    const { id } = await world.addStory({ status, createdBy: own ? actor.userId : 1 });
    const before = structuredClone(world.state);
    await expect(
      saveArticle(world.deps, actor, id, { basedOn: 1, changes: { headline: 'Mine now' } }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    expect(world.state).toEqual(before);
  });

  it('lets a contributor save their own draft, but not change its bylines', async () => {
    const world = fakeNewsroom();
    const contributor = actorAs('contributor', 30);
    const { id } = await world.addStory({ createdBy: contributor.userId });
    expect(
      await saveArticle(world.deps, contributor, id, {
        basedOn: 1,
        changes: { headline: 'My first story' },
      }),
    ).toEqual({ revision: 2 });
    world.state.authors.push({
      id: 500,
      slug: 'salma',
      name: 'Salma',
      kind: 'staff',
      bio: '',
      photoId: null,
      links: [],
    });
    await expect(
      saveArticle(world.deps, contributor, id, { basedOn: 2, changes: { bylines: [500] } }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    expect(world.article(id).bylines).toEqual([]);
  });

  it('refuses every save of a killed story as gone', async () => {
    const world = fakeNewsroom();
    const { id } = await world.addStory({ status: 'unpublished', killed: true });
    await expect(
      saveArticle(world.deps, EDITOR, id, { basedOn: 1, changes: { headline: 'Back' } }),
    ).rejects.toMatchObject({ kind: 'gone' });
  });

  it('answers not found for a story that does not exist', async () => {
    const world = fakeNewsroom();
    await expect(
      saveArticle(world.deps, EDITOR, 404, { basedOn: 1, changes: {} }),
    ).rejects.toMatchObject({ kind: 'not_found' });
  });
});
