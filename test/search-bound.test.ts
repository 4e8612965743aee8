/**
 * A word in more stories than a search ranks (RANKED_MATCHES, ADR 0052), on both engines: the
 * search ranks and counts the newest of them and says there are more; a rarer word is counted
 * whole. The archive is bench-seed's, whose commonest words are in nearly every story.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RANKED_MATCHES } from '../src/storage/story-search-dialect.js';
import { startTestApp, type TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';

const summaryOf = (html: string) =>
  /<header class="section-head">[\s\S]*?<p>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';

describe.each(ENGINES)('a search with more matches than it ranks, on $engine', ({ create }) => {
  let t: TestApp;
  const search = async (query: string) => {
    const response = await t.server.inject(`/search?q=${encodeURIComponent(query)}`);
    expect(response.statusCode).toBe(200);
    return response.body;
  };

  beforeAll(async () => {
    t = await startTestApp({ DATELINE_NOW: '2024-04-24T08:00:00Z' }, await create());
    await t.app.storage.archive.seed({ articles: 1500, sections: 3, now: t.app.clock.now() });
  }, 120_000);

  afterAll(() => t?.close());

  it('ranks the newest matches, and says more stories match than it shows', async () => {
    const page = await search('the');
    expect(summaryOf(page)).toMatch(
      new RegExp(`^More than ${RANKED_MATCHES} stories match “the”: the newest ${RANKED_MATCHES}`),
    );
    expect(page).toMatch(/<h2><a href="/);
  });

  it('counts every match of a word in fewer stories', async () => {
    const summary = summaryOf(await search('"the council minister"'));
    expect(summary).toMatch(/^(\d+) stories match/);
    expect(Number(/^(\d+)/.exec(summary)?.[1])).toBeLessThan(RANKED_MATCHES);
  });
});
