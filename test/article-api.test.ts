/**
 * The newsroom's article API as the newsroom app uses it: signed-in browsers (session cookie
 * and CSRF token) through `server.inject`, and what readers then see on the site.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runSchedules } from '../src/services/articles/run-schedules.js';
import { articleDesk, paragraphs } from './article-desk.js';
import { newsroomClient, startNewsroom, type Browser } from './newsroom-client.js';
import type { TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';

const HOUR = 3_600_000;

describe.each(ENGINES)('the article API on $engine', ({ create }) => {
  let t: TestApp;
  const client = newsroomClient(() => t);
  const { call, signIn, addUser } = client;
  let writer: Browser;
  let editor: Browser;
  let secondEditor: Browser;
  let contributor: Browser;
  let section: { id: number; slug: string };

  const { expectCall, draft, open, move, readerPathOf, publishedNow, articleCount, addPhoto } =
    articleDesk(
      () => t,
      client,
      () => section,
      () => editor,
    );

  beforeAll(async () => {
    t = await startNewsroom(await create());
    await addUser('second-editor@paper.example', 'editor');
    writer = await signIn('writer@paper.example');
    editor = await signIn('editor@paper.example');
    secondEditor = await signIn('second-editor@paper.example');
    contributor = await signIn('contributor@paper.example');
    section = (
      await expectCall(
        { method: 'POST', url: '/api/admin/sections', as: editor, body: { name: 'Oman' } },
        201,
      )
    ).json();
    await t.app.storage.stores.authors.create({
      slug: 'amal-al-harthy',
      name: 'Amal Al Harthy',
      kind: 'staff',
      bio: '',
    });
  });

  afterAll(() => t?.close());

  it('takes a story from the writer’s draft through the editor to the reader’s page and the home page', async () => {
    const created = await draft(writer, 'Corniche closes for the marathon', 'Roads shut at dawn.');
    expect(created.revision).toBe(1);
    const { id } = created;
    const saved = await expectCall(
      {
        method: 'PATCH',
        url: `/api/admin/articles/${id}`,
        as: writer,
        body: { revision: 1, body: paragraphs('Roads shut at dawn on Friday.') },
      },
      200,
    );
    expect(saved.json()).toEqual({ revision: 2 });
    expect((await move(writer, id, { to: 'in_review' })).json()).toEqual({ status: 'in_review' });
    const path = await readerPathOf(id);
    expect(path).toBe('/oman/corniche-closes-for-the-marathon');
    expect((await call({ url: path })).statusCode).toBe(404);

    await expectCall(
      {
        method: 'PATCH',
        url: `/api/admin/articles/${id}`,
        as: editor,
        body: { revision: 2, headline: 'Corniche closes for Friday marathon' },
      },
      200,
    );
    expect((await move(editor, id, { to: 'published' })).json()).toEqual({ status: 'published' });

    expect(await open(writer, id)).toMatchObject({ status: 'published', revision: 3 });
    const page = await call({ url: path });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Corniche closes for Friday marathon');
    expect(page.body).toContain('Roads shut at dawn on Friday.');
    const home = await call({ url: '/' });
    expect(home.body).toContain('Corniche closes for Friday marathon');
    expect(home.body).toContain(`href="${path}"`);
  });

  it('publishes a scheduled story when the scheduler runs after its time, and not before', async () => {
    const { id } = await draft(editor, 'Budget to be announced at noon', 'Figures at noon.');
    const publishAt = new Date(Date.now() + HOUR);
    const scheduled = await move(editor, id, {
      to: 'scheduled',
      publishAt: publishAt.toISOString(),
    });
    expect(scheduled.json()).toEqual({ status: 'scheduled' });
    const path = await readerPathOf(id);
    const log: string[] = [];
    const scheduler = () =>
      runSchedules({ ...t.app.newsroom, locks: t.app.storage.locks, log: (m) => log.push(m) });

    expect((await scheduler()).published).toEqual([]);
    expect((await call({ url: path })).statusCode).toBe(404);

    // The whole app's clock (scheduler, site, sessions) moves past the time.
    const clock = vi
      .spyOn(t.app.clock, 'now')
      .mockImplementation(() => new Date(publishAt.getTime() + 60_000));
    try {
      expect((await scheduler()).published).toEqual([id]);
      const page = await call({ url: path });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Budget to be announced at noon');
      expect((await call({ url: '/' })).body).toContain('Budget to be announced at noon');
      expect(await open(editor, id)).toMatchObject({ status: 'published' });
    } finally {
      clock.mockRestore();
    }
    expect(log).toEqual([]);
  });

  it('prints a correction at the foot of the article page, under “Corrections and clarifications”', async () => {
    const id = await publishedNow('Central bank holds its rate', 'The rate stays at 4.5 per cent.');
    const text = 'The rate is 4.25 per cent, not 4.5 as first reported.';
    const added = await expectCall(
      {
        method: 'POST',
        url: `/api/admin/articles/${id}/corrections`,
        as: editor,
        body: { kind: 'correction', text },
      },
      201,
    );
    expect(added.json()).toMatchObject({ kind: 'correction', text });
    const page = (await call({ url: await readerPathOf(id) })).body;
    const heading = page.indexOf('Corrections and clarifications');
    expect(heading).toBeGreaterThan(page.indexOf('The rate stays at 4.5 per cent.'));
    // The text also appears earlier, in the page's JSON-LD metadata; the foot is after the body.
    expect(page.indexOf(text, heading)).toBeGreaterThan(heading);
    expect((await open(editor, id)).corrections).toMatchObject([{ kind: 'correction', text }]);
  });

  it('refuses the second of two saves based on the same revision with 409, and keeps both texts', async () => {
    const { id } = await draft(writer, 'Port expansion approved', 'Original text.');
    const first = await call({
      method: 'PATCH',
      url: `/api/admin/articles/${id}`,
      as: editor,
      body: { revision: 1, body: paragraphs('The first editor’s version.') },
    });
    expect(first.json()).toEqual({ revision: 2 });
    const second = await call({
      method: 'PATCH',
      url: `/api/admin/articles/${id}`,
      as: secondEditor,
      body: { revision: 1, body: paragraphs('The second editor’s version.') },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toEqual({
      error: expect.stringMatching(
        /^Someone else saved this article while you were editing/,
      ) as unknown,
      revision: 2,
      conflictRevision: 3,
      conflicts: [expect.objectContaining({ key: 'body.0', field: 'body' }) as unknown],
    });

    const history = await expectCall(
      { url: `/api/admin/articles/${id}/revisions`, as: editor },
      200,
    );
    const { current, revisions } = history.json<{
      current: number;
      revisions: { number: number; kind: string; snapshot: { body: unknown } }[];
    }>();
    expect(current).toBe(2);
    expect(revisions.map((r) => [r.number, r.kind, r.snapshot.body])).toEqual([
      [3, 'conflict', paragraphs('The second editor’s version.')],
      [2, 'save', paragraphs('The first editor’s version.')],
      [1, 'save', paragraphs('Original text.', 'Filed from Muscat.')],
    ]);
    expect((await open(editor, id)).draft.body).toEqual(paragraphs('The first editor’s version.'));
  });

  it('answers 410 Gone for a killed story, and takes it off the home page', async () => {
    const id = await publishedNow('Story the lawyers stopped', 'Text.');
    const path = await readerPathOf(id);
    expect((await call({ url: '/' })).body).toContain('Story the lawyers stopped');
    const killed = await expectCall(
      { method: 'POST', url: `/api/admin/articles/${id}/kill`, as: editor },
      200,
    );
    expect(killed.json()).toEqual({ status: 'killed' });
    expect((await call({ url: path })).statusCode).toBe(410);
    expect((await call({ url: '/' })).body).not.toContain('Story the lawyers stopped');
    expect((await move(editor, id, { to: 'published' })).statusCode).toBe(410);
  });

  it('refuses a browser’s save without its CSRF token with 403, and saves nothing', async () => {
    const { id } = await draft(writer, 'Water main reaches Al Amerat', 'Text.');
    const refused = await call({
      method: 'PATCH',
      url: `/api/admin/articles/${id}`,
      as: writer,
      csrf: null,
      body: { revision: 1, headline: 'Forged by another site' },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual({ error: 'Missing or wrong CSRF token' });
    expect(await open(writer, id)).toMatchObject({
      revision: 1,
      draft: { headline: 'Water main reaches Al Amerat' },
    });
  });

  describe('refuses bad input with a 400 naming the field, and writes nothing', () => {
    const javascriptLink = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: 'click me',
              marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
            },
          ],
        },
      ],
    };
    const cases = [
      {
        problem: 'a missing headline',
        change: { headline: undefined },
        field: 'headline',
        error: /^headline: Required$/,
      },
      {
        problem: 'an empty headline',
        change: { headline: '  ' },
        field: 'headline',
        error: /^headline: must not be empty$/,
      },
      {
        problem: 'a field the article does not have',
        change: { colour: 'red' },
        field: 'colour',
        error: /^colour: is not a field this accepts$/,
      },
      {
        problem: 'a javascript: link in the body',
        change: { body: javascriptLink },
        field: 'body.content[0].content[0].marks[0].attrs.href',
        error: /only http, https, mailto, tel and site-relative links are allowed/,
      },
      {
        problem: 'a section that does not exist',
        change: { sectionId: 999_999 },
        field: 'sectionId',
        error: /^sectionId: there is no section 999999$/,
      },
      {
        problem: 'an author that does not exist',
        change: { bylines: [999_999] },
        field: 'bylines',
        error: /^bylines: there is no author 999999$/,
      },
    ];

    const expectRefusal = (
      response: { statusCode: number; json: () => unknown },
      c: (typeof cases)[number],
    ) => {
      expect(response.statusCode).toBe(400);
      const answer = response.json() as { error: string; field?: string };
      expect(answer.error).toMatch(c.error);
      expect(answer.field).toBe(c.field);
    };

    it.each(cases)('when starting a draft: $problem', async (c) => {
      const before = await articleCount();
      const response = await call({
        method: 'POST',
        url: '/api/admin/articles',
        as: editor,
        body: {
          headline: 'A sound headline',
          sectionId: section.id,
          body: paragraphs('Text.'),
          ...c.change,
        },
      });
      expectRefusal(response, c);
      expect(await articleCount()).toBe(before);
    });

    it.each(cases.filter((c) => c.problem !== 'a missing headline'))(
      'when saving a draft: $problem',
      async (c) => {
        const { id } = await draft(editor, 'A draft to spoil', 'Text.');
        const response = await call({
          method: 'PATCH',
          url: `/api/admin/articles/${id}`,
          as: editor,
          body: { revision: 1, ...c.change },
        });
        expectRefusal(response, c);
        expect(await open(editor, id)).toMatchObject({
          revision: 1,
          draft: { headline: 'A draft to spoil' },
        });
        const history = await call({ url: `/api/admin/articles/${id}/revisions`, as: editor });
        expect(history.json<{ revisions: unknown[] }>().revisions).toHaveLength(1);
      },
    );

    it('answers 400, not a server error, for an article id that is not a number', async () => {
      const correction = await call({
        method: 'POST',
        url: '/api/admin/articles/first/corrections',
        as: editor,
        body: { text: 'A correction.' },
      });
      expect(correction.statusCode).toBe(400);
      expect(correction.json()).toMatchObject({ field: 'id' });
      expect((await call({ url: '/api/admin/articles/first', as: editor })).statusCode).toBe(400);
    });
  });

  describe('the desk around the articles', () => {
    it('shows each person their dashboard: a writer’s drafts, the editors’ review queue', async () => {
      const { id } = await draft(writer, 'Dashboard draft', 'Text.');
      const submitted = await draft(writer, 'Dashboard submission', 'Text.');
      await move(writer, submitted.id, { to: 'in_review' });
      type Dashboard = Record<
        'myDrafts' | 'inReview' | 'scheduled' | 'recentlyPublished',
        { id: number }[]
      > & { alerts: unknown[] };
      const mine = (
        await expectCall({ url: '/api/admin/dashboard', as: writer }, 200)
      ).json<Dashboard>();
      expect(mine.myDrafts.map((a) => a.id)).toContain(id);
      expect(mine.inReview.map((a) => a.id)).toContain(submitted.id);
      const editors = (
        await expectCall({ url: '/api/admin/dashboard', as: editor }, 200)
      ).json<Dashboard>();
      expect(editors.myDrafts.map((a) => a.id)).not.toContain(id);
      expect(editors.inReview.map((a) => a.id)).toContain(submitted.id);
      const contributors = (
        await expectCall({ url: '/api/admin/dashboard', as: contributor }, 200)
      ).json<Dashboard>();
      expect(contributors.inReview.map((a) => a.id)).not.toContain(submitted.id);
    });

    it('lists the sections and the bylines to choose from', async () => {
      const sections = await expectCall({ url: '/api/admin/sections', as: writer }, 200);
      expect(sections.json()).toEqual([
        { id: section.id, slug: 'oman', name: 'Oman', description: '', position: 0, hidden: false },
      ]);
      const authors = await expectCall({ url: '/api/admin/authors', as: writer }, 200);
      expect(authors.json()).toContainEqual(
        expect.objectContaining({ slug: 'amal-al-harthy', name: 'Amal Al Harthy', kind: 'staff' }),
      );
    });

    it('searches the photo library by caption, credit and file name', async () => {
      const harbour = await addPhoto('dhow.jpg', 'Muttrah harbour at dawn', 'Staff');
      const fort = await addPhoto('fort.jpg', 'Nizwa fort', 'Oman News Agency');
      const search = async (words: string) =>
        (
          await expectCall(
            { url: `/api/admin/media?search=${encodeURIComponent(words)}`, as: writer },
            200,
          )
        )
          .json<{ id: number }[]>()
          .map((m) => m.id);
      expect(await search('harbour')).toEqual([harbour.id]);
      expect(await search('AGENCY')).toEqual([fort.id]);
      expect(await search('fort.jpg')).toEqual([fort.id]);
      expect(await search('')).toEqual([fort.id, harbour.id]);
      expect(await search('harbour nizwa')).toEqual([]);
    });

    it('tells each of two editors with the same article open that the other is there', async () => {
      const { id } = await draft(writer, 'Story two editors open', 'Text.');
      const heartbeat = async (as: Browser) =>
        (
          await expectCall({ method: 'POST', url: `/api/admin/articles/${id}/presence`, as }, 200)
        ).json<{ others: { name: string }[] }>().others;
      expect(await heartbeat(editor)).toEqual([]);
      expect(await heartbeat(secondEditor)).toEqual([
        { userId: expect.any(Number) as unknown, name: 'editor' },
      ]);
      expect(await heartbeat(editor)).toEqual([
        { userId: expect.any(Number) as unknown, name: 'second-editor' },
      ]);
      // Not an article the caller may open, not an article at all: no presence to share.
      expect(
        (await call({ method: 'POST', url: `/api/admin/articles/${id}/presence`, as: contributor }))
          .statusCode,
      ).toBe(403);
      expect(
        (await call({ method: 'POST', url: '/api/admin/articles/999999/presence', as: editor }))
          .statusCode,
      ).toBe(404);
    });

    it('previews a draft as readers will see it, never to be indexed or cached', async () => {
      const { id } = await draft(writer, 'Preview of a draft', 'Words not yet published.');
      const preview = await expectCall(
        { url: `/api/admin/articles/${id}/preview`, as: writer },
        200,
      );
      expect(preview.headers['content-type']).toMatch(/^text\/html/);
      expect(preview.headers['x-robots-tag']).toMatch(/\bnoindex\b/);
      expect(preview.headers['cache-control']).toBe('no-store');
      expect(preview.body).toContain('Preview of a draft');
      expect(preview.body).toContain('Words not yet published.');
      expect((await call({ url: await readerPathOf(id) })).statusCode).toBe(404);
      const refused = await call({ url: `/api/admin/articles/${id}/preview`, as: contributor });
      expect(refused.statusCode).toBe(403);
    });
  });
});
