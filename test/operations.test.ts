/** /healthz, /readyz, /metrics and request ids, through HTTP on both engines (ADR 0035). */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../src/storage/open-storage.js';
import {
  REFERENCE_ARTICLE_PATH,
  loadReferenceArticle,
  startTestApp,
  type TestApp,
} from './test-app.js';
import { ENGINES } from './test-databases.js';

const TOKEN = 'metrics-token-for-tests-0123456789';
const bearer = { authorization: `Bearer ${TOKEN}` };

/** The value of one series in an exposition, or undefined when it is absent. */
const valueOf = (text: string, series: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe.each(ENGINES)('operations endpoints on $engine', ({ create }) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ METRICS_TOKEN: TOKEN }, await create());
    await loadReferenceArticle(t.app);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('says the process is alive and ready, never to be cached', async () => {
    const health = await t.server.inject('/healthz');
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    expect(health.headers['cache-control']).toBe('no-store');
    const ready = await t.server.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ ready: true, problems: [], pendingMigrations: [] });
    expect(ready.headers['cache-control']).toBe('no-store');
  });

  it('is not ready while a migration is pending, and names it', async () => {
    const name = '0017-reader-visibility-index';
    const row = await sql<{ name: string; timestamp: string }>`
      select name, timestamp from kysely_migration where name = ${name}`.execute(
      t.app.storage.kysely,
    );
    await sql`delete from kysely_migration where name = ${name}`.execute(t.app.storage.kysely);
    try {
      const ready = await t.server.inject('/readyz');
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({
        ready: false,
        problems: [`migrations not applied: ${name}`],
        pendingMigrations: [name],
      });
    } finally {
      const { timestamp } = row.rows[0]!;
      await sql`insert into kysely_migration (name, timestamp) values (${name}, ${timestamp})`.execute(
        t.app.storage.kysely,
      );
    }
    expect((await t.server.inject('/readyz')).statusCode).toBe(200);
  });

  it('fails both probes once shutting down, so a balancer sends no more', async () => {
    t.serverState.shuttingDown = true;
    try {
      const health = await t.server.inject('/healthz');
      expect(health.statusCode).toBe(503);
      expect(health.json()).toEqual({ status: 'shutting down' });
      const ready = await t.server.inject('/readyz');
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ ready: false, problems: ['shutting down'] });
    } finally {
      t.serverState.shuttingDown = false;
    }
  });

  it('answers /metrics only to the token', async () => {
    expect((await t.server.inject('/metrics')).statusCode).toBe(401);
    const wrong = await t.server.inject({
      url: '/metrics',
      headers: { authorization: `Bearer ${TOKEN}x` },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).not.toContain('http_requests_total');
    const right = await t.server.inject({ url: '/metrics', headers: bearer });
    expect(right.statusCode).toBe(200);
    expect(right.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
  });

  it('counts requests by route pattern, with latencies, the job queue and its collectors', async () => {
    const before = (await t.server.inject({ url: '/metrics', headers: bearer })).body;
    const articleSeries = 'http_requests_total{route="/:section/:slug",method="GET",status="200"}';
    const missingSeries = 'http_requests_total{route="unmatched",method="GET",status="404"}';
    const articlesBefore = valueOf(before, articleSeries) ?? 0;
    for (let i = 0; i < 3; i++) {
      expect((await t.server.inject(REFERENCE_ARTICLE_PATH)).statusCode).toBe(200);
    }
    expect((await t.server.inject('/no/such/page/anywhere')).statusCode).toBe(404);
    expect((await t.server.inject('/deep/er/missing/page/here')).statusCode).toBe(404);
    // A section that does not exist is the section route's 404: its pattern, not "unmatched".
    expect((await t.server.inject('/no-such-section')).statusCode).toBe(404);

    const text = (await t.server.inject({ url: '/metrics', headers: bearer })).body;
    expect(valueOf(text, articleSeries)).toBe(articlesBefore + 3);
    expect(valueOf(text, missingSeries)).toBeGreaterThanOrEqual(2);
    // Labels are the patterns: no reader's URL becomes a series of its own.
    expect(text).not.toContain(REFERENCE_ARTICLE_PATH);
    expect(text).not.toContain('no/such/page');
    expect(text).not.toContain('no-such-section');
    expect(valueOf(text, 'http_requests_total{route="/:section",method="GET",status="404"}')).toBe(
      1,
    );
    const count = valueOf(
      text,
      'http_request_duration_seconds_count{route="/:section/:slug",method="GET"}',
    );
    const inf = valueOf(
      text,
      'http_request_duration_seconds_bucket{route="/:section/:slug",method="GET",le="+Inf"}',
    );
    const sum = valueOf(
      text,
      'http_request_duration_seconds_sum{route="/:section/:slug",method="GET"}',
    );
    expect(count).toBe(articlesBefore + 3);
    expect(inf).toBe(count);
    expect(sum).toBeGreaterThan(0);
    expect(text).toMatch(/^jobs_queued\{kind="media\.variants"\} \d+$/m);
    expect(text).toMatch(/^jobs_oldest_age_seconds\{kind="media\.variants"\} [\d.]+$/m);
    expect(valueOf(text, 'metrics_collector_up{collector="jobs"}')).toBe(1);
  });

  it('reports the pool on PostgreSQL, and none on SQLite', async () => {
    const text = (await t.server.inject({ url: '/metrics', headers: bearer })).body;
    if (t.app.storage.engine === 'postgres') {
      expect(valueOf(text, 'db_pool_max_connections')).toBe(10);
      expect(valueOf(text, 'db_pool_connections')).toBeGreaterThanOrEqual(1);
      expect(valueOf(text, 'db_pool_waiting_queries')).toBeGreaterThanOrEqual(0);
    } else {
      expect(text).not.toContain('db_pool_');
    }
  });

  it('keeps a sane X-Request-Id, and replaces one that is not', async () => {
    const kept = await t.server.inject({
      url: '/healthz',
      headers: { 'x-request-id': 'lb-7f3a.2' },
    });
    expect(kept.headers['x-request-id']).toBe('lb-7f3a.2');
    for (const insane of ['a'.repeat(129), 'has space', 'quote"d', '']) {
      const replaced = await t.server.inject({
        url: '/healthz',
        headers: { 'x-request-id': insane },
      });
      expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
    const a = await t.server.inject('/healthz');
    const b = await t.server.inject('/healthz');
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
  });

  it('is not ready once its database is closed: 503 naming it, not 500', async () => {
    await t.app.close();
    const ready = await t.server.inject('/readyz');
    expect(ready.statusCode).toBe(503);
    const body = ready.json<{ ready: boolean; problems: string[] }>();
    expect(body.ready).toBe(false);
    expect(body.problems[0]).toMatch(/^database unreachable: /);
    // Alive all the same: a restart is not what a closed database needs.
    expect((await t.server.inject('/healthz')).statusCode).toBe(200);
    const metrics = await t.server.inject({ url: '/metrics', headers: bearer });
    expect(metrics.statusCode).toBe(200);
    expect(valueOf(metrics.body, 'metrics_collector_up{collector="jobs"}')).toBe(0);
  });
});

describe('operations without a metrics token', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('has no /metrics at all', async () => {
    expect((await t.server.inject({ url: '/metrics', headers: bearer })).statusCode).toBe(404);
    expect((await t.server.inject('/healthz')).statusCode).toBe(200);
  });
});

describe('readiness of a PostgreSQL server nobody answers at', () => {
  it('reports the database unreachable instead of throwing', async () => {
    const storage = openStorage('postgres://postgres@127.0.0.1:1/nowhere');
    try {
      const readiness = await storage.readiness(1_000);
      expect(readiness.problem).toMatch(/^database unreachable: /);
      expect(readiness.pendingMigrations).toEqual([]);
    } finally {
      await storage.close();
    }
  });
});
