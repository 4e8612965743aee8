/**
 * Runs the load generator (`load-child.ts`) in its own process and charges the run to the
 * server: its CPU time per response and its peak resident memory, read from /proc while the
 * child drives it.
 */
import { join } from 'node:path';
import { runToCompletion } from './child-process.js';
import type { RateClient } from './matrix.js';
import { cpuSeconds, sampleMemory, waitUntilIdle } from './process-usage.js';

export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  /** A constant offered load in req/s across all connections; saturating when absent. */
  overallRate?: number;
  /** Paths the connections walk in turn (the soak's mix); `url`'s path when absent. */
  paths?: string[];
  /** Who generates a constant-rate load: the paced client unless told. */
  rateClient?: RateClient;
}

/** What the load generator itself cost, to tell whether it, not the server, was the limit. */
export interface GeneratorUsage {
  name: RateClient;
  /** The generator process's CPU time per request sent. */
  cpuMsPerRequest: number;
  /** p99 of how late its timer woke against the request it was due for (paced client only). */
  timerLagP99Ms?: number;
  /** p99 measured from when each request actually left, as a closed-loop client would (paced only). */
  fromSendP99Ms?: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  requests: number;
  durationSeconds: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** Bytes read off the wire, headers included. */
  bytes: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  generator?: GeneratorUsage;
}

/** A load run plus what it cost the server. */
export interface ChargedLoad extends LoadResult {
  /** The server's CPU time (all its threads) per response; null when unknown. */
  serverCpuMsPerPage: number | null;
  /** The server's highest resident memory sampled during the run, MB; null when unknown. */
  peakRssMb: number | null;
}

/** Runs the load child to completion and reads its one JSON line. */
export async function runLoad(root: string, options: LoadOptions): Promise<LoadResult> {
  const paced = options.overallRate !== undefined && (options.rateClient ?? 'paced') === 'paced';
  const child = join(root, 'dist', 'bench', paced ? 'paced-load-child.js' : 'load-child.js');
  const stdout = await runToCompletion(process.execPath, [child, JSON.stringify(options)], {
    cwd: root,
    env: process.env,
  });
  const line = stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as LoadResult;
  } catch {
    throw new Error(`the load child printed no result:\n${stdout.slice(0, 500)}`);
  }
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;

/** Runs the load child against a server whose process is `pid` and charges it the run. */
export async function runChargedLoad(
  root: string,
  options: LoadOptions,
  pid: number | undefined,
): Promise<ChargedLoad> {
  if (pid === undefined) {
    return { ...(await runLoad(root, options)), serverCpuMsPerPage: null, peakRssMb: null };
  }
  const waitedMs = await waitUntilIdle(pid);
  if (waitedMs > 2000) {
    console.error(
      `bench: waited ${Math.round(waitedMs / 1000)} s for the server to finish earlier requests`,
    );
  }
  const cpuBefore = await cpuSeconds(pid);
  const memory = sampleMemory(pid);
  const load = await runLoad(root, options).finally(() => memory.stop());
  const cpuAfter = await cpuSeconds(pid);
  const peakRssMb = await memory.stop();
  const cpuMs =
    load.requests === 0 ? null : round3(((cpuAfter - cpuBefore) * 1000) / load.requests);
  return { ...load, serverCpuMsPerPage: cpuMs, peakRssMb: peakRssMb > 0 ? peakRssMb : null };
}
