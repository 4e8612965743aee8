/**
 * Content API reads kept in the page cache (ADR 0044): a second identical read comes from
 * memory, yet every read still shows a valid key and is counted against its allowance; a
 * story's change drops exactly the answers that show it. On both engines.
 */
import { brotliDecompressSync } from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleDraftSchema } from '../src/domain/article/article-draft.js';
import type { Actor } from '../src/domain/roles/role.js';
import { createArticle } from '../src/services/articles/create-article.js';
import { saveArticle } from '../src/services/articles/save-article.js';
import { transitionArticle } from '../src/services/articles/transition-article.js';
import { editAuthorProfile } from '../src/services/authors/edit-author-profile.js';
import { paragraphs } from './article-desk.js';
import { contentClient, contentKeyOf, seedContent } from './content-api-world.js';
import { newsroomClient, startNewsroom, type Browser } from './newsroom-client.js';
import { addStaffMember } from './staff-fixtures.js';
import type { TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';

interface Read {
  response: LightMyRequestResponse;
  /** Whether the page cache answered it. */
  hit: boolean;
}

type ListJson = { articles: { id: number; headline?: string }[] };

describe.each(ENGINES)('Content API reads kept in memory on $engine', ({ create }) => {
  let t: TestApp;
  let chief: Browser;
  let editor: Actor;
  let key: string;
  let seeded: Awaited<ReturnType<typeof seedContent>>;
  const client = newsroomClient(() => t);
  const get = contentClient(() => t);

  const read = async (
    url: string,
    secret: string | undefined = key,
    headers: Record<string, string> = {},
    method: 'GET' | 'HEAD' = 'GET',
  ): Promise<Read> => {
    const before = t.app.pages.cache.stats().hits;
    const response =
      method === 'GET'
        ? await get(url, secret, { headers })
        : await t.server.inject({
            method,
            url,
            headers: { ...(secret && { authorization: `Bearer ${secret}` }), ...headers },
          });
    return { response, hit: t.app.pages.cache.stats().hits > before };
  };

  const publish = async (headline: string, sectionId: number) => {
    const draft = articleDraftSchema.parse({ headline, sectionId, body: paragraphs(headline) });
    const { id } = await createArticle(t.app.newsroom, editor, draft);
    await transitionArticle(t.app.newsroom, editor, id, { to: 'published' });
    return id;
  };

  beforeAll(async () => {
    t = await startNewsroom(await create());
    chief = await client.signIn('chief@paper.example');
    seeded = await seedContent(t);
    key = (await contentKeyOf(client, chief)).secret;
    editor = await addStaffMember(t.app.storage, 'editor', 'cache-desk@paper.example');
  });

  afterAll(() => t?.close());

  it('answers a second identical read from memory, counted under its route', async () => {
    const url = '/api/content/articles?limit=2&fields=id,headline';
    const first = await read(url);
    expect(first.response.statusCode).toBe(200);
    expect(first.hit).toBe(false);
    const second = await read('/api/content/articles?fields=id,headline&limit=2');
    expect(second.hit).toBe(true);
    expect(second.response.body).toBe(first.response.body);
    for (const name of ['etag', 'cache-control', 'surrogate-key', 'vary', 'content-type'])
      expect(second.response.headers[name]).toBe(first.response.headers[name]);
    expect(second.response.headers['access-control-allow-origin']).toBe('*');
    expect(second.response.headers['x-request-id']).not.toBe(
      first.response.headers['x-request-id'],
    );
    const metrics = await t.app.metrics.exposition();
    expect(metrics).toMatch(
      /http_requests_total\{route="\/api\/content\/articles",method="GET",status="200"\} [2-9]/,
    );
  });

  it('sends kept answers compressed, headers alone to HEAD, and 304 to a current copy', async () => {
    const url = `/api/content/articles/${seeded.ids.harbour}`;
    const plain = await read(url);
    const br = await read(url, key, { 'accept-encoding': 'br' });
    expect(br.hit).toBe(true);
    expect(br.response.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.response.rawPayload).toString('utf8')).toBe(plain.response.body);
    const head = await read(url, key, {}, 'HEAD');
    expect(head.hit).toBe(true);
    expect(head.response.statusCode).toBe(200);
    expect(head.response.body).toBe('');
    const current = await read(url, key, { 'if-none-match': String(plain.response.headers.etag) });
    expect(current.hit).toBe(true);
    expect(current.response.statusCode).toBe(304);
    expect(current.response.headers['ratelimit-remaining']).toBeDefined();
  });

  it('refuses a revoked, wrong or missing key even for an answer kept in memory', async () => {
    const partner = await contentKeyOf(client, chief, 'Partner: soon revoked');
    const url = '/api/content/sections';
    await read(url, partner.secret);
    expect((await read(url, partner.secret)).hit).toBe(true);
    const revoked = await client.call({
      method: 'DELETE',
      url: `/api/admin/content-keys/${partner.key.id}`,
      as: chief,
    });
    expect(revoked.statusCode).toBe(204);
    // '' sends no key at all.
    for (const secret of [partner.secret, 'dlc_not-a-key', '']) {
      const refused = await read(url, secret);
      expect(refused.hit).toBe(false);
      expect(refused.response.statusCode).toBe(401);
      expect(refused.response.headers['cache-control']).toBe('no-store');
      expect(refused.response.body).not.toContain('"sections"');
    }
    expect((await read(url)).hit).toBe(true);
  });

  it('shares answers between keys, each key with its own allowance, and keeps no error', async () => {
    const other = (await contentKeyOf(client, chief, 'Partner: second')).secret;
    const url = '/api/content/articles?fields=id&limit=3';
    for (let i = 0; i < 3; i++) await read(url);
    const mine = await read(url);
    const theirs = await read(url, other);
    expect(theirs.hit).toBe(true);
    expect(theirs.response.body).toBe(mine.response.body);
    expect(Number(theirs.response.headers['ratelimit-remaining'])).toBeGreaterThan(
      Number(mine.response.headers['ratelimit-remaining']),
    );
    for (const bad of ['/api/content/articles?fields=headlines', '/api/content/articles/999999']) {
      const first = await read(bad);
      const again = await read(bad);
      expect(first.response.statusCode).toBeGreaterThanOrEqual(400);
      expect(again.hit).toBe(false);
      expect(again.response.headers['cache-control']).toBe('no-store');
    }
  });

  it('counts kept answers against the rate limit, and refuses past it', async () => {
    const busy = (await contentKeyOf(client, chief, 'Busy app')).secret;
    const url = '/api/content/settings';
    const first = await read(url, busy);
    const limit = Number(first.response.headers['ratelimit-limit']);
    // Bounded: were kept answers not counted, the allowance would never run out.
    let last = first;
    let refused: typeof first | undefined;
    let answered = 1;
    for (; answered < 2 * limit; answered++) {
      const next = await read(url, busy);
      if (next.response.statusCode !== 200) {
        // The answer that ran out, not one more read: on a slow machine the allowance earns a
        // token back between two reads, and the next would be answered again.
        refused = next;
        break;
      }
      last = next;
    }
    expect(last.hit).toBe(true);
    expect(answered).toBeLessThan(2 * limit);
    expect(refused?.hit).toBe(false);
    expect(refused?.response.statusCode).toBe(429);
  });

  it('drops the answers that show a byline’s name when it changes, and only those', async () => {
    const shows = `/api/content/articles/${seeded.ids.harbour}`;
    const kept = [
      `/api/content/articles/${seeded.ids.harbour}?fields=id,headline`,
      `/api/content/articles/${seeded.ids.derby}`,
      '/api/content/articles?section=sport',
    ];
    for (const url of [shows, ...kept]) await read(url);
    await editAuthorProfile({ storage: t.app.storage }, editor, seeded.reporter.id, {
      name: 'Amal Al Reporter',
      bio: 'Covers the Gulf.',
      kind: 'staff',
    });
    const renamed = await read(shows);
    expect(renamed.hit).toBe(false);
    expect(renamed.response.body).toContain('Amal Al Reporter');
    for (const url of kept) expect((await read(url)).hit, url).toBe(true);
  });

  it('drops exactly the answers that show a story when it is published, updated, unpublished', async () => {
    const world = seeded.world.id;
    const story = await publish('Dhow race at dawn', world);
    const kept = [
      `/api/content/articles/${seeded.ids.derby}`,
      '/api/content/articles?section=sport',
      `/api/content/tags/${seeded.football.id}`,
      '/api/content/sections',
    ];
    const shows = [
      '/api/content/articles?fields=id,headline',
      '/api/content/articles?section=world&fields=id,headline',
      `/api/content/articles/${story}`,
    ];
    const warm = () => Promise.all([...kept, ...shows].map((url) => read(url)));
    const headlines = async (url: string) => {
      const answer = await read(url);
      expect(answer.hit, url).toBe(false);
      return answer.response.body;
    };
    const stillKept = async () => {
      for (const url of kept) expect((await read(url)).hit, url).toBe(true);
    };

    await warm();
    const another = await publish('Souq reopens', world);
    expect(await headlines(shows[0]!)).toContain('Souq reopens');
    expect(await headlines(shows[1]!)).toContain('Souq reopens');
    expect((await read(shows[2]!)).hit).toBe(true);
    await stillKept();

    await warm();
    const live = await t.app.storage.stores.articles.findById(story);
    await saveArticle(t.app.newsroom, editor, story, {
      basedOn: live?.revision ?? 0,
      changes: { headline: 'Dhow race postponed' },
    });
    await transitionArticle(t.app.newsroom, editor, story, { to: 'published' });
    for (const url of shows) expect(await headlines(url)).toContain('Dhow race postponed');
    await stillKept();

    await warm();
    await transitionArticle(t.app.newsroom, editor, story, { to: 'unpublished' });
    expect((await read(shows[2]!)).response.statusCode).toBe(404);
    for (const url of shows.slice(0, 2)) {
      const list = JSON.parse(await headlines(url)) as ListJson;
      expect(list.articles.map((a) => a.id)).not.toContain(story);
      expect(list.articles.map((a) => a.id)).toContain(another);
    }
    await stillKept();
  });
});
