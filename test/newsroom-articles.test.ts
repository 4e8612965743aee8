import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Role } from '../src/domain/roles/role.js';
import {
  diffRevisions,
  listRevisions,
  restoreRevision,
} from '../src/services/articles/article-revisions.js';
import { correctArticle } from '../src/services/articles/correct-article.js';
import { createArticle } from '../src/services/articles/create-article.js';
import { articleDraftSchema } from '../src/domain/article/article-draft.js';
import {
  addArticleNote,
  listDeskArticles,
  readDeskArticle,
} from '../src/services/articles/desk-reads.js';
import { runSchedules } from '../src/services/articles/run-schedules.js';
import { saveArticle } from '../src/services/articles/save-article.js';
import { scheduleUpdate } from '../src/services/articles/schedule-update.js';
import { killArticle, transitionArticle } from '../src/services/articles/transition-article.js';
import { openStorage, type OpenedStorage } from '../src/storage/open-storage.js';
import { addStaffMember } from './staff-fixtures.js';
import { ENGINES, type TestDatabase } from './test-databases.js';
import { mediaRecord } from '../src/services/fakes/media-record.js';

const paragraph = (text: string) => ({
  type: 'paragraph' as const,
  content: [{ type: 'text' as const, text }],
});
const body = (...texts: string[]) => ({ type: 'doc' as const, content: texts.map(paragraph) });

