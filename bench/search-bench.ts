/**
 * The `search` part of `npm run bench`: reader searches (`/search?q=`) at each archive size on
 * each engine, against the kept seeded databases (BENCH_DATA_DIR), with a mix of common words,
 * rare names, phrases and typos (search-queries.ts) offered at a constant rate from a process
 * of its own; p50 and p99 per kind and overall, and the server's CPU per search.
 */
import { join } from 'node:path';
import { runToCompletion, type RunningChild } from './child-process.js';
import { parseSize, type Engine } from './matrix.js';
import { prepareData, type BenchData } from './prepare-data.js';
import { median } from './rounds.js';
import { cpuSeconds, waitUntilIdle } from './process-usage.js';
import type { KindLatency, SearchLoadOptions, SearchLoadResult } from './search-load-child.js';
import { QUERY_KINDS, searchQueries, type QueryKind } from './search-queries.js';
import { startDateline } from './servers.js';

/** The target issue 14 sets: every kind of search answered within 100 ms at the 99th percentile. */
export const SEARCH_P99_TARGET_MS = 100;

export interface SearchRun extends SearchLoadResult {
  size: string;
  engine: Engine;
  rate: number;
  /** The server's CPU time (all threads) per search. */
  serverCpuMsPerSearch: number | null;
  /** How many stories each kind's queries found, the median of them (warm-up pass). */
  medianMatches: Partial<Record<QueryKind, number>>;
}

interface SearchSettings {
  sizes: string[];
  engines: Engine[];
  rate: number;
  seconds: number;
  connections: number;
}

function readSearchSettings(env: NodeJS.ProcessEnv): SearchSettings {
  const list = (raw: string | undefined, fallback: string) =>
    (raw?.trim() ? raw : fallback).split(',').map((item) => item.trim());
  const engines = list(env.BENCH_ENGINES, 'sqlite,postgres');
  if (engines.some((e) => e !== 'sqlite' && e !== 'postgres'))
    throw new Error(`BENCH_ENGINES must list sqlite and/or postgres, not "${env.BENCH_ENGINES}"`);
  const positive = (name: string, fallback: number) => {
    const value = Number(env[name] || fallback);
    if (!(value > 0)) throw new Error(`${name} must be a positive number, not "${env[name]}"`);
    return value;
  };
  const sizes = list(env.BENCH_SEARCH_SIZES, '100k,1m');
  sizes.forEach(parseSize);
  return {
    sizes,
    engines: engines as Engine[],
    rate: positive('BENCH_SEARCH_RATE', 5),
    seconds: positive('BENCH_SEARCH_SECONDS', 48),
    connections: 8,
  };
}

const pathOf = (text: string) => `/search?q=${encodeURIComponent(text)}`;

/** How many stories a search page says it found. */
function matchesOn(html: string): number {
  if (/No stories match/.test(html)) return 0;
  if (/One story matches/.test(html)) return 1;
  return Number(/(\d[\d,]*)\+? stories match/.exec(html)?.[1]?.replace(/,/g, '') ?? NaN);
}

/** Every query once, unmeasured: warms the caches, and records what each kind finds. */
async function warmUp(origin: string): Promise<Partial<Record<QueryKind, number>>> {
  const found = new Map<QueryKind, number[]>();
  for (const query of searchQueries()) {
    const response = await fetch(`${origin}${pathOf(query.text)}`);
    const html = await response.text();
    if (response.status !== 200)
      throw new Error(`${pathOf(query.text)} answered ${response.status}`);
    found.set(query.kind, [...(found.get(query.kind) ?? []), matchesOn(html)]);
  }
  return Object.fromEntries([...found].map(([kind, counts]) => [kind, median(counts)]));
}

