import { createHttpRequestMetrics } from './http-request-metrics.js';
import { formatExposition, type MetricFamily } from './prometheus-text.js';

/** Samples of one part of the app, read at each scrape (a gauge's value now, a counter's total). */
export type Collector = () => MetricFamily[] | Promise<MetricFamily[]>;

/** The process's metrics: what requests record as they go, and what collectors read at a scrape. */
export interface Metrics {
  /**
   * Counts one answered request. Fastify's requests are recorded by a hook; an answer given
   * before routing (a page-cache hit) is recorded by whoever gives it. `route` is a pattern
   * such as `/:section/:slug`, never the raw URL: each distinct value is a new series.
   */
  recordRequest(route: string, method: string, status: number, seconds: number): void;
  /** Adds a collector under a unique name; returns a function that removes it. */
  registerCollector(name: string, collect: Collector): () => void;
  /** Everything, in the Prometheus text format. */
  exposition(): Promise<string>;
}

/** A collector slower than this is left out of the scrape rather than holding it up. */
const COLLECT_TIMEOUT_MS = 2_000;

async function collectWithin(collect: Collector): Promise<MetricFamily[]> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), COLLECT_TIMEOUT_MS);
  });
  try {
    return await Promise.race([Promise.resolve().then(collect), late]);
  } finally {
    clearTimeout(timer);
  }
}

export function createMetrics(): Metrics {
  const requests = createHttpRequestMetrics();
  const collectors = new Map<string, Collector>();
  return {
    recordRequest: requests.record,
    registerCollector(name, collect) {
      if (collectors.has(name)) throw new Error(`metrics: a collector named ${name} exists`);
      collectors.set(name, collect);
      return () => void collectors.delete(name);
    },
    async exposition() {
      const entries = [...collectors.entries()];
      const results = await Promise.allSettled(
        entries.map(([, collect]) => collectWithin(collect)),
      );
      const collected = results.flatMap((result) =>
        result.status === 'fulfilled' ? result.value : [],
      );
      // A collector that fails (the database down) must not take the others' samples with it.
      const up: MetricFamily = {
        name: 'metrics_collector_up',
        help: 'Whether each collector answered at this scrape (1) or failed or timed out (0).',
        type: 'gauge',
        samples: entries.map(([name], index) => ({
          labels: { collector: name },
          value: results[index]?.status === 'fulfilled' ? 1 : 0,
        })),
      };
      return formatExposition([...requests.families(), ...collected, up]);
    },
  };
}
