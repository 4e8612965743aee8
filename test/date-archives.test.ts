/**
 * Date archives (`/2024/04/24/`, `/2024/04/`) and the latest news (`/latest`) on both engines:
 * the paper's local days in Muscat, pages, feeds, dates that are not there, and the page cache
 * dropping a day's pages when a story of that day changes, and nothing else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleDraftSchema } from '../src/domain/article/article-draft.js';
import { publicationSettingsSchema } from '../src/domain/publication/publication-settings.js';
import type { Actor } from '../src/domain/roles/role.js';
import { applySettings } from '../src/services/apply-settings.js';
import { createArticle } from '../src/services/articles/create-article.js';
import { transitionArticle } from '../src/services/articles/transition-article.js';
import { paragraphs } from './article-desk.js';
import { movableClock, startOnPort, type Answer } from './page-cache-server.js';
import { addStaffMember } from './staff-fixtures.js';
import type { TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';

const NOW = '2024-04-26T08:00:00Z'; // noon in Muscat

/** When each story was published (UTC), and where. */
const STORIES = [
  { headline: 'Spring fair opens in Nizwa', at: '2024-03-10T08:00:00Z', section: 'oman' },
  { headline: 'Harbour reopens after storm', at: '2024-04-20T08:00:00Z', section: 'oman' },
  { headline: 'Dawn prayers draw crowds', at: '2024-04-24T04:00:00Z', section: 'oman' },
  { headline: 'Markets open higher', at: '2024-04-24T05:00:00Z', section: 'oman' },
  { headline: 'Club signs new coach', at: '2024-04-24T06:00:00Z', section: 'sport' },
  { headline: 'Schools close early for heat', at: '2024-04-24T07:00:00Z', section: 'oman' },
  { headline: 'Cup semi-final draw made', at: '2024-04-24T08:00:00Z', section: 'sport' },
  // 23:30 in Muscat: still the 24th there, though 19:30 UTC.
  { headline: 'Late session passes budget', at: '2024-04-24T19:30:00Z', section: 'oman' },
  // 00:10 on the 25th in Muscat, though the 24th in UTC.
  { headline: 'Midnight ferry sails', at: '2024-04-24T20:10:00Z', section: 'sport' },
];

