/**
 * An autocannon result reduced to the numbers the upload burst reports (the page matrix runs
 * autocannon in a process of its own: load-child.ts).
 */
import type autocannon from 'autocannon';

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

/** autocannon's result reduced to what the upload burst reports. */
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
