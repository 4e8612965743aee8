/**
 * The page matrix's results as data, Markdown tables and target verdicts. Pure: the tables go
 * to the terminal and, pasted, to docs/performance.md; the verdicts follow the issue's targets.
 */
import type { CacheMode, Engine, PageName } from './matrix.js';
import type { GeneratorUsage } from './load-runner.js';

/** A saturated run of one page beside the ceiling's run of the same bytes. */
export interface SaturatedRow {
  page: PageName;
  path: string;
  connections: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  serverCpuMsPerPage: number | null;
  peakRssMb: number | null;
  bytesPerResponse: number;
  ceilingRequestsPerSecond: number;
  ratioToCeiling: number | null;
  non2xx: number;
  errors: number;
}

/** A run at a constant offered load, below saturation, for its latency. */
export interface ConstantRateRow {
  page: PageName;
  path: string;
  connections: number;
  offeredRate: number;
  achievedRate: number;
  /** Whether the generator sent what it was asked to (within 5 %): else p99 says little. */
  keptUp: boolean;
  latencyP50Ms: number;
  latencyP99Ms: number;
  serverCpuMsPerPage: number | null;
  non2xx: number;
  errors: number;
  /** The ceiling serving the page's bytes at the same rate, just before: the honest reference. */
  ceiling?: { achievedRate: number; keptUp: boolean; latencyP50Ms: number; latencyP99Ms: number };
  /** The load generator's own cost, to tell whether it was the limit. */
  generator?: GeneratorUsage;
}

/**
 * The runs that went wrong: any answer not 2xx, or errors (client timeouts) — except, for a
 * constant-rate run whose ceiling could not keep the same rate either, errors alone, which then
 * say the machine was short of CPU, not that Dateline failed: those are `machineBound`, reported
 * as not a measurement.
 */
export function unsoundRuns(modes: ModeResult[]): { failed: string[]; machineBound: string[] } {
  const failed: string[] = [];
  const machineBound: string[] = [];
  for (const m of modes)
    for (const r of [...m.saturated, ...m.constantRate]) {
      if (r.non2xx === 0 && r.errors === 0) continue;
      const label = `${m.size} ${m.engine} ${m.cache} ${r.page} c=${r.connections}`;
      const ceiling = 'ceiling' in r ? r.ceiling : undefined;
      if (r.non2xx === 0 && ceiling && !ceiling.keptUp) machineBound.push(label);
      else failed.push(label);
    }
  return { failed, machineBound };
}

/** Everything measured on one database in one cache mode. */
export interface ModeResult {
  size: string;
  articles: number | 'demo';
  engine: Engine;
  cache: CacheMode;
  /** The section front's deep page: the one asked for and the one that ran (see deepestPage). */
  deepPage: { asked: number; ran: number };
  saturated: SaturatedRow[];
  constantRate: ConstantRateRow[];
}

export interface SoakResult {
  size: string;
  engine: Engine;
  cache: CacheMode;
  connections: number;
  seconds: number;
  paths: string[];
  requestsPerSecond: number;
  latencyP99Ms: number;
  non2xx: number;
  errors: number;
  sampleEverySeconds: number;
  /** Before any load; at the first sample under load; the highest sample; the last one. */
  rssMb: { beforeLoad: number; start: number; peak: number; end: number };
  /** (end - start) / start, in percent: growth under steady load, not the first allocations. */
  growthPercent: number;
  samples: { atSeconds: number; rssMb: number }[];
}

export interface TargetCheck {
  target: string;
  where: string;
  measured: string;
  met: boolean;
  note?: string;
}

/** The issue's targets, in one place. */
export const TARGETS = {
  cachedRatioAt64: 0.7,
  cachedP99Ms: 10,
  uncachedArticleCpuMs: 0.3,
  uncachedHomeCpuMs: 1,
  uncachedArticleRatioAt64: 0.07,
  uncachedP99Ms: 50,
  deepPageFactor: 2,
  soakGrowthPercent: 10,
} as const;

export const KEPT_UP_SHARE = 0.95;

const round = (value: number, digits: number) => {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
};

/** Whether the generator sent at least 95 % of the offered load. */
export function keptUp(offered: number, achieved: number): boolean {
  return achieved >= offered * KEPT_UP_SHARE;
}

/** A page's saturated row and its ceiling's req/s, with the ratio rounded once. */
export function ratioTo(ceilingRequestsPerSecond: number, requestsPerSecond: number) {
  return ceilingRequestsPerSecond > 0
    ? round(requestsPerSecond / ceilingRequestsPerSecond, 4)
    : null;
}

