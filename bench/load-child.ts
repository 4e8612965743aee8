/**
 * The load generator in a process of its own, so it never shares an event loop with the bench
 * (which samples the server's CPU and memory) or with the server it measures.
 *
 * Usage: node dist/bench/load-child.js '{"url": …, "connections": …, "seconds": …}'
 * Runs autocannon once and prints one JSON line: a LoadResult.
 */
import autocannon from 'autocannon';
import type { LoadOptions, LoadResult } from './load-runner.js';

function reduce(result: autocannon.Result, cpu: NodeJS.CpuUsage): LoadResult {
  const sent = Math.max(1, result.requests.sent);
  return {
    requestsPerSecond: result.requests.average,
    requests: result.requests.total,
    durationSeconds: result.duration,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    bytes: result.throughput.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    generator: {
      name: 'autocannon',
      cpuMsPerRequest: Math.round(((cpu.user + cpu.system) / 1000 / sent) * 1000) / 1000,
    },
  };
}

async function main(argv: string[]): Promise<void> {
  const options = JSON.parse(argv[0] ?? '{}') as LoadOptions;
  const cpuBefore = process.cpuUsage();
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    // One request in flight per connection, like browsers: pipelining would flatter the server.
    pipelining: 1,
    ...(options.overallRate === undefined ? {} : { overallRate: options.overallRate }),
    // The soak's mix: each connection walks these paths in turn.
    ...(options.paths === undefined
      ? {}
      : { requests: options.paths.map((path) => ({ method: 'GET' as const, path })) }),
  });
  process.stdout.write(`${JSON.stringify(reduce(result, process.cpuUsage(cpuBefore)))}\n`);
}

await main(process.argv.slice(2));
