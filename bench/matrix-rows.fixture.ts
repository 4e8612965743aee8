/** Rows of the page matrix for its tests: a plausible run, with the fields a test sets. */
import type { ConstantRateRow, ModeResult, SaturatedRow } from './matrix-report.js';
import type { PageName } from './matrix.js';

export function saturated(page: PageName, connections: number, over: Partial<SaturatedRow> = {}) {
  return {
    page,
    path: page === 'home' ? '/' : `/${page}`,
    connections,
    requestsPerSecond: 1000,
    latencyP50Ms: 1,
    latencyP99Ms: 5,
    serverCpuMsPerPage: 0.2,
    peakRssMb: 150,
    bytesPerResponse: 20_000,
    ceilingRequestsPerSecond: 10_000,
    ratioToCeiling: 0.1,
    non2xx: 0,
    errors: 0,
    ...over,
  } satisfies SaturatedRow;
}

export function constant(page: PageName, over: Partial<ConstantRateRow> = {}) {
  return {
    page,
    path: `/${page}`,
    connections: 64,
    offeredRate: 5000,
    achievedRate: 4990,
    keptUp: true,
    latencyP50Ms: 1,
    latencyP99Ms: 4,
    serverCpuMsPerPage: 0.1,
    non2xx: 0,
    errors: 0,
    ...over,
  } satisfies ConstantRateRow;
}

export function mode(over: Partial<ModeResult>): ModeResult {
  return {
    size: '10k',
    articles: 10_000,
    engine: 'sqlite',
    cache: 'cached',
    deepPage: { asked: 500, ran: 500 },
    saturated: [],
    constantRate: [],
    ...over,
  };
}
