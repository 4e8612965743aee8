/**
 * The sections as the newsroom keeps them through the API, and what readers then see: the
 * navigation's order, hidden sections, old addresses sent on after a rename.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleDesk } from './article-desk.js';
import { newsroomClient, startNewsroom, type Browser } from './newsroom-client.js';
import type { TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';

interface SectionView {
  id: number;
  slug: string;
  name: string;
  hidden: boolean;
  position: number;
}

/** The section links of the reader's navigation, in order. */
const navigationOf = (html: string) =>
  [
    ...(/<nav[^>]*class="sections"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '').matchAll(
      /href="\/([a-z0-9-]+)"/g,
    ),
  ]
    .map((m) => m[1])
    // The latest news leads the navigation; it is not a section.
    .filter((slug) => slug !== 'latest');

describe.each(ENGINES)('sections in the newsroom on $engine', ({ create }) => {
  let t: TestApp;
  const client = newsroomClient(() => t);
  const { call, signIn } = client;
  let chief: Browser;
  let editor: Browser;
  let writer: Browser;
  let filingIn = { id: 0, slug: '' };
  const { expectCall, draft, publishedNow } = articleDesk(
    () => t,
    client,
    () => filingIn,
    () => editor,
  );

  const add = async (body: object, as = editor) =>
    (
      await expectCall({ method: 'POST', url: '/api/admin/sections', as, body }, 201)
    ).json<SectionView>();
  const change = (id: number, body: object, as = editor) =>
    call({ method: 'PATCH', url: `/api/admin/sections/${id}`, as, body });
  const listed = async () =>
    (await expectCall({ url: '/api/admin/sections', as: writer }, 200)).json<SectionView[]>();
  const readerNavigation = async () => navigationOf((await call({ url: '/' })).body);

  beforeAll(async () => {
    t = await startNewsroom(await create());
    chief = await signIn('chief@paper.example');
    editor = await signIn('editor@paper.example');
    writer = await signIn('writer@paper.example');
  });

  afterAll(() => t?.close());

  it('adds sections at the end of the navigation, where readers see them at once', async () => {
    const world = await add({ name: 'World' }, chief);
    const sport = await add({ name: 'Sport', slug: 'sports', description: 'Games' });
    expect(world).toMatchObject({ slug: 'world', hidden: false });
    expect(sport).toMatchObject({ slug: 'sports', name: 'Sport' });
    expect(await readerNavigation()).toEqual(['world', 'sports']);
  });

  it('reorders the navigation, and the reader’s home page follows at once', async () => {
    const [world, sport] = await listed();
    const reordered = await expectCall(
      {
        method: 'PUT',
        url: '/api/admin/sections/order',
        as: editor,
        body: { ids: [sport!.id, world!.id] },
      },
      200,
    );
    expect(reordered.json<SectionView[]>().map((s) => s.slug)).toEqual(['sports', 'world']);
    expect(await readerNavigation()).toEqual(['sports', 'world']);
    const partial = await call({
      method: 'PUT',
      url: '/api/admin/sections/order',
      as: editor,
      body: { ids: [world!.id] },
    });
    expect(partial.statusCode).toBe(400);
    expect(partial.json()).toMatchObject({ field: 'ids' });
  });

  it('sends a renamed section’s old front, feeds and stories on to the new address, also after a second rename', async () => {
    const world = (await listed()).find((s) => s.slug === 'world')!;
    filingIn = world;
    await publishedNow('Talks resume in Geneva', 'Delegates met on Monday.');
    const story = { slug: 'talks-resume-in-geneva' };
    const renamed = await change(world.id, { name: 'The World', slug: 'international' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'The World', slug: 'international' });
    expect((await change(world.id, { slug: 'global' })).statusCode).toBe(200);

    for (const old of ['world', 'international']) {
      const front = await call({ url: `/${old}?page=1` });
      expect(front.statusCode).toBe(301);
      expect(front.headers.location).toBe('/global?page=1');
      const feed = await call({ url: `/${old}/rss.xml` });
      expect(feed.statusCode).toBe(301);
      expect(feed.headers.location).toBe('/global/rss.xml');
      const article = await call({ url: `/${old}/${story.slug}` });
      expect(article.statusCode).toBe(301);
      expect(article.headers.location).toBe(`/global/${story.slug}`);
    }
    expect((await call({ url: '/global' })).statusCode).toBe(200);
    expect((await call({ url: `/global/${story.slug}` })).statusCode).toBe(200);
    expect(await readerNavigation()).toEqual(['sports', 'global']);
  });

  it('hides a section from the navigation and the home page, its front and stories still reachable', async () => {
    const sport = (await listed()).find((s) => s.slug === 'sports')!;
    const hidden = await change(sport.id, { hidden: true });
    expect(hidden.json()).toMatchObject({ hidden: true });
    expect(await readerNavigation()).toEqual(['global']);
    expect((await call({ url: '/sports' })).statusCode).toBe(200);
    expect((await listed()).find((s) => s.id === sport.id)).toMatchObject({ hidden: true });
    await change(sport.id, { hidden: false });
    expect(await readerNavigation()).toEqual(['sports', 'global']);
  });

  it('lets a new section take a retired slug, whose old links then lead to it', async () => {
    const arts = await add({ name: 'Arts', slug: 'international' });
    expect((await call({ url: '/international' })).statusCode).toBe(200);
    expect((await call({ url: '/world' })).headers.location).toBe('/global');
    await expectCall({ method: 'DELETE', url: `/api/admin/sections/${arts.id}`, as: editor }, 204);
    expect((await call({ url: '/international' })).statusCode).toBe(404);
  });

  it('refuses to delete a section that still has stories, saying how many', async () => {
    const global = (await listed()).find((s) => s.slug === 'global')!;
    await draft(writer, 'A second story', 'Still a draft.');
    const refused = await call({
      method: 'DELETE',
      url: `/api/admin/sections/${global.id}`,
      as: chief,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toEqual({
      error: 'The World has 2 stories; move them first',
      stories: 2,
    });
    expect((await listed()).some((s) => s.id === global.id)).toBe(true);
  });

  it('refuses, as a conflict, a delete that finds a story filed after the section was counted empty', async () => {
    const global = (await listed()).find((s) => s.slug === 'global')!;
    const removal = t.app.storage.transaction((stores) => stores.sections.remove(global.id));
    await expect(removal).rejects.toMatchObject({ kind: 'conflict' });
    expect((await listed()).some((s) => s.id === global.id)).toBe(true);
  });

  it('deletes an empty section, and its old addresses go with it', async () => {
    const empty = await add({ name: 'Opinion' });
    await change(empty.id, { slug: 'views' });
    await expectCall({ method: 'DELETE', url: `/api/admin/sections/${empty.id}`, as: editor }, 204);
    expect((await listed()).some((s) => s.id === empty.id)).toBe(false);
    expect((await call({ url: '/opinion' })).statusCode).toBe(404);
    expect((await call({ url: '/views' })).statusCode).toBe(404);
    expect(
      (await call({ method: 'DELETE', url: `/api/admin/sections/${empty.id}`, as: editor }))
        .statusCode,
    ).toBe(404);
  });

  it('refuses a slug that is not lower-case, is taken, or is one of the site’s own addresses, naming the field', async () => {
    const [first, second] = await listed();
    const cases: [object, string][] = [
      [{ slug: 'World' }, 'slug'],
      [{ slug: 'two  words' }, 'slug'],
      [{ slug: second!.slug }, 'slug'],
      [{ slug: 'search' }, 'slug'],
      [{ slug: 'admin' }, 'slug'],
      [{ name: '' }, 'name'],
      [{ hidden: 'yes' }, 'hidden'],
      [{ colour: 'red' }, 'colour'],
    ];
    for (const [body, field] of cases) {
      const response = await change(first!.id, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json<{ field: string }>().field, JSON.stringify(body)).toBe(field);
    }
    const taken = await call({
      method: 'POST',
      url: '/api/admin/sections',
      as: editor,
      body: { name: 'Sports' },
    });
    expect(taken.statusCode).toBe(400);
    expect(taken.json()).toMatchObject({ field: 'name' });
    const nothing = await change(first!.id, {});
    expect(nothing.statusCode).toBe(200);
    expect(nothing.json()).toMatchObject({ id: first!.id, slug: first!.slug });
    const missing = await change(999_999, { name: 'Nowhere' });
    expect(missing.statusCode).toBe(404);
  });

  it('lets only editors and the editor-in-chief change sections', async () => {
    const [first] = await listed();
    expect((await change(first!.id, { name: 'Mine' }, writer)).statusCode).toBe(403);
    expect(
      (await call({ method: 'DELETE', url: `/api/admin/sections/${first!.id}`, as: writer }))
        .statusCode,
    ).toBe(403);
  });
});
