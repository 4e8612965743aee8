import type { MetricFamily, Sample } from './prometheus-text.js';

/** Latency buckets in seconds: a cached page answers in a millisecond, a photo upload in seconds. */
export const LATENCY_BUCKETS = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
] as const;

/** Methods a label may name; anything else is "other", so a client cannot invent series. */
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

interface Latency {
  route: string;
  method: string;
  /** Per bucket, not cumulative; the last counts what is over the largest bound. */
  counts: number[];
  sum: number;
}

interface Count {
  route: string;
  method: string;
  status: string;
  value: number;
}

/**
 * Request counts and latencies by route pattern, method and status. Recording is a map lookup
 * and an increment: it runs on every request, page-cache hits included.
 */
export function createHttpRequestMetrics() {
  const counts = new Map<string, Count>();
  const latencies = new Map<string, Latency>();

  function record(route: string, rawMethod: string, statusCode: number, seconds: number): void {
    const method = KNOWN_METHODS.has(rawMethod) ? rawMethod : 'other';
    const status = String(statusCode);
    const countKey = `${route} ${method} ${status}`;
    const count = counts.get(countKey);
    if (count) count.value++;
    else counts.set(countKey, { route, method, status, value: 1 });
    const latencyKey = `${route} ${method}`;
    let latency = latencies.get(latencyKey);
    if (!latency) {
      latency = {
        route,
        method,
        counts: new Array<number>(LATENCY_BUCKETS.length + 1).fill(0),
        sum: 0,
      };
      latencies.set(latencyKey, latency);
    }
    let bucket = 0;
    while (bucket < LATENCY_BUCKETS.length && seconds > LATENCY_BUCKETS[bucket]!) bucket++;
    latency.counts[bucket]!++;
    latency.sum += seconds;
  }

  function families(): MetricFamily[] {
    const requests = [...counts.values()].map(({ route, method, status, value }): Sample => ({
      labels: { route, method, status },
      value,
    }));
    const durations: Sample[] = [];
    for (const { route, method, counts: perBucket, sum } of latencies.values()) {
      let cumulative = 0;
      LATENCY_BUCKETS.forEach((bound, index) => {
        cumulative += perBucket[index]!;
        durations.push({
          suffix: '_bucket',
          labels: { route, method, le: String(bound) },
          value: cumulative,
        });
      });
      cumulative += perBucket[LATENCY_BUCKETS.length]!;
      durations.push({
        suffix: '_bucket',
        labels: { route, method, le: '+Inf' },
        value: cumulative,
      });
      durations.push({ suffix: '_sum', labels: { route, method }, value: sum });
      durations.push({ suffix: '_count', labels: { route, method }, value: cumulative });
    }
    return [
      {
        name: 'http_requests_total',
        help: 'HTTP requests answered, by route pattern, method and status.',
        type: 'counter',
        samples: requests,
      },
      {
        name: 'http_request_duration_seconds',
        help: 'Time from a request arriving to its answer being sent, by route pattern and method.',
        type: 'histogram',
        samples: durations,
      },
    ];
  }

  return { record, families };
}
