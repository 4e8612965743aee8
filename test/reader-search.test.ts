/**
 * Readers search the published stories in full text on both engines, with one results
 * contract: every word (or quoted phrase) must be found in the headline, standfirst, body,
 * captions, topics or bylines; headline matches rank first, recency breaks ties; diacritics
 * and Arabic spellings fold; a typo in a name still finds it; hostile input is only ever words.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySettings } from '../src/services/apply-settings.js';
import { publicationSettingsSchema } from '../src/domain/publication/publication-settings.js';
import { importArticles } from '../src/services/import-articles.js';
import { startTestApp, type TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';

const headlinesIn = (html: string) =>
  [...html.matchAll(/<h2><a href="[^"]+">([^<]+)<\/a><\/h2>/g)].map((m) => m[1]);

const CONTENT_KEY = 'dlc_reader-search-test-key-0123456789abcdef';

const HOSTILE = [
  '"',
  '*',
  'OR',
  'NEAR',
  'AND NOT',
  '"unclosed phrase',
  "'",
  "x' OR '1'='1",
  "'; DROP TABLE articles; --",
  'muscat) OR (1=1',
  'NEAR(muscat festival)',
  'headline:muscat',
  '^muscat',
  '-muscat',
  'muscat*',
  '.,;:!?@#$%^&()[]{}',
  '\\',
  'مـ"ـسقط',
  'a'.repeat(5000),
  'muscat '.repeat(300),
];

describe.each(ENGINES)('reader search on $engine', ({ create }) => {
  let t: TestApp;
  const search = async (query: string, extra = '') => {
    const response = await t.server.inject(`/search?q=${encodeURIComponent(query)}${extra}`);
    expect(response.statusCode, `${query.slice(0, 40)}: ${response.body.slice(0, 300)}`).toBe(200);
    return response.body;
  };
  const found = async (query: string, extra = '') => headlinesIn(await search(query, extra));

  beforeAll(async () => {
    t = await startTestApp({ DATELINE_NOW: '2024-04-24T08:00:00Z' }, await create());
    await applySettings(
      { stores: t.app.storage.stores, clock: t.app.clock },
      publicationSettingsSchema.parse({
        name: 'The Observer',
        timezone: 'Asia/Muscat',
        articlesPerPage: 5,
      }),
    );
    const story = (headline: string, extra: object = {}) => ({
      headline,
      section: 'Oman',
      body: ['Text.'],
      publishedAt: '2024-04-24T06:00:00+04:00',
      ...extra,
    });
    const report = await importArticles(t.app.importDeps('.'), [
      story('Muscat festival opens', { standfirst: 'Music and lights along the Corniche' }),
      story('Festival traffic in Muscat', { publishedAt: '2024-04-24T07:00:00+04:00' }),
      story('Ministry sets new fuel prices', { publishedAt: '2024-04-20T07:00:00+04:00' }),
      story('Port traffic grows at Sohar', {
        section: 'Business',
        body: ['The ministry of transport said volumes rose.'],
      }),
      story('Lorries wait at the border', {
        body: [
          'Queues at Cilvegözü stretched for kilometres, the <script>alert(1)</script> team said.',
        ],
      }),
      story('Talks in Ankara', {
        section: 'World',
        body: ['President Erdogan met the delegation.'],
        publishedAt: '2024-03-01T06:00:00+04:00',
      }),
      story('وزير الصحة يزور مستشفى صلالة', {
        section: 'World',
        body: ['قال الوزير إنَّ المستشفى جاهزة.'],
      }),
      story('Royal Opera House season', { body: ['The Royal Opera House opens its doors.'] }),
      story('Opera and a royal visit', {
        body: ['A royal opera gala, then an opera house concert.'],
      }),
      story('Bylined story', { bylines: ['Salma Al-Harthy'], tags: ['Fisheries'] }),
      story('Muscat festival draft', { status: 'draft' }),
      story('Muscat festival embargoed', { publishedAt: '2024-04-25T06:00:00+04:00' }),
      ...Array.from({ length: 7 }, (_, i) =>
        story(`Cricket round ${i + 1}`, { publishedAt: `2024-04-2${i % 3}T0${i}:00:00+04:00` }),
      ),
    ]);
    expect(report.failed).toEqual([]);
    t.app.publication.invalidate();
    await sql`INSERT INTO content_api_keys (name, key_hash, key_prefix, created_at)
      VALUES ('search', ${createHash('sha256').update(CONTENT_KEY).digest('hex')},
        ${CONTENT_KEY.slice(0, 10)}, ${new Date().toISOString()})`.execute(t.app.storage.kysely);
  });

  afterAll(() => t?.close());

  it('finds every word anywhere in a story: headline, standfirst, body, topics, bylines', async () => {
    expect(await found('festival corniche')).toEqual(['Muscat festival opens']);
    expect(await found('transport volumes')).toEqual(['Port traffic grows at Sohar']);
    expect(await found('fisheries')).toEqual(['Bylined story']);
    expect(await found('harthy')).toEqual(['Bylined story']);
    expect(await found('festival sohar')).toEqual([]);
  });

  it('ranks a headline match above a mention in the body', async () => {
    expect(await found('ministry')).toEqual([
      'Ministry sets new fuel prices',
      'Port traffic grows at Sohar',
    ]);
  });

  it('breaks ties by recency, and lists newest first when asked', async () => {
    expect(await found('cricket')).toEqual([
      'Cricket round 6',
      'Cricket round 3',
      'Cricket round 5',
      'Cricket round 2',
      'Cricket round 7',
    ]);
    expect(await found('traffic', '&order=newest')).toEqual([
      'Festival traffic in Muscat',
      'Port traffic grows at Sohar',
    ]);
  });

  it('keeps the words of a quoted phrase together and in order', async () => {
    // The other story holds "royal opera" and "opera house", but not one after the other.
    expect(await found('"royal opera house"')).toEqual(['Royal Opera House season']);
    expect(await found('royal opera house')).toHaveLength(2);
    expect(await found('"opera royal"')).toEqual([]);
    expect(await found('"royal opera" gala')).toEqual(['Opera and a royal visit']);
  });

  it('finds a phrase within one part of a story, never across the headline and the body', async () => {
    expect(await found('"house season"')).toEqual(['Royal Opera House season']);
    expect(await found('"season the royal"')).toEqual([]);
    expect(await found('"opera house opens"')).toEqual(['Royal Opera House season']);
  });

  it('filters by section, author and date', async () => {
    expect(await found('traffic', '&section=business')).toEqual(['Port traffic grows at Sohar']);
    expect(await found('ministry', '&from=2024-04-21')).toEqual(['Port traffic grows at Sohar']);
    expect(await found('ministry', '&to=2024-04-20')).toEqual(['Ministry sets new fuel prices']);
    expect(await found('story', '&author=salma-al-harthy')).toEqual(['Bylined story']);
    const unknown = await t.server.inject('/search?q=x&section=nowhere');
    expect(unknown.statusCode).toBe(400);
    const bad = await t.server.inject({
      url: '/search?q=x&from=yesterday',
      headers: { accept: 'application/json' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'from' });
  });

  it('folds diacritics both ways', async () => {
    expect(await found('Cilvegozu')).toEqual(['Lorries wait at the border']);
    expect(await found('CILVEGÖZÜ')).toEqual(['Lorries wait at the border']);
    expect(await found('Erdoğan')).toEqual(['Talks in Ankara']);
    expect(await found('"at Cilvegozu stretched"')).toEqual(['Lorries wait at the border']);
  });

  it('finds Arabic whatever its harakat, tatweel, alef, taa marbuta or alef maqsura', async () => {
    const arabic = ['وزير الصحة يزور مستشفى صلالة'];
    expect(await found('مستشفي')).toEqual(arabic);
    expect(await found('الصحه')).toEqual(arabic);
    expect(await found('الوَزِيـــر')).toEqual(arabic);
    expect(await found('إن')).toEqual(arabic);
    expect(await found('"وزيرُ الصحـة"')).toEqual(arabic);
    expect(await found('"الصحة وزير"')).toEqual([]);
  });

  it('finds a name through a typo, and says what it searched for instead', async () => {
    const page = await search('Erdogn');
    expect(headlinesIn(page)).toEqual(['Talks in Ankara']);
    expect(page).toContain('Nothing matched “erdogn”; showing stories with “erdogan”');
    expect(await found('Cilvegzu')).toEqual(['Lorries wait at the border']);
  });

  it('widens a typo beside a word it keeps, finding the stories that hold both', async () => {
    const page = await search('Ankara Erdogn');
    expect(headlinesIn(page)).toEqual(['Talks in Ankara']);
    expect(page).toContain('showing stories with “erdogan”');
    expect(await found('delegation Erdogn')).toEqual(['Talks in Ankara']);
    expect(await found('muscat Erdogn')).toEqual([]);
  });

  it('marks the matched words in a snippet, escaping the story’s text', async () => {
    const page = await search('cilvegozu');
    expect(page).toContain('Queues at <mark>Cilvegözü</mark> stretched');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('<script>alert(1)');
  });

  it('never shows drafts or stories still under embargo', async () => {
    const page = await search('muscat festival');
    expect(page).not.toContain('draft');
    expect(page).not.toContain('embargoed');
  });

  it('answers hostile input with a page, never an error', async () => {
    for (const query of HOSTILE) await search(query);
    expect(await search('"')).toContain('has no words to search for');
    expect(await found('muscat*')).toEqual(['Festival traffic in Muscat', 'Muscat festival opens']);
    expect((await found('"muscat festival')).sort()).toEqual([
      'Festival traffic in Muscat',
      'Muscat festival opens',
    ]);
    expect(await found("'; DROP TABLE articles; --")).toEqual([]);
    expect(await search('a'.repeat(300))).toContain('Only the first 200 characters');
  });

  it('pages through many results, keeping the query and filters in the links', async () => {
    const first = await search('cricket', '&order=newest');
    expect(headlinesIn(first)).toHaveLength(5);
    expect(first).toContain('7 stories match “cricket”');
    expect(first).toContain('href="/search?q=cricket&amp;order=newest&amp;page=2" rel="next"');
    const second = await t.server.inject('/search?q=cricket&order=newest&page=2');
    expect(headlinesIn(second.body)).toHaveLength(2);
    expect(second.body).toContain('href="/search?q=cricket&amp;order=newest" rel="prev"');
    expect((await t.server.inject('/search?q=cricket&page=3')).statusCode).toBe(404);
  });

  it('keeps results out of search engines and says when nothing matches', async () => {
    const page = await search('volcano');
    expect(page).toContain('<meta name="robots" content="noindex">');
    expect(page).toContain('No stories match “volcano”');
    expect(page).not.toContain('rel="canonical"');
    const empty = await search('');
    expect(empty).toContain('Type words from a story');
    expect(headlinesIn(empty)).toEqual([]);
  });

  it('has a labelled search box on every page, filled in with the query on the results', async () => {
    const home = (await t.server.inject('/')).body;
    expect(home).toContain(
      '<form class="site-search" role="search" aria-label="Site" action="/search" method="get">',
    );
    expect(home).toMatch(/<input id="site-search-q" type="search" name="q" value=""/);
    expect(await search('<b>muscat</b>')).toMatch(
      /<input id="site-search-q" type="search" name="q" value="&lt;b&gt;muscat&lt;\/b&gt;"/,
    );
  });

  it('refuses a repeated query with a clear 400', async () => {
    const twice = await t.server.inject({
      url: '/search?q=a&q=b',
      headers: { accept: 'application/json' },
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json()).toMatchObject({ field: 'q' });
  });

  it('answers Content API clients with the same results, snippets as escaped HTML', async () => {
    const ask = (query: string) =>
      t.server.inject({
        url: `/api/content/search?${query}`,
        headers: { authorization: `Bearer ${CONTENT_KEY}` },
      });
    const found = await ask('q=Cilvegozu');
    expect(found.statusCode).toBe(200);
    expect(found.json()).toMatchObject({
      total: 1,
      page: 1,
      pageCount: 1,
      corrections: [],
      results: [{ headline: 'Lorries wait at the border', section: { slug: 'oman' } }],
    });
    const [result] = found.json<{ results: { snippetHtml: string; url: string }[] }>().results;
    expect(result?.snippetHtml).toContain('Queues at <mark>Cilvegözü</mark> stretched');
    expect(result?.snippetHtml).toContain('&lt;script&gt;');
    expect(result?.url).toMatch(/^https?:\/\/[^/]+\/oman\/lorries-wait-at-the-border$/);
    const typo = (await ask('q=Erdogn')).json<{ corrections: unknown; total: number }>();
    expect(typo).toMatchObject({
      total: 1,
      corrections: [{ typed: 'erdogn', tried: ['erdogan'] }],
    });
    const paged = await ask('q=cricket&order=newest&limit=5&page=2');
    expect(paged.json()).toMatchObject({ total: 7, page: 2, pageCount: 2 });
    for (const hostile of HOSTILE.slice(0, 18))
      expect((await ask(`q=${encodeURIComponent(hostile)}`)).statusCode, hostile).toBe(200);
    const bad = await ask('q=x&section=nowhere');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'section' });
  });
});
