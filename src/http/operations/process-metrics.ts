import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { MetricFamily } from './prometheus-text.js';

const gauge = (name: string, help: string, value: number): MetricFamily => ({
  name,
  help,
  type: 'gauge',
  samples: [{ value }],
});

/**
 * Memory, CPU and event-loop delay of this process. The delay is sampled between scrapes and
 * reset at each, so its figures describe the last interval; stop() ends the sampling.
 */
export function startProcessMetrics() {
  const delay = monitorEventLoopDelay({ resolution: 20 });
  delay.enable();
  const startedAt = Date.now() / 1000 - process.uptime();
  const collect = (): MetricFamily[] => {
    const memory = process.memoryUsage();
    const cpu = process.cpuUsage();
    // With no sample yet the histogram reports NaN or a huge minimum: say 0 instead.
    const seconds = (ns: number) => (Number.isFinite(ns) && delay.count > 0 ? ns / 1e9 : 0);
    const families = [
      {
        name: 'process_cpu_seconds_total',
        help: 'User and system CPU time spent, in seconds.',
        type: 'counter' as const,
        samples: [{ value: (cpu.user + cpu.system) / 1e6 }],
      },
      gauge('process_resident_memory_bytes', 'Resident memory size in bytes.', memory.rss),
      gauge(
        'process_start_time_seconds',
        'Start time since the Unix epoch, in seconds.',
        startedAt,
      ),
      gauge('nodejs_heap_used_bytes', 'V8 heap in use, in bytes.', memory.heapUsed),
      gauge('nodejs_heap_total_bytes', 'V8 heap reserved, in bytes.', memory.heapTotal),
      gauge(
        'nodejs_external_memory_bytes',
        'Memory of C++ objects bound to JavaScript (buffers).',
        memory.external,
      ),
      gauge(
        'nodejs_eventloop_lag_seconds',
        'Mean event-loop delay since the last scrape.',
        seconds(delay.mean),
      ),
      gauge(
        'nodejs_eventloop_lag_p99_seconds',
        '99th percentile event-loop delay since the last scrape.',
        seconds(delay.percentile(99)),
      ),
      gauge(
        'nodejs_eventloop_lag_max_seconds',
        'Longest event-loop delay since the last scrape.',
        seconds(delay.max),
      ),
    ];
    delay.reset();
    return families;
  };
  return { collect, stop: () => delay.disable() };
}