/** Growth of resident memory over a soak, from its first sample under load to its last. */
export function soakGrowth(samples: { rssMb: number }[]) {
  const start = samples[0]?.rssMb ?? 0;
  const end = samples.at(-1)?.rssMb ?? 0;
  const peak = samples.reduce((highest, s) => Math.max(highest, s.rssMb), 0);
  const growthPercent = start > 0 ? round(((end - start) / start) * 100, 1) : 0;
  return { start, end, peak, growthPercent };
}

const whereOf = (m: ModeResult) => `${m.size} ${m.engine} ${m.cache}`;
const percent = (ratio: number | null) => (ratio === null ? '-' : `${(ratio * 100).toFixed(1)}%`);
const row64 = (m: ModeResult, page: PageName) =>
  m.saturated.find((r) => r.page === page && r.connections === 64);

function ratioCheck(m: ModeResult, page: PageName, limit: number): TargetCheck[] {
  const row = row64(m, page);
  if (!row) return [];
  const met = row.ratioToCeiling !== null && row.ratioToCeiling >= limit;
  return [
    {
      target: `${page}: req/s at 64 connections >= ${percent(limit)} of the ceiling`,
      where: whereOf(m),
      measured: percent(row.ratioToCeiling),
      met,
    },
  ];
}

function p99Check(m: ModeResult, page: PageName, limitMs: number): TargetCheck[] {
  const row = m.constantRate.find((r) => r.page === page);
  if (!row) return [];
  const beside = row.ceiling ? ` (ceiling ${row.ceiling.latencyP99Ms} ms)` : '';
  const measured = `${row.latencyP99Ms} ms at ${row.offeredRate} req/s${beside}`;
  const target = `${page}: p99 < ${limitMs} ms at a constant ${m.cache === 'cached' ? row.offeredRate : 'half the saturated'} req/s`;
  if (!row.keptUp) {
    const note = `the generator sent ${row.achievedRate} req/s of ${row.offeredRate}: not a measurement at that load`;
    return [{ target, where: whereOf(m), measured, met: false, note }];
  }
  return [{ target, where: whereOf(m), measured, met: row.latencyP99Ms < limitMs }];
}

function cpuCheck(m: ModeResult, page: PageName, limitMs: number): TargetCheck[] {
  const row = row64(m, page);
  if (!row) return [];
  const cpu = row.serverCpuMsPerPage;
  return [
    {
      target: `${page}: server CPU <= ${limitMs} ms per page`,
      where: whereOf(m),
      measured: cpu === null ? '-' : `${cpu} ms`,
      met: cpu !== null && cpu <= limitMs,
    },
  ];
}

function deepPageCheck(m: ModeResult): TargetCheck[] {
  const first = row64(m, 'section');
  const deep = row64(m, 'section-500');
  if (!first || !deep || first.serverCpuMsPerPage === null || deep.serverCpuMsPerPage === null) {
    return [];
  }
  const factor = round(deep.serverCpuMsPerPage / first.serverCpuMsPerPage, 2);
  const check: TargetCheck = {
    target: `section page ${m.deepPage.asked}: server CPU per page within ${TARGETS.deepPageFactor}× of page 1`,
    where: whereOf(m),
    measured: `${factor}× (${deep.serverCpuMsPerPage} / ${first.serverCpuMsPerPage} ms)`,
    met: factor <= TARGETS.deepPageFactor,
  };
  if (m.deepPage.ran !== m.deepPage.asked) {
    check.note = `the section has no page ${m.deepPage.asked}: its last, page ${m.deepPage.ran}, stood in`;
  }
  return [check];
}

/** Every target the issue sets, judged on what this run measured; unmeasured ones are left out. */
export function checkTargets(modes: ModeResult[], soak: SoakResult | null): TargetCheck[] {
  const checks = modes.flatMap((m) =>
    m.cache === 'cached'
      ? [
          ...ratioCheck(m, 'article', TARGETS.cachedRatioAt64),
          ...ratioCheck(m, 'home', TARGETS.cachedRatioAt64),
          ...p99Check(m, 'article', TARGETS.cachedP99Ms),
          ...p99Check(m, 'home', TARGETS.cachedP99Ms),
          ...deepPageCheck(m),
        ]
      : [
          ...cpuCheck(m, 'article', TARGETS.uncachedArticleCpuMs),
          ...cpuCheck(m, 'home', TARGETS.uncachedHomeCpuMs),
          ...ratioCheck(m, 'article', TARGETS.uncachedArticleRatioAt64),
          ...p99Check(m, 'article', TARGETS.uncachedP99Ms),
          ...p99Check(m, 'home', TARGETS.uncachedP99Ms),
          ...deepPageCheck(m),
        ],
  );
  if (soak) {
    checks.push({
      target: `soak: RSS growth < ${TARGETS.soakGrowthPercent}%`,
      where: `${soak.size} ${soak.engine} ${soak.cache}`,
      measured: `${soak.growthPercent}% (${soak.rssMb.start} → ${soak.rssMb.end} MB)`,
      met: soak.growthPercent < TARGETS.soakGrowthPercent,
    });
  }
  return checks;
}

