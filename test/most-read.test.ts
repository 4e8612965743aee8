/**
 * The most-read lists on both engines: the last 24 hours' views, most first, the paper's on the
 * home page and each section's on its front; only stories readers may see; a new order shows
 * within the list's minute, a killed story leaves at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killArticle } from '../src/services/articles/transition-article.js';
import { MOST_READ_TTL_MS } from '../src/services/readership/read-most-read.js';
import {
  mostReadHeadlines,
  movableClock,
  startReaderPaper,
  type ReaderPaper,
} from './readership-fixtures.js';
import { ENGINES } from './test-databases.js';

describe.each(ENGINES)('most read on $engine', (engine) => {
  let paper: ReaderPaper;
  const time = movableClock('2024-04-24T08:10:00Z');
  const ids: Record<string, number> = {};
  let reader = 0;
  /** `count` views of a story, each from a reader of its own. */
  const views = async (story: number, count: number) => {
    for (let i = 0; i < count; i++)
      await paper.view(story, `10.1.${reader >> 8}.${reader++ & 255}`);
    await paper.t.app.readership.beacon.tally.flush();
  };
  const page = async (path: string) => (await paper.send('GET', path)).body;
  const later = (ms: number) => time.set(new Date(time.clock.now().getTime() + ms).toISOString());

  beforeAll(async () => {
    paper = await startReaderPaper(await engine.create(), time.clock);
    const { stores } = paper.t.app.storage;
    const oman = await stores.sections.create({
      slug: 'oman',
      name: 'Oman',
      description: '',
      position: 0,
    });
    const sport = await stores.sections.create({
      slug: 'sport',
      name: 'Sport',
      description: '',
      position: 1,
    });
    paper.t.app.publication.invalidate();
    for (const [key, headline, section] of [
      ['festival', 'Muscat festival opens', oman.id],
      ['rain', 'Rain expected in Dhofar', oman.id],
      ['port', 'Duqm port expands', oman.id],
      ['cup', 'Sohar wins the cup', sport.id],
      ['marathon', 'Marathon draws thousands', sport.id],
      ['quiet', 'A quiet story', oman.id],
    ] as const)
      ids[key] = await paper.publish(headline, section);
  });

  afterAll(async () => {
    await paper?.t.close();
  });

  it('shows no box until three stories have been read', async () => {
    await views(ids.festival!, 2);
    await views(ids.cup!, 1);
    expect(mostReadHeadlines(await page('/'))).toEqual([]);
    expect(await page('/')).not.toContain('Most read');
  });

  it('lists the paper’s most-read stories on the home page, most views first', async () => {
    await views(ids.rain!, 4);
    await views(ids.port!, 3);
    await views(ids.marathon!, 5);
    later(MOST_READ_TTL_MS);
    expect(mostReadHeadlines(await page('/'))).toEqual([
      'Marathon draws thousands',
      'Rain expected in Dhofar',
      'Duqm port expands',
      'Muscat festival opens',
      'Sohar wins the cup',
    ]);
  });

  it('lists a section’s own most-read stories on its front', async () => {
    const oman = await page('/oman');
    expect(oman).toContain('Most read in Oman');
    expect(mostReadHeadlines(oman)).toEqual([
      'Rain expected in Dhofar',
      'Duqm port expands',
      'Muscat festival opens',
    ]);
    // Two stories read in Sport: no ranking worth a box.
    expect(mostReadHeadlines(await page('/sport'))).toEqual([]);
  });

  it('keeps the list a minute, the page with it, then shows the new order with no change announced', async () => {
    await views(ids.festival!, 10);
    expect(mostReadHeadlines(await page('/'))[0]).toBe('Marathon draws thousands');
    later(MOST_READ_TTL_MS);
    expect(mostReadHeadlines(await page('/'))[0]).toBe('Muscat festival opens');
  });

  it('counts only the last 24 hours', async () => {
    // The festival's views were all at 08:xx on the 24th; by 08:30 on the 25th they are past.
    time.set('2024-04-25T08:30:00Z');
    await views(ids.quiet!, 1);
    await views(ids.port!, 2);
    await views(ids.rain!, 3);
    expect(mostReadHeadlines(await page('/'))).toEqual([
      'Rain expected in Dhofar',
      'Duqm port expands',
      'A quiet story',
    ]);
  });

  it('drops a killed story from every list at once', async () => {
    await killArticle(paper.t.app.newsroom, paper.chief, ids.rain!);
    expect(mostReadHeadlines(await page('/'))).toEqual([]);
    await views(ids.festival!, 1);
    later(MOST_READ_TTL_MS);
    expect(mostReadHeadlines(await page('/'))).toEqual([
      'Duqm port expands',
      'A quiet story',
      'Muscat festival opens',
    ]);
    expect(mostReadHeadlines(await page('/oman'))).not.toContain('Rain expected in Dhofar');
  });

  it('tags the page with the listed stories, so their changes drop it', async () => {
    const answer = await paper.send('GET', '/');
    expect(String(answer.headers['surrogate-key'])).toContain(`article-${ids.quiet}`);
  });
});
