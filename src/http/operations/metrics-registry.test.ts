import { describe, expect, it } from 'vitest';
import { createMetrics } from './metrics-registry.js';
import { formatExposition } from './prometheus-text.js';

describe('the metrics registry', () => {
  it('writes cumulative histogram buckets whose +Inf equals the count', async () => {
    const metrics = createMetrics();
    metrics.recordRequest('/:section/:slug', 'GET', 200, 0.003);
    metrics.recordRequest('/:section/:slug', 'GET', 200, 0.2);
    metrics.recordRequest('/:section/:slug', 'GET', 304, 30);
    const text = await metrics.exposition();
    const series = (le: string) =>
      `http_request_duration_seconds_bucket{route="/:section/:slug",method="GET",le="${le}"}`;
    expect(text).toContain(`${series('0.001')} 0\n`);
    expect(text).toContain(`${series('0.005')} 1\n`);
    expect(text).toContain(`${series('0.25')} 2\n`);
    expect(text).toContain(`${series('10')} 2\n`);
    expect(text).toContain(`${series('+Inf')} 3\n`);
    expect(text).toContain(
      'http_request_duration_seconds_count{route="/:section/:slug",method="GET"} 3\n',
    );
    expect(text).toContain(
      'http_requests_total{route="/:section/:slug",method="GET",status="200"} 2\n',
    );
    expect(text).toContain(
      'http_requests_total{route="/:section/:slug",method="GET",status="304"} 1\n',
    );
  });

  it('folds methods nobody registers into "other", so clients cannot invent series', async () => {
    const metrics = createMetrics();
    metrics.recordRequest('unmatched', 'BREW', 404, 0.001);
    metrics.recordRequest('unmatched', 'PROPFIND', 404, 0.001);
    expect(await metrics.exposition()).toContain(
      'http_requests_total{route="unmatched",method="other",status="404"} 2\n',
    );
  });

  it('takes samples from collectors, and marks a failing one down without losing the rest', async () => {
    const metrics = createMetrics();
    metrics.registerCollector('cache', () => [
      {
        name: 'page_cache_hits_total',
        help: 'Pages served from memory.',
        type: 'counter',
        samples: [{ value: 42 }],
      },
    ]);
    const remove = metrics.registerCollector('broken', () => Promise.reject(new Error('down')));
    expect(() => metrics.registerCollector('cache', () => [])).toThrow(/cache/);
    const text = await metrics.exposition();
    expect(text).toContain('# TYPE page_cache_hits_total counter\npage_cache_hits_total 42\n');
    expect(text).toContain('metrics_collector_up{collector="cache"} 1\n');
    expect(text).toContain('metrics_collector_up{collector="broken"} 0\n');
    remove();
    expect(await metrics.exposition()).not.toContain('collector="broken"');
  });

  it('escapes label values and help text as the format requires', () => {
    const text = formatExposition([
      {
        name: 'x',
        help: 'a \\ b\nc',
        type: 'gauge',
        samples: [{ labels: { kind: 'say "hi"\\\n' }, value: Number.POSITIVE_INFINITY }],
      },
    ]);
    expect(text).toBe(
      '# HELP x a \\\\ b\\nc\n# TYPE x gauge\nx{kind="say \\"hi\\"\\\\\\n"} +Inf\n',
    );
  });
});
