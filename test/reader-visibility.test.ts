/**
 * One reader-visibility rule on every reader surface: stories in every state of their life, and
 * each surface (home, section, topic and author pages, search, article pages, feeds, sitemaps,
 * the Content API's lists and items) shows exactly the ones readers may see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../src/services/ports.js';
import { businessDesk } from './business-desk.js';
import { contentClient, contentKeyOf } from './content-api-world.js';
import type { Browser } from './newsroom-client.js';
import type { TestApp } from './test-app.js';
import { expectStoryCopiesInStep } from './story-copies.js';
import { ENGINES } from './test-databases.js';

const HOUR = 3600_000;
const START = new Date('2026-11-30T08:00:00Z');
const STATES = [
  'draft',
  'review',
  'scheduled',
  'published',
  'embargoed',
  'unpublished',
  'expired',
  'killed',
] as const;
type State = (typeof STATES)[number];
/** Each story's headline, and so its slug, names its state: "Quarry story published". */
const headlineOf = (state: State) => `Quarry story ${state}`;
const slugOf = (state: State) => `quarry-story-${state}`;

/** The states whose story a text names, by slug or by headline. */
const statesIn = (text: string) =>
  STATES.filter((state) => text.includes(slugOf(state)) || text.includes(headlineOf(state)));

describe.each(ENGINES)('what readers may see, on $engine', ({ create }) => {
  let now = START;
  const clock: Clock = { now: () => now };
  const { client, desk, app, chief: editor, ...newsroom } = businessDesk();
  let t: TestApp;
  let chief: Browser;
  let key = '';
  /** The chief's author page: her profile was made with her account. */
  let authorPage = '';
  const ids = new Map<State, number>();
  const { call } = client;
  const content = contentClient(app);
  const get = async (url: string) => (await call({ url })).body;

  /** A story of the chief's in `state`, tagged "Quarries". */
  async function storyIn(state: State) {
    const { id, revision } = await desk.draft(chief, headlineOf(state), 'The quarry reopened.');
    ids.set(state, id);
    const body = { revision, tags: ['Quarries'] };
    await desk.expectCall(
      { method: 'PATCH', url: `/api/admin/articles/${id}`, as: chief, body },
      200,
    );
    const to = (request: object) => desk.move(chief, id, request);
    if (state === 'review') await to({ to: 'in_review' });
    if (state === 'scheduled')
      await to({ to: 'scheduled', publishAt: new Date(now.getTime() + 48 * HOUR).toISOString() });
    if (['published', 'embargoed', 'unpublished', 'killed'].includes(state))
      await to({ to: 'published' });
    if (state === 'expired')
      await to({ to: 'published', unpublishAt: new Date(now.getTime() + HOUR).toISOString() });
    if (state === 'unpublished') await to({ to: 'unpublished' });
    if (state === 'killed')
      await desk.expectCall(
        { method: 'POST', url: `/api/admin/articles/${id}/kill`, as: chief },
        200,
      );
    if (state === 'embargoed')
      // A story imported as published with a release time still ahead (an agency's embargo).
      await t.app.storage.kysely
        .updateTable('articles')
        .set({ published_at: new Date(now.getTime() + 24 * HOUR).toISOString() })
        .where('id', '=', id)
        .execute();
  }

  beforeAll(async () => {
    t = await newsroom.open(await create(), clock, { PUBLIC_URL: 'https://news.example' });
    chief = editor();
    const authors = await desk.expectCall({ url: '/api/admin/authors', as: chief }, 200);
    authorPage = `/author/${authors.json<{ slug: string }[]>()[0]?.slug}`;
    for (const state of STATES) await storyIn(state);
    key = (await contentKeyOf(client, chief)).secret;
    // Two hours on, with no scheduler run: the expired story is past its time to come down.
    now = new Date(now.getTime() + 2 * HOUR);
  });

  afterAll(() => newsroom.close());

  it.each([
    ['the home page', '/'],
    ['the section front', '/business'],
    ['the topic page', '/topic/quarries'],
    ['search', '/search?q=quarry'],
    ['the RSS feed', '/rss.xml'],
    ['the Atom feed', '/atom.xml'],
    ['the JSON Feed', '/feed.json'],
    ['the section’s RSS feed', '/business/rss.xml'],
    ['the topic’s feed', '/topic/quarries/rss.xml'],
    ['the news sitemap', '/news-sitemap.xml'],
    ['the month’s sitemap', '/sitemaps/articles-2026-11.xml'],
  ])('%s lists only the published story', async (_, path) => {
    expect(statesIn(await get(path))).toEqual(['published']);
  });

  it('the author page lists only the published story', async () => {
    expect(statesIn(await get(authorPage))).toEqual(['published']);
    expect(statesIn(await get(`${authorPage}/rss.xml`))).toEqual(['published']);
  });

  it('opens only the published story’s page: the others are not found, the killed one gone', async () => {
    const statuses = new Map<State, number>();
    for (const state of STATES)
      statuses.set(state, (await call({ url: `/business/${slugOf(state)}` })).statusCode);
    expect(Object.fromEntries(statuses)).toEqual({
      draft: 404,
      review: 404,
      scheduled: 404,
      published: 200,
      embargoed: 404,
      unpublished: 404,
      expired: 404,
      killed: 410,
    });
  });

  it('gives Content API clients only the published story, in lists and one by one', async () => {
    const list = await content('/api/content/articles', key);
    expect(list.statusCode).toBe(200);
    expect(statesIn(list.body)).toEqual(['published']);
    const found: State[] = [];
    for (const state of STATES) {
      const item = await content(`/api/content/articles/${ids.get(state)}`, key);
      if (item.statusCode === 200) found.push(state);
      else expect(item.statusCode).toBe(404);
    }
    expect(found).toEqual(['published']);
  });

  it('counts only the published story toward the sitemaps of topics and authors', async () => {
    expect(await get('/sitemaps/tags.xml')).toContain('/topic/quarries');
    expect(await get('/sitemaps/authors.xml')).toContain(authorPage);
  });

  it('keeps each link’s copy of its story’s visibility, and the months, in step with every move', async () => {
    await expectStoryCopiesInStep(t.app.storage.kysely);
    // Tags changed after the story went out take its state with them.
    const published = ids.get('published') as number;
    const { revision } = (
      await desk.expectCall({ url: `/api/admin/articles/${published}`, as: chief }, 200)
    ).json<{ revision: number }>();
    await desk.expectCall(
      {
        method: 'PATCH',
        url: `/api/admin/articles/${published}`,
        as: chief,
        body: { revision, tags: ['Quarries', 'Harbours'] },
      },
      200,
    );
    await expectStoryCopiesInStep(t.app.storage.kysely);
    // A live story's change waits for an editor to publish it (ADR 0016).
    await desk.move(chief, published, { to: 'published' });
    expect(await get('/topic/harbours')).toContain(slugOf('published'));
  });
});
