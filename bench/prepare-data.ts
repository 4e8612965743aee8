/**
 * Builds a throwaway newspaper for the bench: a fresh database (a SQLite file, or a PostgreSQL
 * database created for the run) and media folder holding either the demo paper or a synthetic
 * archive of N articles, then the reference article (the page we measure). Everything goes
 * through the real CLI, so the bench measures what an operator would deploy.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runToCompletion, stopChild, type RunningChild } from './child-process.js';
import type { ArchiveSize, Engine } from './matrix.js';
import { copyKept, keptData } from './kept-data.js';
import { createPostgresDatabase } from './postgres-database.js';
import { cpuSeconds } from './process-usage.js';
import { startDateline } from './servers.js';

/** The frozen clock of the reference page, so every response is byte-for-byte the same. */
export const REFERENCE_NOW = '2024-04-24T08:00:00Z';

export interface BenchData {
  dir: string;
  env: NodeJS.ProcessEnv;
  articlePath: string;
  demoSeeded: boolean;
  engine: Engine;
  /** Removes the folder and, on PostgreSQL, drops the database. */
  remove(): Promise<void>;
}

/** What to load: the demo paper on SQLite unless told otherwise. */
export interface DataShape {
  size: ArchiveSize;
  engine: Engine;
}

const DEMO_ON_SQLITE: DataShape = { size: { label: 'demo', articles: 'demo' }, engine: 'sqlite' };

/**
 * glibc's malloc arenas as `bin/dateline.js` sets them (the bench starts Node directly):
 * BENCH_MALLOC_ARENA_MAX, 2 unless set; `unset` leaves glibc's default (8 per core).
 */
function mallocArenaMax(): { MALLOC_ARENA_MAX?: string } {
  const wanted = process.env.BENCH_MALLOC_ARENA_MAX || '2';
  if (wanted === 'unset') return {};
  if (!/^[1-9]\d*$/.test(wanted)) {
    throw new Error(`BENCH_MALLOC_ARENA_MAX must be a whole number or unset, not "${wanted}"`);
  }
  return { MALLOC_ARENA_MAX: wanted };
}

/** The environment every Dateline child process gets. */
export function datelineEnv(dir: string, databaseUrl: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.MALLOC_ARENA_MAX;
  // The matrix sets the page cache per cache mode; the caller's own setting must not leak in.
  delete env.PAGE_CACHE_MB;
  return {
    ...env,
    ...mallocArenaMax(),
    DATABASE_URL: databaseUrl,
    MEDIA_DIR: join(dir, 'media'),
    DATELINE_NOW: REFERENCE_NOW,
    LOG_LEVEL: 'warn',
    // Photo variants are made on request; a background encoder would skew the page figures.
    JOBS_WORKER: 'off',
    // As in production, where it is required: links and cache headers do not follow the Host.
    PUBLIC_URL: process.env.PUBLIC_URL || 'https://bench.example',
  };
}

/** Reads the imported article's URL from `import --json` rather than scraping human output. */
function importedUrl(stdout: string): string {
  const report = JSON.parse(stdout) as { imported?: { url?: string }[] };
  const url = report.imported?.[0]?.url;
  if (!url) throw new Error(`import --json reported no imported article:\n${stdout}`);
  // The CLI may print an absolute URL when PUBLIC_URL is set; the bench wants the path.
  return url.startsWith('http') ? new URL(url).pathname : url;
}

/** Loads the archive: the demo paper through seed-demo, N articles through bench-seed. */
async function seedArchive(
  root: string,
  size: ArchiveSize,
  cli: (...args: string[]) => Promise<string>,
): Promise<boolean> {
  if (size.articles !== 'demo') {
    console.error(`bench: seeding ${size.articles} articles (bench-seed)…`);
    const started = Date.now();
    await cli('bench-seed', '--articles', String(size.articles));
    console.error(
      `bench: seeded ${size.articles} articles in ${Math.round((Date.now() - started) / 1000)} s`,
    );
    return false;
  }
  // seed-demo only loads into an empty database, so it must run before the reference import.
  if (existsSync(join(root, 'demo', 'articles.json'))) {
    await cli('seed-demo');
    return true;
  }
  console.warn('bench: demo/articles.json not found; the home page holds only one article');
  return false;
}

