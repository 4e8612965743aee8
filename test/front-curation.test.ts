/**
 * The fronts as the editors arrange them — the home page and each section's — and what readers
 * then see: the lead once, the chosen order, a preview that changes nothing until it is saved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleDesk } from './article-desk.js';
import { newsroomClient, startNewsroom, type Browser } from './newsroom-client.js';
import type { TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';

interface Story {
  id: number;
  path: string;
}

/** How many times the page links to this address. */
const linksTo = (html: string, path: string) => html.split(`href="${path}"`).length - 1;

/** The headline of the page's lead story. */
const leadOf = (html: string) => /<h2 id="lead-headline"><a href="([^"]+)">/.exec(html)?.[1];

describe.each(ENGINES)('the fronts as editors arrange them on $engine', ({ create }) => {
  let t: TestApp;
  const client = newsroomClient(() => t);
  const { call, signIn } = client;
  let editor: Browser;
  let writer: Browser;
  let filingIn = { id: 0, slug: '' };
  const { expectCall, publishedNow, readerPathOf } = articleDesk(
    () => t,
    client,
    () => filingIn,
    () => editor,
  );
  let world = { id: 0, slug: '' };
  let sport = { id: 0, slug: '' };
  const stories: Record<string, Story> = {};

  const publishIn = async (section: typeof world, headline: string) => {
    filingIn = section;
    const id = await publishedNow(headline, `${headline}, in a paragraph.`);
    stories[headline] = { id, path: await readerPathOf(id) };
    return stories[headline];
  };
  const story = (headline: string) => stories[headline]!;
  const reader = async (path: string) => (await call({ url: path })).body;
  const putFront = (url: string, body: object, as = editor) =>
    call({ method: 'PUT', url, as, body });

  beforeAll(async () => {
    t = await startNewsroom(await create());
    editor = await signIn('editor@paper.example');
    writer = await signIn('writer@paper.example');
    const add = async (name: string) =>
      (
        await expectCall(
          { method: 'POST', url: '/api/admin/sections', as: editor, body: { name } },
          201,
        )
      ).json<{ id: number; slug: string }>();
    world = await add('World');
    sport = await add('Sport');
    for (const headline of ['World one', 'World two', 'World three'])
      await publishIn(world, headline);
    for (const headline of ['Sport one', 'Sport two']) await publishIn(sport, headline);
  });

  afterAll(() => t?.close());

  it('shows a hand-picked lead that is also the newest story once, and no story twice', async () => {
    const newest = story('Sport two');
    await expectCall(
      {
        method: 'PUT',
        url: '/api/admin/homepage',
        as: editor,
        body: { lead: newest.id, top: [story('World one').id] },
      },
      200,
    );
    const home = await reader('/');
    expect(leadOf(home)).toBe(newest.path);
    for (const { path } of Object.values(stories)) expect(linksTo(home, path), path).toBe(1);
    expect(home.indexOf(story('World one').path)).toBeLessThan(
      home.indexOf(story('World three').path),
    );
  });

  it('puts a section editor’s lead and top stories first on the section front', async () => {
    const url = `/api/admin/sections/${world.id}/front`;
    const choice = { lead: story('World one').id, top: [story('World two').id] };
    expect((await call({ url, as: editor })).json()).toEqual({ lead: null, top: [] });
    await expectCall({ method: 'PUT', url, as: editor, body: choice }, 200);
    expect((await call({ url, as: editor })).json()).toEqual(choice);
    const front = await reader(`/${world.slug}`);
    expect(leadOf(front)).toBe(story('World one').path);
    expect(front.indexOf(story('World two').path)).toBeLessThan(
      front.indexOf(story('World three').path),
    );
    for (const headline of ['World one', 'World two', 'World three'])
      expect(linksTo(front, story(headline).path), headline).toBe(1);
    // The other section's front keeps its newest-first order.
    const sportFront = await reader(`/${sport.slug}`);
    expect(leadOf(sportFront)).toBeUndefined();
    expect(sportFront.indexOf(story('Sport two').path)).toBeLessThan(
      sportFront.indexOf(story('Sport one').path),
    );
  });

  it('refuses a story from another section on a section front, naming the field', async () => {
    const url = `/api/admin/sections/${world.id}/front`;
    const foreignTop = await putFront(url, { lead: null, top: [story('Sport one').id] });
    expect(foreignTop.statusCode).toBe(400);
    expect(foreignTop.json()).toMatchObject({ field: 'top' });
    const foreignLead = await putFront(url, { lead: story('Sport one').id, top: [] });
    expect(foreignLead.json()).toMatchObject({ field: 'lead' });
    const missing = await putFront('/api/admin/sections/9999/front', { lead: null, top: [] });
    expect(missing.statusCode).toBe(404);
    expect(leadOf(await reader(`/${world.slug}`))).toBe(story('World one').path);
  });

  it('lets editors, not writers, arrange a section front', async () => {
    const url = `/api/admin/sections/${sport.id}/front`;
    expect((await putFront(url, { lead: null, top: [] }, writer)).statusCode).toBe(403);
    expect((await call({ url, as: writer })).statusCode).toBe(403);
  });

  it('previews an unsaved choice as readers would see it, and readers see no change', async () => {
    const before = await reader('/');
    const lead = story('World three');
    const preview = await call({
      url: `/api/admin/homepage/preview?lead=${lead.id}&top=${story('Sport one').id}`,
      as: editor,
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.headers['x-robots-tag']).toContain('noindex');
    expect(preview.headers['cache-control']).toBe('no-store');
    expect(leadOf(preview.body)).toBe(lead.path);
    expect(linksTo(preview.body, lead.path)).toBe(1);
    expect(await reader('/')).toBe(before);
    const section = await call({
      url: `/api/admin/sections/${world.id}/front/preview?lead=${story('World three').id}`,
      as: editor,
    });
    expect(leadOf(section.body)).toBe(story('World three').path);
    expect(leadOf(await reader(`/${world.slug}`))).toBe(story('World one').path);
    const foreign = await call({
      url: `/api/admin/sections/${world.id}/front/preview?top=${story('Sport one').id}`,
      as: editor,
    });
    expect(foreign.json()).toMatchObject({ field: 'top' });
    const byWriter = await call({ url: '/api/admin/homepage/preview', as: writer });
    expect(byWriter.statusCode).toBe(403);
  });

  it('pages through a curated section front without repeating or skipping a story', async () => {
    const chief = await signIn('chief@paper.example');
    const settings = (await call({ url: '/api/admin/settings', as: chief })).json<object>();
    const perPage = { method: 'PUT' as const, url: '/api/admin/settings', as: chief };
    await expectCall({ ...perPage, body: { ...settings, articlesPerPage: 5 } }, 200);
    for (const n of [4, 5, 6, 7, 8]) await publishIn(world, `World ${n}`);
    const headlines = Object.keys(stories).filter((h) => h.startsWith('World'));
    const pages = [await reader(`/${world.slug}`), await reader(`/${world.slug}?page=2`)];
    expect(leadOf(pages[0]!)).toBe(story('World one').path);
    for (const headline of headlines) {
      const seen = pages.map((html) => linksTo(html, story(headline).path));
      expect(
        seen.reduce((a, b) => a + b),
        headline,
      ).toBe(1);
    }
    expect((await call({ url: `/${world.slug}?page=3` })).statusCode).toBe(404);
  });
});
