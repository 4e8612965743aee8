/**
 * Runs the page matrix: for each archive size on each engine, seeds one database, then in each
 * cache mode starts Dateline and a ceiling serving the same pages' bytes, and drives both with
 * the load child. The soak runs on the first database, cached, after its matrix runs.
 */
import { stopChild, type RunningChild } from './child-process.js';
import { runChargedLoad, type ChargedLoad } from './load-runner.js';
import {
  DEEP_PAGE,
  cellsOf,
  deepestPage,
  offeredRate,
  pagePaths,
  sectionOf,
  stepsOf,
  type CacheMode,
  type Cell,
  type MatrixSettings,
  type PageName,
} from './matrix.js';
import {
  keptUp,
  ratioTo,
  type ConstantRateRow,
  type ModeResult,
  type SaturatedRow,
  type SoakResult,
} from './matrix-report.js';
import { prepareData, type BenchData } from './prepare-data.js';
import { snapshotPage, startCeiling, startDateline } from './servers.js';
import type { BenchSettings } from './settings.js';
import { runSoak } from './soak.js';

/** What the matrix needs from its caller: where it runs and how to register what to tear down. */
export interface MatrixContext {
  root: string;
  seedDir: string;
  bench: BenchSettings;
  matrix: MatrixSettings;
  runPages: boolean;
  runSoak: boolean;
  track: (child: RunningChild) => void;
  trackData: (data: BenchData) => void;
}

/** A running Dateline in one cache mode, with the pages it serves. */
export interface ModeServer {
  origin: string;
  pid: number | undefined;
  paths: Record<PageName, string>;
  deepPage: number;
  children: RunningChild[];
}

/** The server's environment for a cache mode: the page cache off for uncached runs. */
const cacheEnv = (cache: CacheMode): NodeJS.ProcessEnv =>
  cache === 'uncached' ? { PAGE_CACHE_MB: '0' } : {};

export async function startModeServer(
  context: MatrixContext,
  data: BenchData,
  cache: CacheMode,
): Promise<ModeServer> {
  const children: RunningChild[] = [];
  const track = (child: RunningChild) => {
    children.push(child);
    context.track(child);
  };
  const origin = await startDateline(context.root, data, track, cacheEnv(cache));
  const section = sectionOf(data.articlePath, process.env.BENCH_SECTION);
  const deepPage = await deepestPage(DEEP_PAGE, async (page) => {
    const response = await fetch(`${origin}/${section}?page=${page}`);
    await response.arrayBuffer();
    return response.status === 200;
  });
  const paths = pagePaths(data.articlePath, section, deepPage);
  return { origin, pid: children[0]?.process.pid, paths, deepPage, children };
}

const stopAll = (children: RunningChild[]) => Promise.all(children.map((c) => stopChild(c)));

function log(where: string, what: string, load: ChargedLoad): void {
  console.error(
    `bench: ${where} ${what}: ${load.requestsPerSecond.toFixed(1)} req/s, p99 ${load.latencyP99Ms} ms, ` +
      `CPU ${load.serverCpuMsPerPage ?? '-'} ms/page, non-2xx ${load.non2xx}, errors ${load.errors}`,
  );
}

/** One cache mode on one database: every step of the plan against its server and ceiling. */
async function runMode(
  context: MatrixContext,
  cell: Cell,
  data: BenchData,
  cache: CacheMode,
): Promise<ModeResult> {
  const server = await startModeServer(context, data, cache);
  const where = `${cell.size.label} ${cell.engine} ${cache}`;
  try {
    const pages = context.matrix.pages;
    const snapshots = await Promise.all(
      pages.map((page) => snapshotPage(server.origin, server.paths[page])),
    );
    const ceiling = await startCeiling(context.root, data.dir, snapshots, (child) => {
      server.children.push(child);
      context.track(child);
    });
    const ceilingPid = server.children.at(-1)?.process.pid;
    const { seconds, warmupSeconds } = context.bench;
    const saturated: SaturatedRow[] = [];
    const constantRate: ConstantRateRow[] = [];
    let ceilingRate = 0;
    let ceilingAtRate: ChargedLoad | undefined;
    for (const step of stepsOf(pages)) {
      const path = server.paths[step.page];
      const options = { connections: step.connections, seconds };
      if (step.kind === 'saturated') {
        const onCeiling = step.target === 'ceiling';
        const url = `${onCeiling ? ceiling : server.origin}${path}`;
        const pid = onCeiling ? ceilingPid : server.pid;
        if (warmupSeconds > 0) {
          await runChargedLoad(context.root, { ...options, url, seconds: warmupSeconds }, pid);
        }
        const load = await runChargedLoad(context.root, { ...options, url }, pid);
        log(where, `${onCeiling ? 'ceiling of ' : ''}${step.page} c=${step.connections}`, load);
        if (onCeiling) ceilingRate = load.requestsPerSecond;
        else saturated.push(saturatedRow(step.page, path, step.connections, load, ceilingRate));
        continue;
      }
      const max = saturated.find((r) => r.page === step.page && r.connections === 64);
      const rate = offeredRate(cache, context.matrix.cachedRate, max?.requestsPerSecond ?? 0);
      const onCeiling = step.target === 'ceiling';
      const load = await runChargedLoad(
        context.root,
        {
          ...options,
          url: `${onCeiling ? ceiling : server.origin}${path}`,
          overallRate: rate,
          rateClient: context.matrix.rateClient,
        },
        onCeiling ? ceilingPid : server.pid,
      );
      log(where, `${onCeiling ? 'ceiling of ' : ''}${step.page} at ${rate} req/s`, load);
      if (onCeiling) ceilingAtRate = load;
      else
        constantRate.push(
          constantRateRow(step.page, path, step.connections, rate, load, ceilingAtRate),
        );
    }
    return {
      size: cell.size.label,
      articles: cell.size.articles,
      engine: cell.engine,
      cache,
      deepPage: { asked: DEEP_PAGE, ran: server.deepPage },
      saturated,
      constantRate,
    };
  } finally {
    await stopAll(server.children);
  }
}