async function measure(
  root: string,
  data: BenchData,
  settings: SearchSettings,
  track: (child: RunningChild) => void,
  started: RunningChild[],
): Promise<Omit<SearchRun, 'size' | 'engine'>> {
  const origin = await startDateline(root, data, (child) => {
    started.push(child);
    track(child);
  });
  const pid = started[started.length - 1]?.process.pid;
  const medianMatches = await warmUp(origin);
  if (pid !== undefined) await waitUntilIdle(pid);
  const options: SearchLoadOptions = {
    origin,
    paths: searchQueries().map((q) => ({ kind: q.kind, path: pathOf(q.text) })),
    rate: settings.rate,
    seconds: settings.seconds,
    connections: settings.connections,
  };
  const cpuBefore = pid === undefined ? 0 : await cpuSeconds(pid);
  const child = join(root, 'dist', 'bench', 'search-load-child.js');
  const stdout = await runToCompletion(process.execPath, [child, JSON.stringify(options)], {
    cwd: root,
    env: process.env,
  });
  const cpuAfter = pid === undefined ? 0 : await cpuSeconds(pid);
  const load = JSON.parse(stdout.trim().split('\n').pop() ?? '') as SearchLoadResult;
  const serverCpuMsPerSearch =
    pid === undefined ? null : Math.round(((cpuAfter - cpuBefore) * 1e5) / load.searches) / 100;
  return { ...load, rate: settings.rate, serverCpuMsPerSearch, medianMatches };
}

const cell = (latency: KindLatency | undefined) =>
  latency ? `${latency.p50Ms} / ${latency.p99Ms}` : '-';

/** The runs as a Markdown table: p50 / p99 in ms per kind, overall, CPU per search. */
export function formatSearchRuns(runs: SearchRun[]): string {
  const header = `| archive | engine | ${QUERY_KINDS.join(' | ')} | overall | CPU ms/search | found (median per kind) |`;
  const rows = runs.map(
    (run) =>
      `| ${run.size} | ${run.engine} | ${QUERY_KINDS.map((k) => cell(run.byKind[k])).join(' | ')} | ` +
      `${cell(run.overall)} | ${run.serverCpuMsPerSearch ?? '-'} | ` +
      `${QUERY_KINDS.map((k) => run.medianMatches[k] ?? '-').join(' / ')} |`,
  );
  const missed = runs.filter((run) => run.overall.p99Ms > SEARCH_P99_TARGET_MS);
  const verdict = missed.length
    ? `p99 over ${SEARCH_P99_TARGET_MS} ms: ${missed.map((r) => `${r.size} ${r.engine}`).join(', ')}`
    : `every run's p99 under ${SEARCH_P99_TARGET_MS} ms`;
  return [
    `Search latency, ms p50 / p99 (searches at a constant rate, latency from when each was due):`,
    '',
    header,
    `|${' --- |'.repeat(QUERY_KINDS.length + 5)}`,
    ...rows,
    '',
    verdict,
  ].join('\n');
}

/** The search part: each size on each engine in turn, one server at a time. */
export async function searchPart(
  root: string,
  seedDir: string,
  track: (child: RunningChild) => void,
  stop: (children: RunningChild[]) => Promise<void>,
): Promise<{ failed: boolean; parts: Record<string, unknown> }> {
  const settings = readSearchSettings(process.env);
  const runs: SearchRun[] = [];
  for (const size of settings.sizes) {
    for (const engine of settings.engines) {
      console.error(`bench: search at ${size} on ${engine}…`);
      const data = await prepareData(root, seedDir, { size: parseSize(size), engine });
      const started: RunningChild[] = [];
      try {
        runs.push({ size, engine, ...(await measure(root, data, settings, track, started)) });
      } finally {
        await stop(started);
        await data.remove();
      }
    }
  }
  console.log(`${formatSearchRuns(runs)}\n`);
  const failed = runs.some((run) => run.non2xx > 0 || run.errors > 0);
  return {
    failed,
    parts: { search: { date: new Date().toISOString(), targetP99Ms: SEARCH_P99_TARGET_MS, runs } },
  };
}
