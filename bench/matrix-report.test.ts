import { describe, expect, it } from 'vitest';
import { constant, mode, saturated } from './matrix-rows.fixture.js';
import {
  checkTargets,
  formatCell,
  formatSoak,
  formatTargets,
  keptUp,
  ratioTo,
  soakGrowth,
  type ModeResult,
  type SoakResult,
  unsoundRuns,
} from './matrix-report.js';

const verdicts = (modes: ModeResult[], soak: SoakResult | null = null) =>
  checkTargets(modes, soak).map((c) => `${c.where} | ${c.target} | ${c.measured} | ${c.met}`);

describe('the runs that went wrong', () => {
  const behind = { achievedRate: 3000, keptUp: false, latencyP50Ms: 90, latencyP99Ms: 400 };
  const abreast = { achievedRate: 5000, keptUp: true, latencyP50Ms: 1, latencyP99Ms: 3 };

  it('fail on any answer not 2xx, and on errors unless the ceiling fell behind at that rate', () => {
    const cached = mode({
      saturated: [saturated('article', 64, { errors: 2 }), saturated('home', 64)],
      constantRate: [
        constant('article', { errors: 40, ceiling: behind }),
        constant('home', { errors: 40, ceiling: abreast }),
        constant('feed', { non2xx: 1, ceiling: behind }),
        constant('sitemap', { errors: 3 }),
      ],
    });
    expect(unsoundRuns([cached])).toEqual({
      failed: [
        '10k sqlite cached article c=64',
        '10k sqlite cached home c=64',
        '10k sqlite cached feed c=64',
        '10k sqlite cached sitemap c=64',
      ],
      machineBound: ['10k sqlite cached article c=64'],
    });
  });

  it('find nothing wrong in clean runs', () => {
    const clean = mode({ saturated: [saturated('article', 64)], constantRate: [constant('home')] });
    expect(unsoundRuns([clean])).toEqual({ failed: [], machineBound: [] });
  });
});

describe('the target checks', () => {
  it('judge cached article and home pages by their share of the ceiling and p99 at 5,000 req/s', () => {
    const cached = mode({
      saturated: [
        saturated('article', 64, { ratioToCeiling: 0.7 }),
        saturated('home', 64, { ratioToCeiling: 0.6999 }),
      ],
      constantRate: [
        constant('article', { latencyP99Ms: 9 }),
        constant('home', { latencyP99Ms: 10 }),
      ],
    });
    expect(verdicts([cached])).toEqual([
      '10k sqlite cached | article: req/s at 64 connections >= 70.0% of the ceiling | 70.0% | true',
      '10k sqlite cached | home: req/s at 64 connections >= 70.0% of the ceiling | 70.0% | false',
      '10k sqlite cached | article: p99 < 10 ms at a constant 5000 req/s | 9 ms at 5000 req/s | true',
      '10k sqlite cached | home: p99 < 10 ms at a constant 5000 req/s | 10 ms at 5000 req/s | false',
    ]);
  });

  it('do not count a low p99 when the generator could not offer the load', () => {
    const cached = mode({
      constantRate: [constant('article', { achievedRate: 3000, keptUp: false, latencyP99Ms: 2 })],
    });
    const [check] = checkTargets([cached], null);
    expect(check?.met).toBe(false);
    expect(check?.note).toBe(
      'the generator sent 3000 req/s of 5000: not a measurement at that load',
    );
  });

  it('judge uncached pages by CPU per page, the article share and p99 at half their rate', () => {
    const uncached = mode({
      engine: 'postgres',
      size: '1m',
      cache: 'uncached',
      saturated: [
        saturated('article', 64, { serverCpuMsPerPage: 0.3, ratioToCeiling: 0.069 }),
        saturated('home', 64, { serverCpuMsPerPage: 1.2 }),
      ],
      constantRate: [
        constant('article', {
          offeredRate: 1300,
          latencyP99Ms: 49,
          ceiling: { achievedRate: 1300, keptUp: true, latencyP50Ms: 1, latencyP99Ms: 3 },
        }),
        constant('home', { offeredRate: 600, latencyP99Ms: 50 }),
      ],
    });
    expect(verdicts([uncached])).toEqual([
      '1m postgres uncached | article: server CPU <= 0.3 ms per page | 0.3 ms | true',
      '1m postgres uncached | home: server CPU <= 1 ms per page | 1.2 ms | false',
      '1m postgres uncached | article: req/s at 64 connections >= 7.0% of the ceiling | 6.9% | false',
      '1m postgres uncached | article: p99 < 50 ms at a constant half the saturated req/s | 49 ms at 1300 req/s (ceiling 3 ms) | true',
      '1m postgres uncached | home: p99 < 50 ms at a constant half the saturated req/s | 50 ms at 600 req/s | false',
    ]);
  });

  it('compare section page 500 with page 1 by CPU per page, and say when a shorter page stood in', () => {
    const rows = (deep: number) => [
      saturated('section', 64, { serverCpuMsPerPage: 0.5 }),
      saturated('section-500', 64, { serverCpuMsPerPage: deep }),
    ];
    const [within] = checkTargets([mode({ saturated: rows(1) })], null);
    expect(within).toMatchObject({ measured: '2× (1 / 0.5 ms)', met: true });
    const [beyond] = checkTargets([mode({ saturated: rows(1.01) })], null);
    expect(beyond?.met).toBe(false);
    const [short] = checkTargets(
      [mode({ saturated: rows(0.5), deepPage: { asked: 500, ran: 3 } })],
      null,
    );
    expect(short?.note).toBe('the section has no page 500: its last, page 3, stood in');
  });

  it('judge the soak by RSS growth, and leave out what was not measured', () => {
    const soak = soakResult([100, 120, 109.9]);
    expect(verdicts([], soak)).toEqual([
      '10k sqlite cached | soak: RSS growth < 10% | 9.9% (100 → 109.9 MB) | true',
    ]);
    expect(checkTargets([mode({})], null)).toEqual([]);
    expect(formatTargets([])).toBe('Targets: none measured in this run.');
  });
});

