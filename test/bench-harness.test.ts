/**
 * The bench's moving parts against real processes: the ceiling serving several pages' bytes,
 * the load generator in its own process charging the server, and the throwaway PostgreSQL
 * database the page matrix seeds. Needs dist/ (npm run build), as the bench does.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopChild, type RunningChild } from '../bench/child-process.js';
import { runChargedLoad } from '../bench/load-runner.js';
import { createPostgresDatabase } from '../bench/postgres-database.js';
import { writeResults, writeRunResults } from '../bench/report.js';
import { startCeiling } from '../bench/servers.js';
import { POSTGRES_ADMIN_URL } from './test-databases.js';

const ROOT = resolve(import.meta.dirname, '..');

describe('the ceiling and the load child', () => {
  const children: RunningChild[] = [];
  let dir = '';
  let origin = '';

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist', 'bench', 'load-child.js'))) {
      throw new Error('dist/ is missing: run `npm run build` first');
    }
    dir = await mkdtemp(join(tmpdir(), 'dateline-bench-test-'));
    const snapshots = [
      { path: '/', body: Buffer.from('<p>home</p>'), contentType: 'text/html; charset=utf-8' },
      {
        path: '/world?page=500',
        body: Buffer.from('<rss>deep</rss>'),
        contentType: 'application/rss+xml',
      },
    ];
    origin = await startCeiling(ROOT, dir, snapshots, (child) => children.push(child));
  });

  afterAll(async () => {
    await Promise.all(children.map((child) => stopChild(child)));
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("serves each page's bytes and type at its path and query, and nothing elsewhere", async () => {
    const deep = await fetch(`${origin}/world?page=500`);
    expect(deep.headers.get('content-type')).toBe('application/rss+xml');
    expect(await deep.text()).toBe('<rss>deep</rss>');
    expect(await (await fetch(`${origin}/`)).text()).toBe('<p>home</p>');
    expect((await fetch(`${origin}/world`)).status).toBe(404);
  });

  it("drives a server from its own process and charges it the server's CPU and memory", async () => {
    const pid = children[0]?.process.pid;
    const load = await runChargedLoad(
      ROOT,
      { url: `${origin}/world?page=500`, connections: 4, seconds: 1, overallRate: 200 },
      pid,
    );
    expect(load.requests).toBeGreaterThan(0);
    expect(load.non2xx).toBe(0);
    expect(load.errors).toBe(0);
    expect(load.bytes / load.requests).toBeGreaterThan('<rss>deep</rss>'.length);
    expect(load.serverCpuMsPerPage).not.toBeNull();
    expect(load.peakRssMb).toBeGreaterThan(0);
  });

  it('walks the paths it is given and counts what was not 2xx', async () => {
    const load = await runChargedLoad(
      ROOT,
      { url: `${origin}/`, connections: 2, seconds: 1, paths: ['/', '/missing'] },
      undefined,
    );
    expect(load.requests).toBeGreaterThan(1);
    expect(load.non2xx).toBeGreaterThan(0);
    expect(load.non2xx).toBeLessThan(load.requests);
    expect(load.serverCpuMsPerPage).toBeNull();
  });
});

describe('the throwaway PostgreSQL database', () => {
  const exists = async (name: string) => {
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    try {
      const result = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      return result.rowCount === 1;
    } finally {
      await admin.end();
    }
  };

  it('is created empty under a name of its own, and dropped', async () => {
    const database = await createPostgresDatabase('1M!');
    const name = new URL(database.url).pathname.slice(1);
    expect(name).toMatch(/^dateline_bench_1m_\d+_[a-z0-9]+$/);
    expect(await exists(name)).toBe(true);
    await database.drop();
    expect(await exists(name)).toBe(false);
  });
});

describe('the results files', () => {
  it("keep the other parts' figures in latest.json and this run's parts alone in a file of its own", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dateline-bench-results-'));
    try {
      const latest = join(dir, 'latest.json');
      await writeResults(latest, { photos: { old: true }, pageMatrix: { modes: [] } });
      await writeResults(latest, { pageMatrix: { modes: [1] }, soak: { growthPercent: 2 } });
      expect(JSON.parse(await readFile(latest, 'utf8'))).toEqual({
        photos: { old: true },
        pageMatrix: { modes: [1] },
        soak: { growthPercent: 2 },
      });
      const runFile = await writeRunResults(dir, { soak: { growthPercent: 2 } });
      expect(runFile).toMatch(/run-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.json$/);
      expect(JSON.parse(await readFile(runFile, 'utf8'))).toEqual({ soak: { growthPercent: 2 } });
      expect((await readdir(dir)).sort()).toHaveLength(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
