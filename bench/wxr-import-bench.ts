/**
 * The `imports` part of `npm run bench`: a synthetic WordPress export of BENCH_WXR_MB (1024
 * unless set) read through both of the importer's streaming passes, then the whole of it
 * imported through `dateline import` into a fresh SQLite database: items a second and peak
 * resident memory of each, against the 300 MB issue 13 allows.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runToCompletion } from './child-process.js';
import { writeSyntheticWxr } from './synthetic-wxr.js';

export const IMPORT_PEAK_TARGET_MB = 300;

export interface WxrRun {
  megabytes: number;
  items: number;
  seconds: number;
  itemsPerSecond: number;
  peakRssMb: number;
}

const megabytesFrom = (raw: string | undefined, fallback: number) => {
  const value = Number(raw?.trim() || fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`not a size in MB: "${raw}"`);
  return value;
};

/**
 * Runs `command` with the peak-memory hook loaded into its Node; its stdout and peak resident
 * MB. The hook goes in by NODE_OPTIONS so `bin/dateline.js` runs as a program, as an operator
 * runs it, with the settings its first line makes.
 */
async function measured(
  root: string,
  dir: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
) {
  const peakFile = join(dir, `peak-${Date.now()}`);
  const hook = pathToFileURL(join(root, 'dist', 'bench', 'peak-memory.js')).href;
  const started = performance.now();
  const stdout = await runToCompletion(command, args, {
    cwd: root,
    env: { ...process.env, ...env, BENCH_PEAK_FILE: peakFile, NODE_OPTIONS: `--import=${hook}` },
  });
  const seconds = (performance.now() - started) / 1000;
  return { stdout, seconds, peakRssMb: Number(readFileSync(peakFile, 'utf8')) / 1024 };
}

const runOf = (megabytes: number, items: number, seconds: number, peakRssMb: number): WxrRun => ({
  megabytes,
  items,
  seconds: Number(seconds.toFixed(1)),
  itemsPerSecond: Math.round(items / seconds),
  peakRssMb: Math.round(peakRssMb),
});

async function readRun(root: string, dir: string, file: string, megabytes: number) {
  const child = join(root, 'dist', 'bench', 'wxr-read-child.js');
  const run = await measured(root, dir, process.execPath, [child, file], {});
  const { items, seconds } = JSON.parse(run.stdout) as { items: number; seconds: number };
  return runOf(megabytes, items, seconds, run.peakRssMb);
}

async function importRun(
  root: string,
  dir: string,
  file: string,
  { megabytes, posts }: { megabytes: number; posts: number },
): Promise<WxrRun> {
  const env = {
    DATABASE_URL: `sqlite:${join(dir, 'import.db')}`,
    MEDIA_DIR: join(dir, 'media'),
    LOG_LEVEL: 'silent',
  };
  const cli = join(root, 'bin', 'dateline.js');
  const run = await measured(root, dir, cli, ['import', '--json', file], env);
  const report = JSON.parse(run.stdout) as { imported: unknown[] };
  if (report.imported.length !== posts)
    throw new Error(`imported ${report.imported.length} of ${posts} synthetic posts`);
  return runOf(megabytes, posts, run.seconds, run.peakRssMb);
}

/** Both runs, and whether each stayed within the memory target. */
export async function wxrImportPart(
  root: string,
): Promise<{ failed: boolean; parts: Record<string, unknown> }> {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-bench-wxr-'));
  try {
    const megabytes = megabytesFrom(process.env.BENCH_WXR_MB, 1024);
    const file = join(dir, 'export.xml');
    const posts = await writeSyntheticWxr(file, megabytes * 1024 * 1024);
    const read = await readRun(root, dir, file, megabytes);
    const write = await importRun(root, dir, file, { megabytes, posts });
    for (const [name, run] of Object.entries({ read, write }))
      console.log(
        `WXR ${name}: ${run.megabytes} MB, ${run.items} posts in ${run.seconds} s ` +
          `(${run.itemsPerSecond}/s), peak ${run.peakRssMb} MB (target ${IMPORT_PEAK_TARGET_MB} MB)`,
      );
    return {
      failed: false,
      parts: { wxrImport: { read, write, targetPeakRssMb: IMPORT_PEAK_TARGET_MB } },
    };
  } catch (error) {
    console.error(`bench: the WXR import failed: ${(error as Error).message}`);
    return { failed: true, parts: {} };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
