/**
 * The Content API (/api/content/): keys made and revoked in the newsroom, only what readers
 * may see, filters, fields, ETags, CORS, and cursor pages that stay whole while the paper
 * keeps publishing. On both engines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newsroomClient, startNewsroom, type Browser } from './newsroom-client.js';
import type { TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';
import { contentClient, contentKeyOf, seedContent } from './content-api-world.js';

type Json = Record<string, unknown>;
type ArticleJson = { id: number; [field: string]: unknown };
type ListJson = { articles: ArticleJson[]; next: string | null };

describe.each(ENGINES)('the Content API on $engine', ({ create }) => {
  let t: TestApp;
  let chief: Browser;
  let key: string;
  let seeded: Awaited<ReturnType<typeof seedContent>>;
  const client = newsroomClient(() => t);
  const get = contentClient(() => t);
  const list = async (query = '') => {
    const response = await get(`/api/content/articles${query}`, key);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<ListJson>();
  };

  beforeAll(async () => {
    t = await startNewsroom(await create());
    chief = await client.signIn('chief@paper.example');
    seeded = await seedContent(t);
    key = (await contentKeyOf(client, chief)).secret;
  });

  afterAll(() => t?.close());

  describe('keys', () => {
    it('lets a key made in the newsroom read, by either header, until it is revoked', async () => {
      const made = await contentKeyOf(client, chief, 'Partner: Gulf Wire');
      expect(made.secret).toMatch(/^dlc_[A-Za-z0-9_-]{43}$/);
      expect(made.secret.startsWith(made.key.prefix)).toBe(true);
      expect((await get('/api/content/sections', made.secret)).statusCode).toBe(200);
      expect(
        (await get('/api/content/sections', made.secret, { header: 'x-api-key' })).statusCode,
      ).toBe(200);

      const listed = await client.call({ url: '/api/admin/content-keys', as: chief });
      const keys = listed.json<{ keys: Json[] }>().keys;
      const entry = keys.find((k) => k.id === made.key.id);
      expect(entry).toMatchObject({
        name: 'Partner: Gulf Wire',
        revokedAt: null,
        createdBy: { name: 'chief' },
      });
      expect(entry?.lastUsedAt).toEqual(expect.any(String));
      expect(listed.body).not.toContain(made.secret);

      const revoked = await client.call({
        method: 'DELETE',
        url: `/api/admin/content-keys/${made.key.id}`,
        as: chief,
      });
      expect(revoked.statusCode).toBe(204);
      const refused = await get('/api/content/sections', made.secret);
      expect(refused.statusCode).toBe(401);
      expect(refused.json<Json>().error).toMatch(/revoked/);
      const again = await client.call({
        method: 'DELETE',
        url: `/api/admin/content-keys/${made.key.id}`,
        as: chief,
      });
      expect(again.statusCode).toBe(404);
    });

    it('refuses a request with no key or an unknown one, in JSON a browser app may read', async () => {
      const none = await get('/api/content/articles', undefined);
      expect(none.statusCode).toBe(401);
      expect(none.json<Json>().error).toMatch(/Authorization: Bearer/);
      expect(none.headers['access-control-allow-origin']).toBe('*');
      expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(none.headers['cache-control']).toBe('no-store');
      expect((await get('/api/content/articles', 'dlc_not-a-key')).statusCode).toBe(401);
    });

    it('lets only the editor-in-chief, in person, manage keys', async () => {
      const editor = await client.signIn('editor@paper.example');
      expect((await client.call({ url: '/api/admin/content-keys', as: editor })).statusCode).toBe(
        403,
      );
      const name = await client.call({
        method: 'POST',
        url: '/api/admin/content-keys',
        as: chief,
        body: { name: '  ' },
      });
      expect(name.statusCode).toBe(400);
      expect(name.json<Json>().field).toBe('name');
    });
  });

  describe('articles', () => {
    it('lists only published, visible, unkilled stories, newest first', async () => {
      const { ids } = seeded;
      const page = await list();
      expect(page.articles.map((a) => a.id)).toEqual([ids.summit, ids.derby, ids.harbour]);
      expect(page.next).toBeNull();
      for (const hidden of [ids.draft, ids.embargoed, ids.unpublished, ids.killed]) {
        expect((await get(`/api/content/articles/${hidden}`, key)).statusCode).toBe(404);
      }
      expect((await get('/api/content/articles/slug/killed-story', key)).statusCode).toBe(404);
      expect((await get('/api/content/articles/slug/embargoed-results', key)).statusCode).toBe(404);
    });

    it('shows an article whole: canonical URL, body as HTML and as a document, photo variants', async () => {
      const response = await get(`/api/content/articles/${seeded.ids.harbour}`, key);
      expect(response.statusCode).toBe(200);
      const { article } = response.json<{ article: Json }>();
      expect(Object.keys(article)).toEqual([
        'id',
        'slug',
        'url',
        'headline',
        'standfirst',
        'dateline',
        'bodyHtml',
        'body',
        'leadPhoto',
        'section',
        'tags',
        'authors',
        'publishedAt',
        'updatedAt',
        'corrections',
        'signOff',
      ]);
      expect(article).toMatchObject({
        url: 'https://news.example/world/harbour-reopens',
        headline: 'Harbour reopens',
        dateline: 'Muscat',
        signOff: 'Agencies',
        section: { slug: 'world', url: 'https://news.example/world' },
        tags: [{ slug: 'ports', url: 'https://news.example/topic/ports' }],
        authors: [{ slug: 'amal-reporter', url: 'https://news.example/author/amal-reporter' }],
        corrections: [{ kind: 'correction', text: 'The harbour reopened on Tuesday, not Monday.' }],
      });
      expect(article.publishedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      const html = article.bodyHtml as string;
      expect(html).toContain('<p>Harbour reopens: the story.</p>');
      expect(html).toContain('src="https://news.example/media/ab/abcdef/original-800.jpg"');
      expect(html).toContain('<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"');
      expect(html).not.toContain('<iframe');
      expect(JSON.stringify(article.body)).toContain('"src":"https://news.example/media/');
      const photo = article.leadPhoto as {
        crops: Record<string, { srcset: Record<string, string> }>;
        src: string;
        alt: string;
      };
      expect(photo.alt).toBe('Ships at anchor');
      expect(Object.keys(photo.crops)).toEqual(['original', '16x9', '4x3', '1x1']);
      expect(photo.crops['16x9']?.srcset.avif).toMatch(
        /^https:\/\/news\.example\/media\/\S+\.avif 320w, /,
      );
      expect(photo.crops.original?.srcset.jpeg).toContain('.jpg 2400w');
      expect(photo.src).toMatch(/-800\.jpg$/);
    });

    it('finds an article by slug, and gives only the fields asked for', async () => {
      const response = await get(
        '/api/content/articles/slug/summit-opens?fields=headline,id,url',
        key,
      );
      expect(response.json()).toEqual({
        article: {
          id: seeded.ids.summit,
          url: 'https://news.example/world/summit-opens',
          headline: 'Summit opens',
        },
      });
      const page = await list('?fields=id');
      expect(page.articles).toEqual([
        { id: seeded.ids.summit },
        { id: seeded.ids.derby },
        { id: seeded.ids.harbour },
      ]);
    });

    it('filters by section, tag, author and time', async () => {
      const { ids } = seeded;
      const idsOf = async (query: string) =>
        (await list(`${query}&fields=id`)).articles.map((a) => a.id);
      expect(await idsOf('?section=sport')).toEqual([ids.derby]);
      expect(await idsOf('?tag=ports')).toEqual([ids.harbour]);
      expect(await idsOf('?author=amal-reporter')).toEqual([ids.summit, ids.harbour]);
      const twoAndAHalfHoursAgo = new Date(Date.now() - 2.5 * 3_600_000).toISOString();
      expect(await idsOf(`?since=${twoAndAHalfHoursAgo}`)).toEqual([ids.summit, ids.derby]);
      expect(await idsOf(`?until=${twoAndAHalfHoursAgo}`)).toEqual([ids.harbour]);
      expect(await idsOf('?section=world&author=amal-reporter&limit=1')).toEqual([ids.summit]);
    });

    it.each([
      ['?fields=id,nope', 'fields', /"nope" is not a field/],
      ['?section=gardening', 'section', /no section with the slug "gardening"/],
      ['?tag=nothing', 'tag', /no tag/],
      ['?limit=0', 'limit', /limit/],
      ['?limit=101', 'limit', /limit/],
      ['?since=yesterday', 'since', /ISO 8601/],
      ['?cursor=bm90LWEtY3Vyc29y', 'cursor', /not a cursor/],
      ['?sectoin=world', 'sectoin', /not a field this accepts/],
    ])('refuses %s with a 400 naming the parameter', async (query, field, message) => {
      const response = await get(`/api/content/articles${query}`, key, {
        headers: { accept: 'text/html,application/json' },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json<Json>()).toMatchObject({ field });
      expect(response.json<Json>().error).toMatch(message);
    });
  });

  describe('caching', () => {
    it('tags answers with an ETag and answers a current copy with 304 and no body', async () => {
      const first = await get(`/api/content/articles/${seeded.ids.summit}`, key);
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^W\/"[\w-]+"$/);
      expect(first.headers['cache-control']).toMatch(/public, max-age=0, s-maxage=60/);
      expect(first.headers.vary).toMatch(/Authorization, X-Api-Key/);
      expect(first.headers['surrogate-key']).toContain(`article-${seeded.ids.summit}`);
      const second = await get(`/api/content/articles/${seeded.ids.summit}`, key, {
        headers: { 'if-none-match': `"other", ${etag}` },
      });
      expect(second.statusCode).toBe(304);
      expect(second.body).toBe('');
      expect(second.headers.etag).toBe(etag);
      const stale = await get(`/api/content/articles/${seeded.ids.summit}`, key, {
        headers: { 'if-none-match': 'W/"old"' },
      });
      expect(stale.statusCode).toBe(200);
      const lists = await get('/api/content/articles', key);
      expect(lists.headers['surrogate-key']).toMatch(/\bfeeds\b/);
    });

    it('answers a browser’s preflight from any origin, allowing the key headers', async () => {
      const response = await get('/api/content/articles', undefined, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://app.example',
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization',
        },
      });
      expect(response.statusCode).toBe(204);
      expect(response.headers['access-control-allow-origin']).toBe('*');
      expect(response.headers['access-control-allow-headers']).toMatch(/Authorization, X-Api-Key/);
      expect(response.headers['access-control-allow-methods']).toContain('GET');
      const read = await get('/api/content/articles', key, {
        headers: { origin: 'https://app.example' },
      });
      expect(read.headers['access-control-allow-origin']).toBe('*');
      expect(read.headers['access-control-expose-headers']).toContain('ETag');
    });
  });

  describe('sections, tags, authors and the publication', () => {
    it('lists and finds them by id and slug', async () => {
      const sections = (await get('/api/content/sections', key)).json<{ sections: Json[] }>()
        .sections;
      expect(sections.map((s) => s.slug)).toEqual(['world', 'sport']);
      const sport = await get(`/api/content/sections/${seeded.sport.id}`, key);
      expect(sport.json()).toMatchObject({
        section: { slug: 'sport', url: 'https://news.example/sport' },
      });
      expect((await get('/api/content/sections/slug/world', key)).statusCode).toBe(200);
      expect((await get('/api/content/sections/slug/nowhere', key)).statusCode).toBe(404);

      const tags = await get('/api/content/tags?limit=1', key);
      const first = tags.json<{ tags: Json[]; next: string }>();
      expect(first.tags.map((tag) => tag.slug)).toEqual(['football']);
      const second = (await get(`/api/content/tags?limit=1&cursor=${first.next}`, key)).json<{
        tags: Json[];
        next: null;
      }>();
      expect(second).toMatchObject({ tags: [{ slug: 'ports' }], next: null });
      expect((await get(`/api/content/tags/${seeded.ports.id}`, key)).json()).toMatchObject({
        tag: { name: 'Ports' },
      });
      expect((await get('/api/content/tags/slug/football', key)).statusCode).toBe(200);

      const authors = (await get('/api/content/authors', key)).json<{ authors: Json[] }>().authors;
      expect(authors).toEqual([
        expect.objectContaining({ slug: 'amal-reporter', kind: 'staff', bio: 'Covers the Gulf.' }),
      ]);
      expect((await get(`/api/content/authors/${seeded.reporter.id}`, key)).statusCode).toBe(200);
      expect((await get('/api/content/authors/slug/nobody', key)).statusCode).toBe(404);
      expect((await get('/api/content/nothing-here', key)).json<Json>().error).toMatch(
        /no such resource/,
      );
    });

    it('shows the publication’s public settings and nothing internal', async () => {
      const { settings } = (await get('/api/content/settings', key)).json<{ settings: Json }>();
      expect(Object.keys(settings).sort()).toEqual(
        [
          'breaking',
          'country',
          'editorInChief',
          'locale',
          'name',
          'tagline',
          'timezone',
          'url',
        ].sort(),
      );
      expect(settings.url).toBe('https://news.example/');
      expect(settings.breaking).toBeNull();
    });
  });
});