/** The dateline CLI run to completion with `env`, printing nothing unless it fails. */
export const datelineCli =
  (root: string, env: NodeJS.ProcessEnv) =>
  (...args: string[]) =>
    runToCompletion(process.execPath, ['bin/dateline.js', ...args], { cwd: root, env });

/** How long the scheduler must stay silent before the archive counts as settled. */
const SETTLED_AFTER_MS = 5000;

/**
 * Lets the scheduler do, once, what the frozen clock makes due: bench-seed's archive has
 * stories whose expiry has passed (about 4,900 at 1M), and a server taking them down announces
 * each one, which empties the page cache over and over while it lasts. Done here, on the seeded
 * database, it never falls inside a measured run (nor, for a kept database, inside every run).
 */
export async function settleSchedules(root: string, env: NodeJS.ProcessEnv): Promise<void> {
  const started: RunningChild[] = [];
  try {
    // Each scheduler run takes down every story due, so a quiet second interval means done.
    await startDateline(root, { env }, (child) => started.push(child), {
      SCHEDULER_INTERVAL_SECONDS: '1',
    });
    const server = started[0];
    if (!server) return;
    const pid = server.process.pid;
    let tail = server.stderrTail();
    let cpu = pid === undefined ? 0 : await cpuSeconds(pid);
    let quietSince = Date.now();
    // A scheduler run logs only when it ends: quiet means no new line and no CPU to speak of.
    while (Date.now() - quietSince < SETTLED_AFTER_MS) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const cpuNow = pid === undefined ? 0 : await cpuSeconds(pid);
      if (server.stderrTail() !== tail || cpuNow - cpu > 0.05) quietSince = Date.now();
      tail = server.stderrTail();
      cpu = cpuNow;
    }
  } finally {
    await Promise.all(started.map((child) => stopChild(child, 30_000)));
  }
}

/** Loads the archive, the paper's settings and the reference article into `env`'s database. */
export async function loadNewspaper(
  root: string,
  seedDir: string,
  size: ArchiveSize,
  env: NodeJS.ProcessEnv,
): Promise<{ articlePath: string; demoSeeded: boolean }> {
  const cli = datelineCli(root, env);
  const demoSeeded = await seedArchive(root, size, cli);
  // Applied after the archive so the masthead matches the reference page.
  await cli('settings', 'apply', join(seedDir, 'publication.json'));
  const stdout = await cli('import', join(seedDir, 'article.json'), '--json');
  await settleSchedules(root, env);
  return { articlePath: importedUrl(stdout), demoSeeded };
}

/** A copy of the kept database in BENCH_DATA_DIR, seeded (or migrated) first if need be. */
async function copyKeptData(
  root: string,
  seedDir: string,
  shape: DataShape,
  store: string,
): Promise<BenchData> {
  const paper = {
    root,
    seedDir,
    now: REFERENCE_NOW,
    envFor: datelineEnv,
    load: (size: ArchiveSize, env: NodeJS.ProcessEnv) => loadNewspaper(root, seedDir, size, env),
    migrate: (env: NodeJS.ProcessEnv) => datelineCli(root, env)('migrate'),
  };
  const kept = await keptData(paper, shape.size, shape.engine, store);
  const copy = await copyKept(paper, shape.engine, kept, shape.size.label);
  const { articlePath, demoSeeded } = copy.manifest;
  return {
    dir: copy.dir,
    env: copy.env,
    articlePath,
    demoSeeded,
    engine: shape.engine,
    remove: copy.remove,
  };
}

/**
 * Creates the temp folder (and database) and loads them through the CLI; with BENCH_DATA_DIR
 * set, copies a kept database instead (kept-data.ts), seeding it first if there is none.
 */
export async function prepareData(
  root: string,
  seedDir: string,
  shape: DataShape = DEMO_ON_SQLITE,
): Promise<BenchData> {
  const store = process.env.BENCH_DATA_DIR;
  if (store) return copyKeptData(root, seedDir, shape, resolve(store));
  const dir = await mkdtemp(join(tmpdir(), 'dateline-bench-'));
  await mkdir(join(dir, 'media'), { recursive: true });
  const database =
    shape.engine === 'postgres'
      ? await createPostgresDatabase(shape.size.label)
      : { url: `sqlite:${join(dir, 'dateline.db')}`, drop: () => Promise.resolve() };
  const remove = async () => {
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const env = datelineEnv(dir, database.url);
    const loaded = await loadNewspaper(root, seedDir, shape.size, env);
    return { dir, env, ...loaded, engine: shape.engine, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
