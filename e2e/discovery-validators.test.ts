/**
 * Every kind of feed and sitemap, with the demo newspaper and the reference article loaded,
 * checked by validators written by others (e2e/validators/): three feed parsers (feedparser,
 * rss-parser, feed-extractor) and xmllint against the sitemaps.org and Google XSDs. The clock stands just after the demo's last story, so the news sitemap has the
 * stories of the last 48 hours and the reference article (April 2024) is in the archive.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importArticles } from '../src/services/import-articles.js';
import { loadReferenceArticle, startTestApp, type TestApp } from '../test/test-app.js';
import { DEMO_DIR } from './reader-site.js';
import { checkFeeds } from './validators/feed-check.js';
import { checkSitemaps } from './validators/sitemap-check.js';
import { VALIDATOR_TIMEOUT_MS, expectPass } from './validators/validator-run.js';

const ORIGIN = 'https://ledger.example';

const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

interface JsonFeed {
  version: string;
  title: string;
  feed_url: string;
  items: {
    id: string;
    content_html?: string;
    content_text?: string;
    date_published: string;
    date_modified: string;
  }[];
}

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] ?? '');

describe('feeds and sitemaps pass the external validators', () => {
  let t: TestApp;
  let dir: string;
  /** Paths on the site of a section, a topic and an author that have stories. */
  const pages = { section: '/oman', tag: '', author: '' };

  /** Fetches a path and writes the answer to a file named after it, for the validators. */
  const fetchToFile = async (path: string) => {
    const response = await t.server.inject(path);
    expect(response.statusCode, `${path}: ${response.body.slice(0, 200)}`).toBe(200);
    const file = join(dir, path.replace(/^\//, '').replace(/\//g, '_'));
    writeFileSync(file, response.body);
    return file;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dateline-discovery-'));
    t = await startTestApp({ DATELINE_NOW: '2026-11-27T06:00:00Z', PUBLIC_URL: ORIGIN });
    const demo = JSON.parse(readFileSync(join(DEMO_DIR, 'articles.json'), 'utf8')) as unknown;
    const report = await importArticles(t.app.importDeps(DEMO_DIR), demo);
    expect(report.failed).toEqual([]);
    expect((await loadReferenceArticle(t.app)).failed).toEqual([]);
    const path = (loc: string | undefined) => (loc ?? '').slice(ORIGIN.length);
    pages.tag = path(locs((await t.server.inject('/sitemaps/tags.xml')).body)[0]);
    pages.author = path(locs((await t.server.inject('/sitemaps/authors.xml')).body)[0]);
    expect(pages.tag).toMatch(/^\/topic\//);
    expect(pages.author).toMatch(/^\/author\//);
  });

  afterAll(async () => {
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const feedPaths = (files: string[]) =>
    ['', pages.section, pages.tag, pages.author, '/2026/11/26', '/2026/11'].flatMap((page) =>
      files.map((file) => `${page}/${file}`),
    );

  it(
    'every RSS and Atom feed (site, section, topic, author, day, month) passes three feed parsers',
    {
      timeout: VALIDATOR_TIMEOUT_MS,
    },
    async () => {
      const files = await Promise.all(feedPaths(['rss.xml', 'atom.xml']).map(fetchToFile));
      expect(files).toHaveLength(12);
      expectPass(await checkFeeds(files));
    },
  );

  // The parsers read XML only (feedparser 6.0.10 has no JSON Feed parser), so JSON Feed's rules
  // are checked here: its required members and dates.
  it('every JSON Feed has what JSON Feed 1.1 requires, and the items of the RSS beside it', async () => {
    for (const page of ['', pages.section, pages.tag, pages.author]) {
      const feed = (await t.server.inject(`${page}/feed.json`)).json<JsonFeed>();
      expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
      expect(feed.title).not.toBe('');
      expect(feed.feed_url).toBe(`${ORIGIN}${page}/feed.json`);
      const rss = (await t.server.inject(`${page}/rss.xml`)).body;
      expect(feed.items.length).toBe(rss.split('<item>').length - 1);
      expect(feed.items.length).toBeGreaterThan(0);
      for (const item of feed.items) {
        expect(item.id).toMatch(/^tag:ledger\.example,\d{4}-\d\d-\d\d:article\/\d+$/);
        expect(item.content_html ?? item.content_text).toBeTruthy();
        expect(item.date_published).toMatch(RFC3339);
        expect(item.date_modified).toMatch(RFC3339);
        expect(new Date(item.date_modified) >= new Date(item.date_published)).toBe(true);
      }
    }
  });

  it(
    'the sitemap index and every sitemap it names, and the news sitemap, pass the sitemap schemas',
    {
      timeout: VALIDATOR_TIMEOUT_MS,
    },
    async () => {
      const index = await t.server.inject('/sitemap.xml');
      const named = locs(index.body).map((loc) => loc.slice(ORIGIN.length));
      expect(named).toEqual(
        expect.arrayContaining([
          '/sitemaps/articles-2024-04.xml',
          '/sitemaps/articles-2026-11.xml',
          '/sitemaps/sections.xml',
          '/sitemaps/tags.xml',
          '/sitemaps/authors.xml',
        ]),
      );
      const news = await t.server.inject('/news-sitemap.xml');
      expect(news.body).toContain('<news:news>');
      const files = await Promise.all(
        ['/sitemap.xml', ...named, '/news-sitemap.xml'].map(fetchToFile),
      );
      expectPass(await checkSitemaps(files));
    },
  );
});