function saturatedRow(
  page: PageName,
  path: string,
  connections: number,
  load: ChargedLoad,
  ceilingRate: number,
): SaturatedRow {
  return {
    page,
    path,
    connections,
    requestsPerSecond: Math.round(load.requestsPerSecond * 10) / 10,
    latencyP50Ms: load.latencyP50Ms,
    latencyP99Ms: load.latencyP99Ms,
    serverCpuMsPerPage: load.serverCpuMsPerPage,
    peakRssMb: load.peakRssMb,
    bytesPerResponse: load.requests > 0 ? Math.round(load.bytes / load.requests) : 0,
    ceilingRequestsPerSecond: Math.round(ceilingRate * 10) / 10,
    ratioToCeiling: ratioTo(ceilingRate, load.requestsPerSecond),
    non2xx: load.non2xx,
    errors: load.errors,
  };
}

/** Requests answered per second: the paced client counts those answered within its schedule. */
function achievedRate(load: ChargedLoad): number {
  const rate =
    load.generator?.name === 'paced'
      ? load.requestsPerSecond
      : load.durationSeconds > 0
        ? load.requests / load.durationSeconds
        : 0;
  return Math.round(rate * 10) / 10;
}

function constantRateRow(
  page: PageName,
  path: string,
  connections: number,
  offered: number,
  load: ChargedLoad,
  ceiling: ChargedLoad | undefined,
): ConstantRateRow {
  const achieved = achievedRate(load);
  const ceilingAchieved = ceiling ? achievedRate(ceiling) : 0;
  return {
    page,
    path,
    connections,
    offeredRate: offered,
    achievedRate: achieved,
    keptUp: keptUp(offered, achieved),
    latencyP50Ms: load.latencyP50Ms,
    latencyP99Ms: load.latencyP99Ms,
    serverCpuMsPerPage: load.serverCpuMsPerPage,
    non2xx: load.non2xx,
    errors: load.errors,
    ...(ceiling && {
      ceiling: {
        achievedRate: ceilingAchieved,
        keptUp: keptUp(offered, ceilingAchieved),
        latencyP50Ms: ceiling.latencyP50Ms,
        latencyP99Ms: ceiling.latencyP99Ms,
      },
    }),
    ...(load.generator && { generator: load.generator }),
  };
}

export interface MatrixOutcome {
  modes: ModeResult[];
  soak: SoakResult | null;
}

/**
 * Every cell in turn, each database seeded once for both cache modes and dropped after; a
 * failure stops the matrix (the caller reports it and cleans up).
 */
export async function runMatrix(
  context: MatrixContext,
  onCell: (modes: ModeResult[]) => void,
): Promise<MatrixOutcome> {
  const modes: ModeResult[] = [];
  let soak: SoakResult | null = null;
  const cells = cellsOf(context.matrix);
  // Without the pages, only the soak's database is needed.
  const wanted = context.runPages ? cells : cells.slice(0, 1);
  for (const [index, cell] of wanted.entries()) {
    console.error(`bench: ${cell.size.label} on ${cell.engine}: preparing the database…`);
    const data = await prepareData(context.root, context.seedDir, cell);
    context.trackData(data);
    try {
      if (context.runPages) {
        const cellModes: ModeResult[] = [];
        for (const cache of context.matrix.cacheModes) {
          cellModes.push(await runMode(context, cell, data, cache));
        }
        modes.push(...cellModes);
        onCell(cellModes);
      }
      if (context.runSoak && index === 0) soak = await soakOn(context, cell, data);
    } finally {
      await data.remove();
    }
  }
  return { modes, soak };
}

/** The soak on the server as deployed (page cache on), over every page of the matrix. */
async function soakOn(context: MatrixContext, cell: Cell, data: BenchData): Promise<SoakResult> {
  const server = await startModeServer(context, data, 'cached');
  try {
    const paths = context.matrix.pages.map((page) => server.paths[page]);
    console.error(
      `bench: soak for ${context.matrix.soakSeconds} s on ${cell.size.label} ${cell.engine}…`,
    );
    const result = await runSoak(context.root, {
      origin: server.origin,
      pid: server.pid,
      paths,
      seconds: context.matrix.soakSeconds,
      warmupSeconds: context.bench.warmupSeconds,
    });
    return { size: cell.size.label, engine: cell.engine, cache: 'cached', ...result };
  } finally {
    await stopAll(server.children);
  }
}