describe.each(ENGINES)('the newsroom’s articles on $engine', ({ create }) => {
  let database: TestDatabase;
  let storage: OpenedStorage;
  let now = new Date('2026-11-27T08:00:00Z');
  const clock = { now: () => new Date(now) };
  let deps: { storage: OpenedStorage; clock: typeof clock };
  let sectionId: number;
  const people = {} as Record<
    'contributor' | 'writer' | 'otherWriter' | 'editor' | 'otherEditor',
    Actor
  >;
  const log: string[] = [];

  const person = (role: Role, email: string) => addStaffMember(storage, role, email);

  const draftBy = async (actor: Actor, headline: string) =>
    (
      await createArticle(
        deps,
        actor,
        articleDraftSchema.parse({ headline, sectionId, body: body('First paragraph.') }),
      )
    ).id;

  beforeAll(async () => {
    database = await create();
    storage = openStorage(database.url);
    await storage.migrate();
    deps = { storage, clock };
    sectionId = (
      await storage.stores.sections.create({
        slug: 'oman',
        name: 'Oman',
        description: '',
        position: 0,
      })
    ).id;
    people.contributor = await person('contributor', 'c@x.test');
    people.writer = await person('writer', 'w@x.test');
    people.otherWriter = await person('writer', 'w2@x.test');
    people.editor = await person('editor', 'e@x.test');
    people.otherEditor = await person('editor', 'e2@x.test');
  });

  afterAll(async () => {
    await storage?.close();
    await database?.drop();
  });

  it('starts a draft owned by its writer at revision 1', async () => {
    const id = await draftBy(people.writer, 'Water main reaches Al Amerat');
    const article = await readDeskArticle(deps, people.writer, id);
    expect(article).toMatchObject({
      status: 'draft',
      revision: 1,
      createdBy: people.writer.userId,
    });
    expect(article.draft.slug).toBe('water-main-reaches-al-amerat');
  });

  it('lets a contributor write and submit, but never publish', async () => {
    const id = await draftBy(people.contributor, 'Fishermen open a cold store');
    await saveArticle(deps, people.contributor, id, {
      basedOn: 1,
      changes: { standfirst: 'Sur’s cooperative.' },
    });
    await expect(
      transitionArticle(deps, people.contributor, id, { to: 'published' }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    await transitionArticle(deps, people.contributor, id, { to: 'in_review' });
    // Once submitted, the text is the editors' until it comes back.
    await expect(
      saveArticle(deps, people.contributor, id, { basedOn: 2, changes: { headline: 'Mine' } }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    await transitionArticle(deps, people.editor, id, { to: 'published' });
    expect((await readDeskArticle(deps, people.editor, id)).status).toBe('published');
  });

  it('lets a writer publish their own article but not edit a colleague’s', async () => {
    const own = await draftBy(people.writer, 'Marathon closes the corniche');
    await transitionArticle(deps, people.writer, own, { to: 'published' });
    const colleagues = await draftBy(people.otherWriter, 'Derby ends 2-1');
    await expect(
      saveArticle(deps, people.writer, colleagues, { basedOn: 1, changes: { headline: 'x' } }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(
      transitionArticle(deps, people.writer, colleagues, { to: 'published' }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('shows contributors only their own work in the article list', async () => {
    const mine = await listDeskArticles(deps, people.contributor, { page: 1 });
    expect(mine.articles.every((a) => a.createdBy === people.contributor.userId)).toBe(true);
    const all = await listDeskArticles(deps, people.editor, { search: 'derby', page: 1 });
    expect(all.articles.map((a) => a.headline)).toEqual(['Derby ends 2-1']);
  });

  it('refuses a save based on an old revision and keeps the refused text to merge', async () => {
    const id = await draftBy(people.writer, 'Port expansion approved');
    const first = await saveArticle(deps, people.editor, id, {
      basedOn: 1,
      changes: { body: body('Editor one’s version.') },
    });
    expect(first).toEqual({ revision: 2 });
    const refused = saveArticle(deps, people.otherEditor, id, {
      basedOn: 1,
      changes: { body: body('Editor two’s version.') },
    });
    await expect(refused).rejects.toMatchObject({
      kind: 'conflict',
      details: { revision: 2, conflictRevision: 3 },
    });
    const { current, revisions } = await listRevisions(deps, people.editor, id);
    expect(current).toBe(2);
    expect(revisions.map((r) => [r.number, r.kind])).toEqual([
      [3, 'conflict'],
      [2, 'save'],
      [1, 'save'],
    ]);
    const diff = await diffRevisions(deps, people.editor, id, 2, 3);
    expect(diff.changes).toEqual([
      {
        field: 'body',
        label: 'Body',
        paragraphs: [
          {
            op: 'changed',
            parts: [
              { op: 'same', text: 'Editor ' },
              { op: 'removed', text: 'one’s' },
              { op: 'added', text: 'two’s' },
              { op: 'same', text: ' version.' },
            ],
          },
        ],
      },
    ]);
    const merged = await restoreRevision(deps, people.otherEditor, id, 3, 2);
    expect(merged).toEqual({ revision: 4 });
    expect((await readDeskArticle(deps, people.editor, id)).draft.body).toEqual(
      body('Editor two’s version.'),
    );
  });

  it('refuses to publish a lead photo without alt text', async () => {
    const media = await storage.stores.media.create(
      mediaRecord({ originalName: `p-${Date.now()}.jpg` }),
      now,
    );
    const id = (
      await createArticle(
        deps,
        people.editor,
        articleDraftSchema.parse({
          headline: 'Photo story',
          sectionId,
          body: body('Text.'),
          lead: { mediaId: media.id, caption: 'c' },
        }),
      )
    ).id;
    await expect(
      transitionArticle(deps, people.editor, id, { to: 'published' }),
    ).rejects.toMatchObject({ kind: 'invalid', field: 'lead.alt' });
  });

  it('publishes a scheduled article exactly once when its time comes, and takes an expired one down', async () => {
    const id = await draftBy(people.editor, 'Budget published at noon');
    await expect(
      transitionArticle(deps, people.editor, id, {
        to: 'scheduled',
        publishAt: new Date(now.getTime() - 1000),
      }),
    ).rejects.toMatchObject({ field: 'publishAt' });
    const publishAt = new Date(now.getTime() + 60_000);
    const unpublishAt = new Date(now.getTime() + 3_600_000);
    await transitionArticle(deps, people.editor, id, { to: 'scheduled', publishAt, unpublishAt });
    const scheduler = { ...deps, locks: storage.locks, log: (m: string) => log.push(m) };
    expect((await runSchedules(scheduler)).published).toEqual([]);
    now = new Date(publishAt.getTime() + 1000);
    expect((await runSchedules(scheduler)).published).toEqual([id]);
    expect((await runSchedules(scheduler)).published).toEqual([]);
    const live = await readDeskArticle(deps, people.editor, id);
    expect(live).toMatchObject({ status: 'published', publishedAt: publishAt });
    expect(await storage.stores.events.count(id, 'article.published')).toBe(1);
    now = new Date(unpublishAt.getTime() + 1000);
    expect((await runSchedules(scheduler)).unpublished).toEqual([id]);
    expect((await readDeskArticle(deps, people.editor, id)).status).toBe('unpublished');
  });

  it('puts a scheduled update of a live story in front of readers at its time, not before', async () => {
    const id = await draftBy(people.editor, 'Polls open at eight');
    await transitionArticle(deps, people.editor, id, { to: 'published' });
    const applyAt = new Date(now.getTime() + 600_000);
    await expect(
      scheduleUpdate(deps, people.editor, id, {
        basedOn: 1,
        changes: { headline: 'x' },
        applyAt: new Date(now.getTime() - 1),
      }),
    ).rejects.toMatchObject({ field: 'applyAt' });
    await expect(
      scheduleUpdate(deps, people.editor, id, {
        basedOn: 1,
        changes: { body: { type: 'doc', content: [] } },
        applyAt,
      }),
    ).rejects.toMatchObject({ field: 'body' });
    await scheduleUpdate(deps, people.editor, id, {
      basedOn: 1,
      changes: { headline: 'Polls close at eight' },
      applyAt,
    });
    const pending = await readDeskArticle(deps, people.editor, id);
    expect(pending.draft.headline).toBe('Polls open at eight');
    expect(pending.scheduledUpdates).toMatchObject([{ applyAt }]);
    const scheduler = { ...deps, locks: storage.locks, log: (m: string) => log.push(m) };
    now = new Date(applyAt.getTime() + 1000);
    expect((await runSchedules(scheduler)).updated).toEqual([id]);
    expect((await runSchedules(scheduler)).updated).toEqual([]);
    const live = await readDeskArticle(deps, people.editor, id);
    expect(live.draft.headline).toBe('Polls close at eight');
    expect(live.scheduledUpdates).toEqual([]);
    expect(await storage.stores.events.count(id, 'article.updated')).toBe(1);
  });

  it('raises an alert, and does not publish, when a scheduled article can no longer go live', async () => {
    const id = await draftBy(people.editor, 'Broken schedule');
    await transitionArticle(deps, people.editor, id, {
      to: 'scheduled',
      publishAt: new Date(now.getTime() + 1000),
    });
    await storage.stores.articles.update(id, { body: { type: 'doc', content: [] } }, now);
    now = new Date(now.getTime() + 2000);
    const scheduler = { ...deps, locks: storage.locks, log: (m: string) => log.push(m) };
    expect((await runSchedules(scheduler)).published).toEqual([]);
    await runSchedules(scheduler);
    const alerts = (await storage.stores.alerts.open()).filter((a) => a.articleId === id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.message).toMatch(/could not go live at its scheduled time: body:/);
    expect(log.some((line) => line.includes('Broken schedule'))).toBe(true);
  });

  it('adds dated corrections to published articles only, and records the event', async () => {
    const id = await draftBy(people.editor, 'Rate decision');
    await expect(
      correctArticle(deps, people.editor, id, { kind: 'correction', text: 'x' }),
    ).rejects.toMatchObject({
      kind: 'invalid',
    });
    await transitionArticle(deps, people.editor, id, { to: 'published' });
    await expect(
      correctArticle(deps, people.writer, id, { kind: 'correction', text: 'x' }),
    ).rejects.toMatchObject({
      kind: 'forbidden',
    });
    await correctArticle(deps, people.editor, id, {
      kind: 'correction',
      text: 'The rate is 4.25 per cent, not 4.5.',
    });
    const article = await readDeskArticle(deps, people.editor, id);
    expect(article.corrections).toMatchObject([
      { kind: 'correction', text: 'The rate is 4.25 per cent, not 4.5.' },
    ]);
    expect(await storage.stores.events.count(id, 'article.corrected')).toBe(1);
  });

  it('kills a story for good: no transition brings it back', async () => {
    const id = await draftBy(people.editor, 'Story to kill');
    await transitionArticle(deps, people.editor, id, { to: 'published' });
    await expect(killArticle(deps, people.writer, id)).rejects.toMatchObject({ kind: 'forbidden' });
    await killArticle(deps, people.editor, id);
    await expect(
      transitionArticle(deps, people.editor, id, { to: 'published' }),
    ).rejects.toMatchObject({ kind: 'gone' });
    expect(await storage.stores.events.count(id, 'article.killed')).toBe(1);
  });

  it('keeps internal notes for colleagues', async () => {
    const id = await draftBy(people.writer, 'Notes story');
    await addArticleNote(deps, people.editor, id, 'Check the figures with the ministry.');
    const article = await readDeskArticle(deps, people.writer, id);
    expect(article.notes.map((n) => n.text)).toEqual(['Check the figures with the ministry.']);
  });
});
