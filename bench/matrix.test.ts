import { describe, expect, it } from 'vitest';
import {
  cellsOf,
  deepestPage,
  loadSeconds,
  offeredRate,
  pagePaths,
  parseSize,
  readMatrixSettings,
  sectionOf,
  stepsOf,
} from './matrix.js';

describe('the matrix settings', () => {
  it('default to 10k and 1m on both engines, both cache modes, every page, a 300 s soak', () => {
    const settings = readMatrixSettings({});
    expect(settings.sizes).toEqual([
      { label: '10k', articles: 10_000 },
      { label: '1m', articles: 1_000_000 },
    ]);
    expect(settings.engines).toEqual(['sqlite', 'postgres']);
    expect(settings.cacheModes).toEqual(['cached', 'uncached']);
    expect(settings.pages).toEqual([
      'home',
      'section',
      'section-500',
      'article',
      'feed',
      'sitemap',
    ]);
    expect(settings.cachedRate).toBe(5000);
    expect(settings.soakSeconds).toBe(300);
    expect(settings.rateClient).toBe('paced');
  });

  it('refuse a constant-rate client they do not know, naming the variable', () => {
    expect(readMatrixSettings({ BENCH_RATE_CLIENT: 'autocannon' }).rateClient).toBe('autocannon');
    expect(() => readMatrixSettings({ BENCH_RATE_CLIENT: 'wrk' })).toThrow(/BENCH_RATE_CLIENT/);
  });

  it('read lists with spaces and keep engines and pages in their canonical order', () => {
    const settings = readMatrixSettings({
      BENCH_SIZES: ' demo , 250 ',
      BENCH_ENGINES: 'postgres, sqlite',
      BENCH_PAGES: 'sitemap,home',
      BENCH_CACHE_MODES: 'uncached',
      BENCH_SOAK_SECONDS: '0',
    });
    expect(settings.sizes.map((s) => s.articles)).toEqual(['demo', 250]);
    expect(settings.engines).toEqual(['sqlite', 'postgres']);
    expect(settings.pages).toEqual(['home', 'sitemap']);
    expect(settings.cacheModes).toEqual(['uncached']);
    expect(settings.soakSeconds).toBe(0);
  });

  it.each([
    [{ BENCH_ENGINES: 'mysql' }, /BENCH_ENGINES must list some of sqlite, postgres, not "mysql"/],
    [{ BENCH_PAGES: 'home,search' }, /BENCH_PAGES must list some of home, section/],
    [{ BENCH_CACHE_MODES: 'warm' }, /BENCH_CACHE_MODES/],
    [{ BENCH_SIZES: '10x' }, /BENCH_SIZES: "10x" is not demo, nor a count like 10k or 1m/],
    [{ BENCH_SIZES: '0' }, /BENCH_SIZES: "0"/],
    [{ BENCH_CACHED_RATE: '0' }, /BENCH_CACHED_RATE must be a positive number, not "0"/],
    [{ BENCH_SOAK_SECONDS: '-5' }, /BENCH_SOAK_SECONDS must be a non-negative number/],
  ])('name the variable that is wrong: %o', (env, message) => {
    expect(() => readMatrixSettings(env)).toThrow(message);
  });

  it('parse sizes with k and m suffixes', () => {
    expect(parseSize('10k')).toEqual({ label: '10k', articles: 10_000 });
    expect(parseSize('1M')).toEqual({ label: '1m', articles: 1_000_000 });
    expect(parseSize('1234')).toEqual({ label: '1234', articles: 1234 });
    expect(parseSize('demo')).toEqual({ label: 'demo', articles: 'demo' });
  });
});

describe('the plan', () => {
  it('seeds each size once per engine, engines inner', () => {
    const cells = cellsOf(readMatrixSettings({ BENCH_SIZES: '10k,1m' }));
    expect(cells.map((c) => `${c.size.label}/${c.engine}`)).toEqual([
      '10k/sqlite',
      '10k/postgres',
      '1m/sqlite',
      '1m/postgres',
    ]);
  });

  it('runs each page right after its ceiling at each concurrency, then at a constant rate', () => {
    const steps = stepsOf(['home', 'article']);
    expect(steps).toEqual([
      { kind: 'saturated', target: 'ceiling', page: 'home', connections: 1 },
      { kind: 'saturated', target: 'page', page: 'home', connections: 1 },
      { kind: 'saturated', target: 'ceiling', page: 'article', connections: 1 },
      { kind: 'saturated', target: 'page', page: 'article', connections: 1 },
      { kind: 'saturated', target: 'ceiling', page: 'home', connections: 64 },
      { kind: 'saturated', target: 'page', page: 'home', connections: 64 },
      { kind: 'saturated', target: 'ceiling', page: 'article', connections: 64 },
      { kind: 'saturated', target: 'page', page: 'article', connections: 64 },
      { kind: 'constant-rate', target: 'ceiling', page: 'home', connections: 64 },
      { kind: 'constant-rate', target: 'page', page: 'home', connections: 64 },
      { kind: 'constant-rate', target: 'ceiling', page: 'article', connections: 64 },
      { kind: 'constant-rate', target: 'page', page: 'article', connections: 64 },
    ]);
  });

  it('offers cached pages the fixed rate and uncached ones half their saturated maximum', () => {
    expect(offeredRate('cached', 5000, 12_345)).toBe(5000);
    expect(offeredRate('uncached', 5000, 2627)).toBe(1314);
    // A page that answered nothing still gets a rate autocannon accepts.
    expect(offeredRate('uncached', 5000, 0)).toBe(1);
  });

  it('says how many seconds of load it takes', () => {
    const settings = readMatrixSettings({ BENCH_SIZES: '10k', BENCH_ENGINES: 'sqlite' });
    // 6 pages × 2 concurrencies × (ceiling + page) × (8 + 2) s, then 6 constant-rate runs of 8 s,
    // in each of 2 cache modes; the soak adds 300 + 2 s.
    const run = { seconds: 8, warmupSeconds: 2, pagesScenario: true, soak: true };
    expect(loadSeconds(settings, run)).toBe(2 * (24 * 10 + 12 * 8) + 302);
    expect(loadSeconds(settings, { ...run, pagesScenario: false })).toBe(302);
  });
});

describe('the pages', () => {
  it('are found from the reference article and its section', () => {
    const article = '/world/turkiye-russia-iran-syria-hold-constructive-talks';
    expect(pagePaths(article, sectionOf(article, undefined), 500)).toEqual({
      home: '/',
      section: '/world',
      'section-500': '/world?page=500',
      article,
      feed: '/rss.xml',
      sitemap: '/sitemap.xml',
    });
    expect(sectionOf(article, 'business')).toBe('business');
    expect(() => sectionOf(article, '../admin')).toThrow(/BENCH_SECTION must be a section's slug/);
  });

  it('ask for page 500 when the section has it, and its last page when it is shorter', async () => {
    const pagesOf = (count: number) => {
      const asked: number[] = [];
      const exists = (page: number) => {
        asked.push(page);
        return Promise.resolve(page <= count);
      };
      return { asked, exists };
    };
    const big = pagesOf(20_000);
    expect(await deepestPage(500, big.exists)).toBe(500);
    expect(big.asked).toEqual([500]);
    for (const count of [1, 2, 37, 499]) {
      expect(await deepestPage(500, pagesOf(count).exists)).toBe(count);
    }
  });
});
