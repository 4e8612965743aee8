/**
 * Builds a throwaway newspaper for the bench: a fresh SQLite database and media folder holding
 * the demo paper (for a realistic home page) and the reference article (the page we measure).
 * Everything goes through the real CLI, so the bench measures what an operator would deploy.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runToCompletion } from './child-process.js';

/** The frozen clock of the reference page, so every response is byte-for-byte the same. */
const REFERENCE_NOW = '2024-04-24T08:00:00Z';

export interface BenchData {
  dir: string;
  env: NodeJS.ProcessEnv;
  articlePath: string;
  demoSeeded: boolean;
}

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
function datelineEnv(dir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.MALLOC_ARENA_MAX;
  return {
    ...env,
    ...mallocArenaMax(),
    DATABASE_URL: `sqlite:${join(dir, 'dateline.db')}`,
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

/** Creates the temp folder and loads it through the CLI. */
export async function prepareData(root: string, seedDir: string): Promise<BenchData> {
  const dir = await mkdtemp(join(tmpdir(), 'dateline-bench-'));
  await mkdir(join(dir, 'media'), { recursive: true });
  const env = datelineEnv(dir);
  const cli = (...args: string[]) =>
    runToCompletion(process.execPath, ['bin/dateline.js', ...args], { cwd: root, env });

  // seed-demo only loads into an empty database, so it must run before the reference import.
  const demoSeeded = existsSync(join(root, 'demo', 'articles.json'));
  if (demoSeeded) await cli('seed-demo');
  else console.warn('bench: demo/articles.json not found; the home page holds only one article');

  // Applied after the demo so the masthead matches the reference page.
  await cli('settings', 'apply', join(seedDir, 'publication.json'));
  const stdout = await cli('import', join(seedDir, 'article.json'), '--json');
  return { dir, env, articlePath: importedUrl(stdout), demoSeeded };
}