function soakResult(rss: number[]): SoakResult {
  const samples = rss.map((rssMb, i) => ({ atSeconds: (i + 1) * 5, rssMb }));
  const growth = soakGrowth(samples);
  return {
    size: '10k',
    engine: 'sqlite',
    cache: 'cached',
    connections: 64,
    seconds: 15,
    paths: ['/', '/world'],
    requestsPerSecond: 1234.5,
    latencyP99Ms: 40,
    non2xx: 0,
    errors: 0,
    sampleEverySeconds: 5,
    rssMb: { beforeLoad: 90, start: growth.start, peak: growth.peak, end: growth.end },
    growthPercent: growth.growthPercent,
    samples,
  };
}

describe('the small sums', () => {
  it('measure soak growth from the first sample under load to the last', () => {
    expect(soakGrowth([{ rssMb: 200 }, { rssMb: 260 }, { rssMb: 210 }])).toEqual({
      start: 200,
      end: 210,
      peak: 260,
      growthPercent: 5,
    });
    expect(soakGrowth([])).toEqual({ start: 0, end: 0, peak: 0, growthPercent: 0 });
  });

  it('count the generator as keeping up from 95 % of the offered rate', () => {
    expect(keptUp(5000, 4750)).toBe(true);
    expect(keptUp(5000, 4749)).toBe(false);
  });

  it('round ratios to four digits, and have none without a ceiling', () => {
    expect(ratioTo(3, 1)).toBe(0.3333);
    expect(ratioTo(0, 1)).toBeNull();
  });
});

describe('the tables', () => {
  it('print one database in Markdown, both cache modes, naming the page that stood in', () => {
    const modes = [
      mode({
        articles: 'demo',
        size: 'demo',
        deepPage: { asked: 500, ran: 1 },
        saturated: [saturated('section-500', 64, { peakRssMb: null })],
        constantRate: [
          constant('section-500', { keptUp: false, achievedRate: 900 }),
          constant('home', {
            ceiling: { achievedRate: 4000, keptUp: false, latencyP50Ms: 0.4, latencyP99Ms: 1.2 },
            generator: { name: 'paced', cpuMsPerRequest: 0.02 },
          }),
        ],
      }),
      mode({
        articles: 'demo',
        size: 'demo',
        cache: 'uncached',
        saturated: [saturated('home', 1)],
      }),
    ];
    expect(formatCell(modes)).toBe(
      [
        '### demo on sqlite (the demo paper)',
        '',
        'Saturated (req/s, CPU per page, memory):',
        '',
        '| cache | page | connections | req/s | ceiling req/s | ratio | p50 ms | p99 ms | server CPU ms/page | peak RSS MB | bytes/response | non-2xx | errors |',
        '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
        '| cached | section p1 (for p500) | 64 | 1000.0 | 10000.0 | 10.0% | 1 | 5 | 0.2 | - | 20000 | 0 | 0 |',
        '| uncached | home | 1 | 1000.0 | 10000.0 | 10.0% | 1 | 5 | 0.2 | 150 | 20000 | 0 | 0 |',
        '',
        'Constant offered load (latency):',
        '',
        '| cache | page | connections | offered req/s | achieved req/s | kept up | p50 ms | p99 ms | ceiling p50 ms | ceiling p99 ms | server CPU ms/page | generator CPU ms/req | non-2xx | errors |',
        '|---|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|',
        '| cached | section p1 (for p500) | 64 | 5000 | 900 | NO | 1 | 4 | - | - | 0.1 | - | 0 | 0 |',
        '| cached | home | 64 | 5000 | 4990 | yes | 1 | 4 | 0.4 | 1.2 (fell behind) | 0.1 | 0.02 | 0 | 0 |',
      ].join('\n'),
    );
  });

  it('print the soak and the verdicts', () => {
    const soak = soakResult([100, 130, 115]);
    expect(formatSoak(soak)).toBe(
      [
        'Soak: 15 s at 64 connections over /, /world (10k sqlite cached): 1234.5 req/s, p99 40 ms, non-2xx 0, errors 0.',
        'Server RSS (sampled every 5 s): 90 MB before the load, 100 MB at the first sample, 130 MB at the peak, 115 MB at the end: growth 15%.',
      ].join('\n'),
    );
    expect(formatTargets(checkTargets([], soak))).toBe(
      [
        'Targets: 0 of 1 met.',
        '',
        '| target | where | measured | verdict |',
        '|---|---|---|---|',
        '| soak: RSS growth < 10% | 10k sqlite cached | 15% (100 → 115 MB) | MISSED |',
      ].join('\n'),
    );
  });
});
