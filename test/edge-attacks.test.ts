/**
 * What the outside attack found at the edge, beyond NUL bytes (nul-bytes.test.ts): bodies
 * that are not JSON objects, unknown fields, and the lockout's missing Retry-After.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storyChangeKeys } from '../src/domain/publication/surrogate-keys.js';
import { registeredEndpoints } from '../src/http/api/define-endpoint.js';
import { contentKeyOf, seedContent, storyIn } from './content-api-world.js';
import { newsroomClient, startNewsroom, type Browser } from './newsroom-client.js';
import { startTestApp, type TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';

const BODY_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
/** Bodies that are JSON but not an object, as sent on the wire. */
const NOT_OBJECTS = ['[]', 'null', '"caption"', '42', '[{"caption":"x"}]'];

describe.each(ENGINES)('the edge on $engine', ({ create }) => {
  let t: TestApp;
  let chief: Browser;
  let seeded: Awaited<ReturnType<typeof seedContent>>;
  const client = newsroomClient(() => t);

  beforeAll(async () => {
    t = await startNewsroom(await create());
    chief = await client.signIn('chief@paper.example');
    seeded = await seedContent(t);
  });
  afterAll(() => t?.close());

  /** The endpoint's URL with its path parameters filled by a real record (or 1). */
  const urlOf = (url: string) =>
    url.replace(':id', String(seeded.ids.harbour)).replace(/:(\w+)/g, '1');

  const send = (method: string, url: string, payload: string) =>
    t.server.inject({
      method: method as 'POST',
      url,
      payload,
      headers: {
        'content-type': 'application/json',
        cookie: chief.cookie,
        'x-csrf-token': chief.csrfToken,
      },
    });

  it('refuses, on every endpoint, a body that is not a JSON object, naming body', async () => {
    const failures: string[] = [];
    const endpoints = registeredEndpoints().filter((e) => BODY_METHODS.has(e.method));
    expect(endpoints.length).toBeGreaterThan(30);
    for (const endpoint of endpoints) {
      for (const payload of NOT_OBJECTS) {
        const response = await send(endpoint.method, urlOf(endpoint.url), payload);
        const answer = `${response.statusCode} ${response.body.slice(0, 200)}`;
        if (response.statusCode !== 400 || response.json<{ field?: string }>().field !== 'body')
          failures.push(`${endpoint.method} ${endpoint.url} with ${payload}: ${answer}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses a field the endpoint does not know instead of ignoring it', async () => {
    const failures: string[] = [];
    const endpoints = registeredEndpoints().filter((e) => BODY_METHODS.has(e.method));
    for (const endpoint of endpoints) {
      const response = await send(endpoint.method, urlOf(endpoint.url), '{"sneaky":"x"}');
      if (response.statusCode < 400 || response.statusCode >= 500)
        failures.push(
          `${endpoint.method} ${endpoint.url}: ${response.statusCode} ${response.body.slice(0, 200)}`,
        );
    }
    expect(failures).toEqual([]);
  });

  it('leaves a photo and the presence list as they were when the body is an array', async () => {
    const photo = await send('PATCH', `/api/admin/media/${seeded.photo.id}`, '[{"alt":"x"}]');
    expect(photo.statusCode).toBe(400);
    expect(photo.json()).toMatchObject({ field: 'body' });
    const presence = await send(
      'POST',
      `/api/admin/articles/${seeded.ids.harbour}/presence`,
      'null',
    );
    expect(presence.json()).toMatchObject({ field: 'body' });
    const unknown = await send('PATCH', `/api/admin/media/${seeded.photo.id}`, '{"captoin":"x"}');
    expect(unknown.json()).toMatchObject({ field: 'captoin' });
  });

  it('tells a locked-out sign-in when to try again, in Retry-After as in the message', async () => {
    const attempt = (password: string) =>
      client.call({
        method: 'POST',
        url: '/api/admin/session',
        body: { email: 'writer@paper.example', password },
      });
    for (let i = 0; i < 5; i++) expect((await attempt(`wrong guess ${i}`)).statusCode).toBe(401);
    const locked = await attempt('correct horse battery staple');
    expect(locked.statusCode).toBe(429);
    const seconds = Number(locked.headers['retry-after']);
    expect(Number.isInteger(seconds)).toBe(true);
    expect(seconds).toBeGreaterThan(14 * 60);
    expect(seconds).toBeLessThanOrEqual(15 * 60);
    expect(locked.json<{ error: string }>().error).toMatch(/Try again in 15 minutes/);
  });

  it('writes line and paragraph separators and markup escaped in the JSON-LD of a story', async () => {
    const headline = 'Ports\u2028reopen </script><script>alert(1)</script> & more\u2029';
    const id = await t.app.storage.stores.articles.create(
      storyIn(seeded.world, 'Separators', { slug: 'separators', headline, standfirst: headline }),
      new Date(),
    );
    expect(id).toBeGreaterThan(0);
    const page = await t.server.inject('/world/separators');
    expect(page.statusCode).toBe(200);
    const blocks = [
      ...page.body.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs),
    ];
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    for (const [, json = ''] of blocks) {
      expect(json).not.toMatch(/[<>\u2028\u2029]/);
      JSON.parse(json);
    }
    const article = blocks.map(([, json = '']) => JSON.parse(json) as { headline?: string });
    expect(article.some((data) => data.headline === headline)).toBe(true);
  });

  it('keeps a tag only unseen stories carry out of every page, feed, sitemap and API answer', async () => {
    const { stores } = t.app.storage;
    const [secret] = await stores.tags.findOrCreate(['Secret merger']);
    const tagIds = [secret!.id];
    const now = new Date();
    const unseen = {
      draft: storyIn(seeded.world, 'Merger draft', { status: 'draft', publishedAt: null, tagIds }),
      embargoed: storyIn(seeded.world, 'Merger embargoed', {
        publishedAt: new Date(Date.now() + 86_400_000),
        tagIds,
      }),
      killed: storyIn(seeded.world, 'Merger killed', { tagIds }),
    };
    await stores.articles.create(unseen.draft, now);
    await stores.articles.create(unseen.embargoed, now);
    const killed = await stores.articles.create(unseen.killed, now);
    await stores.desk.setWorkflow(killed, { killedAt: now });

    const hidden = await tagAnswers(secret!.id, 'secret-merger');
    expect(hidden.statuses).toEqual({ page: 404, feed: 404, bySlug: 404, byId: 404, filter: 400 });
    expect(hidden.listed).toBe(false);
    expect(hidden.inSitemaps).toBe(false);

    // One story readers may see, and the topic is public everywhere.
    const merger = await stores.articles.create(
      storyIn(seeded.world, 'Merger agreed', { tagIds }),
      now,
    );
    // Straight into the store, so announced as the newsroom's publishing would (ADR 0033).
    await stores.events.announce(
      storyChangeKeys({ id: merger, sectionId: seeded.world.id, tagIds, authorIds: [] }),
    );
    const shown = await tagAnswers(secret!.id, 'secret-merger');
    expect(shown.statuses).toEqual({ page: 200, feed: 200, bySlug: 200, byId: 200, filter: 200 });
    expect(shown.listed).toBe(true);
    expect(shown.inSitemaps).toBe(true);
  });

  /** How readers, feed readers, crawlers and apps see a tag. */
  async function tagAnswers(id: number, slug: string) {
    const key = (await contentKeyOf(client, chief, `tags ${id}-${Date.now()}`)).secret;
    const api = (url: string) =>
      t.server.inject({ url, headers: { authorization: `Bearer ${key}` } });
    const statuses = {
      page: (await t.server.inject(`/topic/${slug}`)).statusCode,
      feed: (await t.server.inject(`/topic/${slug}/rss.xml`)).statusCode,
      bySlug: (await api(`/api/content/tags/slug/${slug}`)).statusCode,
      byId: (await api(`/api/content/tags/${id}`)).statusCode,
      filter: (await api(`/api/content/articles?tag=${slug}`)).statusCode,
    };
    const list = await api('/api/content/tags?limit=100');
    const listed = list.json<{ tags: { slug: string }[] }>().tags.some((tag) => tag.slug === slug);
    const index = (await t.server.inject('/sitemap.xml')).body;
    const maps = [...index.matchAll(/<loc>https?:\/\/[^/]+(\/[^<]+)<\/loc>/g)].map((m) => m[1]!);
    let inSitemaps = false;
    for (const path of maps) {
      if ((await t.server.inject(path)).body.includes(`/topic/${slug}`)) inSitemaps = true;
    }
    return { statuses, listed, inSitemaps };
  }
});

describe.each(ENGINES)('links and the Host header on $engine', ({ create }) => {
  /** A paper with one story in World, and PUBLIC_URL as given. */
  async function paper(env: Record<string, string>) {
    const t = await startTestApp(env, await create());
    const { stores } = t.app.storage;
    const world = await stores.sections.create({
      slug: 'world',
      name: 'World',
      description: '',
      position: 1,
    });
    t.app.publication.invalidate();
    const [ports] = await stores.tags.findOrCreate(['Ports']);
    const story = storyIn(world, 'Harbour reopens', { slug: 'harbour', tagIds: [ports!.id] });
    await stores.articles.create(story, new Date());
    return t;
  }
  const READER_URLS = ['/', '/world', '/world/harbour', '/topic/ports', '/rss.xml', '/sitemap.xml'];
  const forged = (t: TestApp, url: string) =>
    t.server.inject({ url, headers: { host: 'evil.example' } });

  it('keeps a page whose links follow a forged Host out of shared caches', async () => {
    const t = await paper({});
    try {
      for (const url of [...READER_URLS, '/robots.txt']) {
        const response = await forged(t, url);
        expect(response.statusCode, url).toBe(200);
        expect(response.body, url).toContain('http://evil.example/');
        const cacheControl = String(response.headers['cache-control']);
        expect(cacheControl, url).toMatch(/^private, max-age=\d+$/);
        expect(response.headers['surrogate-key'], url).toBeUndefined();
      }
    } finally {
      await t.close();
    }
  });

  it('writes PUBLIC_URL whatever the Host says, and lets the CDN keep the page', async () => {
    const t = await paper({ PUBLIC_URL: 'https://news.example' });
    try {
      for (const url of READER_URLS) {
        const response = await forged(t, url);
        expect(response.statusCode, url).toBe(200);
        expect(response.body, url).not.toContain('evil.example');
        expect(response.body, url).toContain('https://news.example/');
        expect(response.headers['cache-control'], url).toMatch(/^public, .*s-maxage=\d+/);
      }
    } finally {
      await t.close();
    }
  });
});
