/**
 * One load run with autocannon's programmatic API, reduced to the numbers the report needs.
 * autocannon runs in the bench process; the servers under test run in their own processes.
 */
import autocannon from 'autocannon';
import { cpuSeconds } from './process-usage.js';

/** What one target is: a name for the report, the URL autocannon hits, the server's process. */
export interface Target {
  name: string;
  url: string;
  /** Whose CPU time the run is charged to: the server process, never the bench's own. */
  pid?: number;
}

export interface Measurement {
  target: string;
  connections: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** Bytes read off the wire per response, headers included. */
  bytesPerResponse: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** The server's CPU time (all its threads) over the run, per response; null when unknown. */
  serverCpuMsPerPage: number | null;
}

/** Runs autocannon for `seconds` against one target at one concurrency. */
export async function measure(
  target: Target,
  connections: number,
  seconds: number,
): Promise<Measurement> {
  const cpuBefore = target.pid === undefined ? null : await cpuSeconds(target.pid);
  const result = await autocannon({
    url: target.url,
    connections,
    duration: seconds,
    // One request in flight per connection, like browsers: pipelining would flatter the server.
    pipelining: 1,
  });
  const cpuAfter = target.pid === undefined ? null : await cpuSeconds(target.pid);
  const responses = result.requests.total;
  const cpuMs =
    cpuBefore === null || cpuAfter === null || responses === 0
      ? null
      : Math.round(((cpuAfter - cpuBefore) * 1000 * 1000) / responses) / 1000;
  return { ...summarize(target.name, connections, result), serverCpuMsPerPage: cpuMs };
}

export function summarize(
  name: string,
  connections: number,
  result: autocannon.Result,
): Measurement {
  const responses = result.requests.total;
  return {
    target: name,
    connections,
    requestsPerSecond: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    bytesPerResponse: responses > 0 ? Math.round(result.throughput.total / responses) : 0,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    serverCpuMsPerPage: null,
  };
}
