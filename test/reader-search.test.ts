/**
 * Readers search the published stories by headline and summary: every word must be found,
 * LIKE's wildcards are taken literally, drafts and embargoed stories never show, and the
 * results page is paginated and kept out of search engines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySettings } from '../src/services/apply-settings.js';
import { publicationSettingsSchema } from '../src/domain/publication/publication-settings.js';
import { importArticles } from '../src/services/import-articles.js';
import { startTestApp, type TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';

const headlinesIn = (html: string) =>
  [...html.matchAll(/<h2><a href="[^"]+">([^<]+)<\/a><\/h2>/g)].map((m) => m[1]);

describe.each(ENGINES)('reader search on $engine', ({ create }) => {
  let t: TestApp;
  const search = async (query: string) => {
    const response = await t.server.inject(`/search?q=${encodeURIComponent(query)}`);
    expect(response.statusCode, query).toBe(200);
    return response.body;
  };

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
      story('Sohar port expands'),
      story('Prices up 100% at the souq'),
      story('Prices up 1000 baisa'),
      story('snake_case in Muscat'),
      story('Muscat festival draft', { status: 'draft' }),
      story('Muscat festival embargoed', { publishedAt: '2024-04-25T06:00:00+04:00' }),
      ...Array.from({ length: 7 }, (_, i) =>
        story(`Cricket round ${i + 1}`, { publishedAt: `2024-04-2${i % 3}T0${i}:00:00+04:00` }),
      ),
    ]);
    expect(report.failed).toEqual([]);
    t.app.publication.invalidate();
  });

  afterAll(() => t?.close());

  it('finds stories with every word, in any case, in the headline or the standfirst', async () => {
    expect(headlinesIn(await search('muscat FESTIVAL'))).toEqual([
      'Festival traffic in Muscat',
      'Muscat festival opens',
    ]);
    expect(headlinesIn(await search('festival corniche'))).toEqual(['Muscat festival opens']);
    expect(headlinesIn(await search('festival sohar'))).toEqual([]);
  });

  it('never shows drafts or stories still under embargo', async () => {
    const page = await search('muscat festival');
    expect(page).not.toContain('draft');
    expect(page).not.toContain('embargoed');
  });

  it('takes % and _ literally', async () => {
    expect(headlinesIn(await search('100%'))).toEqual(['Prices up 100% at the souq']);
    expect(headlinesIn(await search('snake_case'))).toEqual(['snake_case in Muscat']);
    expect(headlinesIn(await search('e_c'))).toEqual(['snake_case in Muscat']);
    expect(headlinesIn(await search('%'))).toEqual(['Prices up 100% at the souq']);
  });

  it('pages through many results, keeping the query in the links', async () => {
    const first = await search('cricket');
    expect(headlinesIn(first)).toHaveLength(5);
    expect(first).toContain('7 stories match “cricket”');
    expect(first).toContain('href="/search?q=cricket&amp;page=2" rel="next"');
    const second = await t.server.inject('/search?q=cricket&page=2');
    expect(headlinesIn(second.body)).toHaveLength(2);
    expect(second.body).toContain('href="/search?q=cricket" rel="prev"');
    expect((await t.server.inject('/search?q=cricket&page=3')).statusCode).toBe(404);
  });

  it('keeps results out of search engines and says when nothing matches', async () => {
    const page = await search('volcano');
    expect(page).toContain('<meta name="robots" content="noindex">');
    expect(page).toContain('No stories match “volcano”');
    expect(page).not.toContain('rel="canonical"');
    const empty = await search('');
    expect(empty).toContain('Type words from a headline or summary');
    expect(headlinesIn(empty)).toEqual([]);
  });

  it('has a labelled search box on every page, filled in with the query on the results', async () => {
    const home = (await t.server.inject('/')).body;
    expect(home).toContain(
      '<form class="site-search" role="search" action="/search" method="get">',
    );
    expect(home).toContain(
      '<label for="site-search-q" class="visually-hidden">Search stories</label>',
    );
    expect(home).toMatch(/<input id="site-search-q" type="search" name="q" value=""/);
    expect(await search('<b>muscat</b>')).toMatch(
      /<input id="site-search-q" type="search" name="q" value="&lt;b&gt;muscat&lt;\/b&gt;"/,
    );
  });

  it('refuses an overlong or repeated query with a clear 400', async () => {
    const long = await t.server.inject({
      url: `/search?q=${'a'.repeat(201)}`,
      headers: { accept: 'application/json' },
    });
    expect(long.statusCode).toBe(400);
    expect(long.json()).toEqual({ error: 'q: must be at most 200 characters', field: 'q' });
    const twice = await t.server.inject({
      url: '/search?q=a&q=b',
      headers: { accept: 'application/json' },
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json()).toMatchObject({ field: 'q' });
  });
});
