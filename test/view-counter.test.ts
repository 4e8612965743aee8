/**
 * The view counter on a real port, on both engines: a thousand views at once all arrive,
 * written as one count per story and hour; programs, other sites, made-up ids and one
 * address's floods are not counted; nothing about a reader is kept or set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleDraftSchema } from '../src/domain/article/article-draft.js';
import { createArticle } from '../src/services/articles/create-article.js';
import { paragraphs } from './article-desk.js';
import { viewHourOf } from '../src/domain/readership/view-hour.js';
import { startViewFlushing, startViewPruning } from '../src/jobs/view-counting.js';
import { createViewTally } from '../src/services/readership/view-tally.js';
import { movableClock, startReaderPaper, type ReaderPaper } from './readership-fixtures.js';
import { ENGINES } from './test-databases.js';
import { startTestApp } from './test-app.js';

describe.each(ENGINES)('the view counter on $engine', (engine) => {
  let paper: ReaderPaper;
  const time = movableClock('2024-04-24T08:10:00Z');
  const hour = viewHourOf(new Date('2024-04-24T08:10:00Z'));
  const stories = { festival: 0, cup: 0, draft: 0 };
  const flush = () => paper.t.app.readership.beacon.tally.flush();
  const total = async () => (await paper.counts()).reduce((sum, row) => sum + row.views, 0);

  beforeAll(async () => {
    paper = await startReaderPaper(await engine.create(), time.clock, {
      METRICS_TOKEN: 'scrape-the-counter',
    });
    const { stores } = paper.t.app.storage;
    const oman = await stores.sections.create({
      slug: 'oman',
      name: 'Oman',
      description: '',
      position: 0,
    });
    paper.t.app.publication.invalidate();
    stories.festival = await paper.publish('Muscat festival opens', oman.id);
    stories.cup = await paper.publish('Sohar wins the cup', oman.id);
    stories.draft = (
      await createArticle(
        paper.t.app.newsroom,
        paper.chief,
        articleDraftSchema.parse({
          headline: 'Not yet',
          sectionId: oman.id,
          body: paragraphs('Soon.'),
        }),
      )
    ).id;
  });

  afterAll(async () => {
    await paper?.t.close();
  });

  it('counts a thousand views sent at once, flushed while they arrive, without losing one', async () => {
    const flushes: Promise<void>[] = [];
    const views = Array.from({ length: 1000 }, (_, i) => {
      if (i % 100 === 0) flushes.push(flush());
      const story = i % 4 === 0 ? stories.cup : stories.festival;
      return paper.view(story, `10.0.${i >> 8}.${i & 255}`);
    });
    const answers = await Promise.all(views);
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 204));
    await Promise.all(flushes);
    await flush();
    expect(await total()).toBe(1000);
    expect(await paper.counts()).toEqual([
      { article_id: stories.festival, hour, views: 750 },
      { article_id: stories.cup, hour, views: 250 },
    ]);
    expect(paper.t.app.readership.beacon.tally.stats()).toMatchObject({
      counted: 1000,
      stored: 1000,
      pending: 0,
    });
  });

  it('sets no cookie, is never cached, and answers with nothing', async () => {
    const answer = await paper.view(stories.cup, '198.51.100.1');
    expect(answer.status).toBe(204);
    expect(answer.headers['set-cookie']).toBeUndefined();
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.body).toBe('');
  });

  it('does not count crawlers, link previewers, headless browsers or requests naming no agent', async () => {
    await flush();
    const before = await total();
    for (const agent of [
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'facebookexternalhit/1.1',
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/124.0.0.0 Safari/537.36',
      'curl/8.5.0',
      '',
    ])
      expect((await paper.view(stories.cup, '198.51.100.2', { 'user-agent': agent })).status).toBe(
        204,
      );
    await flush();
    expect(await total()).toBe(before);
  });

  it('does not count a beacon another site’s page sends: it can change nothing but a count, and not even that', async () => {
    await flush();
    const before = await total();
    const answer = await paper.view(stories.cup, '198.51.100.3', {
      'sec-fetch-site': 'cross-site',
    });
    expect(answer.status).toBe(204);
    await flush();
    expect(await total()).toBe(before);
  });

  it('keeps no row for ids that are not stories readers may see', async () => {
    for (const id of [stories.draft, 987_654, 2 ** 31 - 1])
      expect((await paper.view(id, '198.51.100.4')).status).toBe(204);
    await flush();
    const ids = new Set((await paper.counts()).map((row) => row.article_id));
    expect([...ids].sort()).toEqual([stories.festival, stories.cup].sort());
    expect(paper.t.app.readership.beacon.tally.stats().discarded).toBe(3);
  });

  it('refuses what is not a story id, and bodies longer than one, with a 4xx naming the problem', async () => {
    const bad = await paper.view('festival', '198.51.100.5');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ field: 'story' });
    expect((await paper.view('0', '198.51.100.5')).status).toBe(400);
    expect((await paper.view(String(2 ** 31), '198.51.100.5')).status).toBe(400);
    expect((await paper.view('1'.repeat(64), '198.51.100.5')).status).toBe(413);
    const form = await paper.view(stories.cup, '198.51.100.5', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
  });

  it('lets one address add ten views of a story a minute, then refuses more', async () => {
    await flush();
    const before = await total();
    const answers = [];
    for (let i = 0; i < 12; i++) answers.push((await paper.view(stories.cup, '192.0.2.99')).status);
    expect(answers).toEqual([...Array<number>(10).fill(204), 429, 429]);
    // Another reader of the same story is not held back by the first.
    expect((await paper.view(stories.cup, '192.0.2.100')).status).toBe(204);
    await flush();
    expect(await total()).toBe(before + 11);
  });

  it('counts each hour in a bucket of its own', async () => {
    time.set('2024-04-24T09:05:00Z');
    await paper.view(stories.festival, '192.0.2.1');
    await paper.view(stories.festival, '192.0.2.2');
    await flush();
    const festival = (await paper.counts()).filter((row) => row.article_id === stories.festival);
    expect(festival).toEqual([
      { article_id: stories.festival, hour, views: 750 },
      { article_id: stories.festival, hour: hour + 1, views: 2 },
    ]);
  });

  it('adds up what several instances count on one database, and the last views are written at shutdown', async () => {
    await flush();
    const before = await total();
    // A second instance: its own tally on the same database.
    const other = createViewTally({ storage: paper.t.app.storage, clock: time.clock });
    const flushing = startViewFlushing(other, () => {}, 60_000);
    for (let i = 0; i < 7; i++) other.count(stories.cup);
    for (let i = 0; i < 5; i++) paper.t.app.readership.beacon.tally.count(stories.cup);
    await Promise.all([flushing.stop(), flush()]);
    expect(await total()).toBe(before + 12);
  });

  it('tells operators what it counted, refused and wrote', async () => {
    const answer = await paper.send('GET', '/metrics', {
      headers: { authorization: 'Bearer scrape-the-counter' },
    });
    expect(answer.body).toMatch(/^story_views_counted_total \d+/m);
    expect(answer.body).toMatch(/^story_views_refused_total\{reason="automated"\} 5$/m);
    expect(answer.body).toMatch(/^story_views_refused_total\{reason="not_a_story"\} 3$/m);
    expect(answer.body).toMatch(/^story_view_flushes_total \d+/m);
    expect(answer.body).toMatch(/^story_views_pending 0$/m);
  });

  it('forgets counts older than two days, keeping the hours after', async () => {
    // 49 hours after the first bucket: it goes, the next hour's stay.
    time.set('2024-04-26T09:30:00Z');
    const pruning = startViewPruning({
      stores: paper.t.app.storage.stores,
      clock: time.clock,
      log: () => {},
    });
    await pruning.stop();
    const rows = await paper.counts();
    expect(new Set(rows.map((row) => row.hour))).toEqual(new Set([hour + 1]));
    expect(rows.map((row) => row.article_id).sort()).toEqual(
      [stories.festival, stories.cup].sort(),
    );
  });
});

describe('the beacon without a page cache', () => {
  it('still counts with PAGE_CACHE_MB=0', async () => {
    const t = await startTestApp({ PAGE_CACHE_MB: '0' });
    const answer = await t.server.inject({
      method: 'POST',
      url: '/api/views',
      headers: { 'content-type': 'text/plain', 'user-agent': 'Mozilla/5.0 Firefox/125.0' },
      payload: '1',
    });
    expect(answer.statusCode).toBe(204);
    expect(t.app.readership.beacon.tally.stats().counted).toBe(1);
    await t.close();
  });
});
