/**
 * The search bench's load, in a process of its own: the query mix at a constant rate, search i
 * due at start + i / rate whatever happened to the ones before it, its latency from that moment
 * to the last byte of the page (as paced-load-child.ts measures pages). Searches are far slower
 * than cached pages, so node:http with a few keep-alive sockets is fast enough here.
 *
 * Usage: node dist/bench/search-load-child.js '{"origin": …, "paths": [{"kind": …, "path": …}],
 * "rate": …, "seconds": …, "connections": …}'; prints one JSON line: a SearchLoadResult.
 */
import { Agent, request } from 'node:http';

export interface SearchLoadOptions {
  origin: string;
  paths: { kind: string; path: string }[];
  /** Searches per second, across all connections. */
  rate: number;
  seconds: number;
  connections: number;
}

export interface KindLatency {
  searches: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface SearchLoadResult {
  searches: number;
  non2xx: number;
  errors: number;
  /** Every search, then each kind of the mix. */
  overall: KindLatency;
  byKind: Record<string, KindLatency>;
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, index)] ?? 0) * 100) / 100;
}

export function latencyOf(samples: number[]): KindLatency {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    searches: sorted.length,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    maxMs: Math.round((sorted[sorted.length - 1] ?? 0) * 100) / 100,
  };
}

/** One search: resolves with its status once the whole page is read (0 on a network error). */
function fetchPage(agent: Agent, url: URL): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, { agent, headers: { 'accept-encoding': 'identity' } }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
    });
    req.on('error', () => resolve(0));
    req.end();
  });
}

async function run(options: SearchLoadOptions): Promise<SearchLoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const total = Math.round(options.rate * options.seconds);
  const samples = new Map<string, number[]>();
  let non2xx = 0;
  let errors = 0;
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i += 1) {
    const due = start + (i * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const { kind, path } = options.paths[i % options.paths.length] as {
      kind: string;
      path: string;
    };
    pending.push(
      fetchPage(agent, new URL(path, options.origin)).then((status) => {
        if (status === 0) errors += 1;
        else if (status < 200 || status > 299) non2xx += 1;
        const list = samples.get(kind) ?? [];
        list.push(performance.now() - due);
        samples.set(kind, list);
      }),
    );
  }
  await Promise.all(pending);
  agent.destroy();
  const byKind = Object.fromEntries([...samples].map(([kind, list]) => [kind, latencyOf(list)]));
  return {
    searches: total,
    non2xx,
    errors,
    overall: latencyOf([...samples.values()].flat()),
    byKind,
  };
}

// Run only as the child process: search-bench.ts imports the types and latencyOf.
if (process.argv[1]?.endsWith('search-load-child.js')) {
  const options = JSON.parse(process.argv[2] ?? '{}') as SearchLoadOptions;
  console.log(JSON.stringify(await run(options)));
}
