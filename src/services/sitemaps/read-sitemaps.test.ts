import { expect, it } from 'vitest';
import type { DiscoveryStore } from '../discovery-ports.js';
import type { SiteContext } from '../site-context.js';
import { readSitemapIndex } from './read-sitemaps.js';

const changed = new Date('2024-04-23T10:00:00Z');

function siteWith(discovery: Partial<DiscoveryStore>): SiteContext {
  return {
    stores: { discovery } as unknown as SiteContext['stores'],
    clock: { now: () => new Date('2024-04-24T08:00:00Z') },
    publication: undefined as unknown as SiteContext['publication'],
    weather: undefined,
  };
}

it('splits a month of more than 50,000 stories into parts, and leaves out empty listings', async () => {
  const site = siteWith({
    listPublishedMonths: () =>
      Promise.resolve([
        { month: '2024-03', count: 50_000, lastModified: changed },
        { month: '2024-04', count: 120_001, lastModified: changed },
      ]),
    latestLinked: (_asOf, link) => Promise.resolve(link === 'tags' ? changed : undefined),
  });
  const refs = await readSitemapIndex(site, 'https://news.example');
  expect(refs.map((r) => r.loc.replace('https://news.example/sitemaps/', ''))).toEqual([
    'articles-2024-03.xml',
    'articles-2024-04.xml',
    'articles-2024-04-2.xml',
    'articles-2024-04-3.xml',
    'sections.xml',
    'tags.xml',
  ]);
  expect(refs.every((r) => r.lastModified.getTime() === changed.getTime())).toBe(true);
});