const text = (answer: Answer) => answer.body.toString('utf8');
/** The headlines on a page, in order. */
const headlines = (answer: Answer) =>
  [...text(answer).matchAll(/<h2><a href="[^"]+">([^<]+)<\/a><\/h2>/g)].map((m) => m[1]);

describe.each(ENGINES)('date archives and the latest news on $engine', (engine) => {
  let t: TestApp;
  let get: Awaited<ReturnType<typeof startOnPort>>['get'];
  let editor: Actor;
  const time = movableClock(NOW);
  const ids = new Map<string, number>();
  const sections = new Map<string, number>();
  const announced: string[][] = [];

  const publish = async (headline: string, at: string, section: string) => {
    time.set(at);
    const draft = articleDraftSchema.parse({
      headline,
      sectionId: sections.get(section),
      body: paragraphs(`${headline}.`),
    });
    const { id } = await createArticle(t.app.newsroom, editor, draft);
    await transitionArticle(t.app.newsroom, editor, id, { to: 'published' });
    ids.set(headline, id);
    time.set(NOW);
    return id;
  };

  beforeAll(async () => {
    ({ t, get } = await startOnPort({}, engine, time.clock));
    editor = await addStaffMember(t.app.storage, 'editor', 'archives@paper.example');
    const { stores } = t.app.storage;
    await applySettings(
      { stores, clock: time.clock },
      publicationSettingsSchema.parse({
        name: 'The Muscat Post',
        timezone: 'Asia/Muscat',
        articlesPerPage: 5,
      }),
    );
    for (const [position, slug] of ['oman', 'sport'].entries()) {
      const section = await stores.sections.create({ slug, name: slug, description: '', position });
      sections.set(slug, section.id);
    }
    t.app.publication.invalidate();
    for (const story of STORIES) await publish(story.headline, story.at, story.section);
    t.app.storage.broadcast.listen({ stale: (keys) => announced.push([...keys]), lost() {} });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('lists a day’s stories newest first, the paper’s day in its time zone, page by page', async () => {
    const day = await get('/2024/04/24/');
    expect(day.status).toBe(200);
    expect(headlines(day)).toEqual([
      'Late session passes budget',
      'Cup semi-final draw made',
      'Schools close early for heat',
      'Club signs new coach',
      'Markets open higher',
    ]);
    expect(text(day)).toContain('Page 1 of 2');
    expect(headlines(await get('/2024/04/24/?page=2'))).toEqual(['Dawn prayers draw crowds']);
    expect((await get('/2024/04/24/?page=3')).status).toBe(404);
    expect(headlines(await get('/2024/04/25/'))).toEqual(['Midnight ferry sails']);
  });

  it('titles the day, gives its canonical address, structured data and feeds', async () => {
    const html = text(await get('/2024/04/24/'));
    expect(html).toContain('<title>Wednesday 24 April 2024 — The Muscat Post</title>');
    expect(html).toContain('<h1>Wednesday 24 April 2024</h1>');
    expect(html).toContain('<link rel="canonical" href="https://paper.example/2024/04/24/">');
    expect(html).toContain('"@type":"CollectionPage"');
    expect(html).toContain('"@type":"BreadcrumbList"');
    expect(html).toContain('href="/2024/04/24/rss.xml"');
    expect(html).not.toContain('noindex');
    // Each story says where and when: 23:30 is the local time.
    expect(html).toContain('24 April 2024 at 23:30');
  });

  it('leads to the nearest days and months with stories, and up to the whole month', async () => {
    const day = text(await get('/2024/04/24/'));
    expect(day).toContain('<a href="/2024/04/20/" rel="prev">← Saturday 20 April 2024</a>');
    expect(day).toContain('<a href="/2024/04/25/" rel="next">Thursday 25 April 2024 →</a>');
    expect(day).toContain('<a href="/2024/04/">All of April 2024</a>');
    const month = await get('/2024/04/');
    expect(text(month)).toContain('<h1>April 2024</h1>');
    expect(text(month)).toContain('<a href="/2024/03/" rel="prev">← March 2024</a>');
    expect(text(month)).toContain('Page 1 of 2');
    expect(headlines(await get('/2024/03/'))).toEqual(['Spring fair opens in Nizwa']);
  });

  it('is not found for dates that do not exist, are to come, or passed without stories', async () => {
    for (const path of [
      '/2024/02/30/',
      '/2023/02/29/',
      '/2024/13/01/',
      '/2024/00/',
      '/0000/01/',
      '/99999/01/01/',
      '/2024/4/24/',
      '/2024/04/22/',
      '/2024/04/27/',
      '/2024/05/',
      '/2024/02/',
      '/2024/04/22/rss.xml',
      '/2024/02/30/feed.json',
    ]) {
      const answer = await get(path);
      expect([path, answer.status]).toEqual([path, 404]);
    }
    expect((await get('/2024/04/24/?page=x')).status).toBe(400);
  });

  it('shows today before its first story, kept out of search engines', async () => {
    const today = await get('/2024/04/26/');
    expect(today.status).toBe(200);
    expect(text(today)).toContain('No stories here yet.');
    expect(text(today)).toContain('<meta name="robots" content="noindex">');
    expect(text(today)).toContain('<a href="/2024/04/25/" rel="prev">');
    expect((await get('/2024/04/26/rss.xml')).status).toBe(200);
  });

  it('gives each day and month its feeds, of the local day’s stories only', async () => {
    const rss = await get('/2024/04/24/rss.xml');
    expect(rss.headers['content-type']).toContain('application/rss+xml');
    expect(text(rss)).toContain('Late session passes budget');
    expect(text(rss)).not.toContain('Midnight ferry sails');
    expect(text(rss)).toContain('<link>https://paper.example/2024/04/24/</link>');
    const atom = await get('/2024/04/24/atom.xml');
    expect(text(atom)).toContain('href="https://paper.example/2024/04/24/atom.xml"');
    const json = JSON.parse(text(await get('/2024/04/feed.json'))) as { items: unknown[] };
    expect(json.items).toHaveLength(8);
    expect(rss.headers['surrogate-key']).toContain('day-list-2024-04-24');
  });

  it('lists the latest news from every section, newest first, linked from every page', async () => {
    const latest = await get('/latest');
    expect(headlines(latest)).toEqual([
      'Midnight ferry sails',
      'Late session passes budget',
      'Cup semi-final draw made',
      'Schools close early for heat',
      'Club signs new coach',
    ]);
    expect(text(latest)).toContain('<a href="/latest" aria-current="page">Latest</a>');
    expect(text(latest)).toContain('<link rel="alternate" type="application/rss+xml"');
    expect(headlines(await get('/latest?page=2'))).toHaveLength(4);
    expect((await get('/latest?page=3')).status).toBe(404);
    expect(text(await get('/'))).toContain('href="/latest"');
  });

  it('links a story’s date to its day, and the masthead’s date to today', async () => {
    const story = text(await get('/oman/late-session-passes-budget'));
    expect(story).toMatch(/Published <a href="\/2024\/04\/24\/"><time datetime="2024-04-24T19:30/);
    expect(story).toContain('<a href="/2024/04/26/"><time datetime="2024-04-26">');
  });

  it('announces the local day and month of a story that changes', async () => {
    announced.length = 0;
    for (const headline of ['Late session passes budget', 'Midnight ferry sails']) {
      const id = ids.get(headline) ?? 0;
      await transitionArticle(t.app.newsroom, editor, id, { to: 'unpublished' });
      await transitionArticle(t.app.newsroom, editor, id, { to: 'published' });
    }
    const keys = announced.flat();
    expect(keys).toContain('day-list-2024-04-24');
    expect(keys).toContain('day-list-2024-04-25');
    expect(keys).toContain('month-list-2024-04');
    expect(keys).not.toContain('day-list-2024-04-23');
  });

  it('a story published today drops today’s page, the month and the latest news only', async () => {
    const kept = ['/2024/04/24/', '/2024/04/24/?page=2', '/2024/04/20/', '/2024/03/'];
    const dropped = ['/2024/04/26/', '/2024/04/', '/latest'];
    for (const path of [...kept, ...dropped]) expect((await get(path)).status).toBe(200);
    await publish('Rain expected tonight', '2024-04-26T08:00:00Z', 'oman');
    for (const path of kept) expect([path, (await get(path)).hit]).toEqual([path, true]);
    for (const path of dropped) {
      const page = await get(path);
      expect([path, page.hit]).toEqual([path, false]);
      expect(text(page)).toContain('Rain expected tonight');
    }
  });

  it('taking a story down drops its day, page by page, and not the days around it', async () => {
    const kept = ['/2024/04/20/', '/2024/03/', '/2024/04/25/'];
    const dropped = ['/2024/04/24/', '/2024/04/24/?page=2', '/2024/04/', '/latest'];
    for (const path of [...kept, ...dropped]) await get(path);
    const id = ids.get('Cup semi-final draw made') ?? 0;
    await transitionArticle(t.app.newsroom, editor, id, { to: 'unpublished' });
    for (const path of kept) expect([path, (await get(path)).hit]).toEqual([path, true]);
    for (const path of dropped) expect([path, (await get(path)).hit]).toEqual([path, false]);
    expect(headlines(await get('/2024/04/24/'))).not.toContain('Cup semi-final draw made');
    expect(text(await get('/2024/04/24/'))).not.toContain('Page 1 of 2');
  });
});