const line = (cells: (string | number | null)[]) =>
  `| ${cells.map((c) => (c === null ? '-' : c)).join(' | ')} |`;

/** The deep page says which page ran when the section is shorter than the page asked for. */
export function pageLabel(m: ModeResult, page: PageName): string {
  if (page !== 'section-500') return page;
  const { asked, ran } = m.deepPage;
  return ran === asked ? `section p${asked}` : `section p${ran} (for p${asked})`;
}

/** The saturated runs of one database, both cache modes, a row per page and concurrency. */
export function formatSaturated(modes: ModeResult[]): string {
  const header = [
    '| cache | page | connections | req/s | ceiling req/s | ratio | p50 ms | p99 ms | server CPU ms/page | peak RSS MB | bytes/response | non-2xx | errors |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const rows = modes.flatMap((m) =>
    m.saturated.map((r) =>
      line([
        m.cache,
        pageLabel(m, r.page),
        r.connections,
        r.requestsPerSecond.toFixed(1),
        r.ceilingRequestsPerSecond.toFixed(1),
        percent(r.ratioToCeiling),
        r.latencyP50Ms,
        r.latencyP99Ms,
        r.serverCpuMsPerPage,
        r.peakRssMb,
        r.bytesPerResponse,
        r.non2xx,
        r.errors,
      ]),
    ),
  );
  return [...header, ...rows].join('\n');
}

/** The constant-rate runs of one database, both cache modes. */
export function formatConstantRate(modes: ModeResult[]): string {
  const header = [
    '| cache | page | connections | offered req/s | achieved req/s | kept up | p50 ms | p99 ms | ceiling p50 ms | ceiling p99 ms | server CPU ms/page | generator CPU ms/req | non-2xx | errors |',
    '|---|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const rows = modes.flatMap((m) =>
    m.constantRate.map((r) =>
      line([
        m.cache,
        pageLabel(m, r.page),
        r.connections,
        r.offeredRate,
        r.achievedRate,
        r.keptUp ? 'yes' : 'NO',
        r.latencyP50Ms,
        r.latencyP99Ms,
        r.ceiling?.latencyP50Ms ?? '-',
        r.ceiling ? `${r.ceiling.latencyP99Ms}${r.ceiling.keptUp ? '' : ' (fell behind)'}` : '-',
        r.serverCpuMsPerPage,
        r.generator?.cpuMsPerRequest ?? '-',
        r.non2xx,
        r.errors,
      ]),
    ),
  );
  return [...header, ...rows].join('\n');
}

/** Both tables of one database under a heading naming it. */
export function formatCell(modes: ModeResult[]): string {
  const first = modes[0];
  if (!first) return '';
  const articles = first.articles === 'demo' ? 'the demo paper' : `${first.articles} articles`;
  return [
    `### ${first.size} on ${first.engine} (${articles})`,
    '',
    'Saturated (req/s, CPU per page, memory):',
    '',
    formatSaturated(modes),
    '',
    'Constant offered load (latency):',
    '',
    formatConstantRate(modes),
  ].join('\n');
}

export function formatSoak(soak: SoakResult): string {
  const { rssMb: m } = soak;
  return [
    `Soak: ${soak.seconds} s at ${soak.connections} connections over ${soak.paths.join(', ')} ` +
      `(${soak.size} ${soak.engine} ${soak.cache}): ${soak.requestsPerSecond.toFixed(1)} req/s, ` +
      `p99 ${soak.latencyP99Ms} ms, non-2xx ${soak.non2xx}, errors ${soak.errors}.`,
    `Server RSS (sampled every ${soak.sampleEverySeconds} s): ${m.beforeLoad} MB before the load, ` +
      `${m.start} MB at the first sample, ${m.peak} MB at the peak, ${m.end} MB at the end: ` +
      `growth ${soak.growthPercent}%.`,
  ].join('\n');
}

/** The verdicts, one row a target and database. */
export function formatTargets(checks: TargetCheck[]): string {
  if (checks.length === 0) return 'Targets: none measured in this run.';
  const met = checks.filter((c) => c.met).length;
  return [
    `Targets: ${met} of ${checks.length} met.`,
    '',
    '| target | where | measured | verdict |',
    '|---|---|---|---|',
    ...checks.map((c) =>
      line([
        c.target,
        c.where,
        c.measured,
        `${c.met ? 'met' : 'MISSED'}${c.note ? ` (${c.note})` : ''}`,
      ]),
    ),
  ].join('\n');
}
