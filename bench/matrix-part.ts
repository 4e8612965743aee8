/**
 * The page matrix and the soak as one part of `npm run bench`: says how long the load will take,
 * runs them, prints each database's tables as it finishes and the targets at the end, and gives
 * run.ts the parts of latest.json it measured.
 */
import { availableParallelism, loadavg } from 'node:os';
import type { RunningChild } from './child-process.js';
import { loadSeconds, readMatrixSettings } from './matrix.js';
import {
  checkTargets,
  formatCell,
  formatSoak,
  formatTargets,
  unsoundRuns,
} from './matrix-report.js';
import { runMatrix } from './page-matrix.js';
import type { BenchData } from './prepare-data.js';
import type { BenchSettings } from './settings.js';

/** Why the ceiling's ratios mean what they do, written beside them in latest.json. */
const CEILING =
  "a bare node:http server in its own process sending the page's own bytes (as Dateline sent " +
  'them, uncompressed), measured just before the page at the same concurrency';

export async function matrixPart(
  root: string,
  seedDir: string,
  settings: BenchSettings,
  track: (child: RunningChild) => void,
  trackData: (data: BenchData) => void,
): Promise<{ failed: boolean; parts: Record<string, unknown> }> {
  const matrix = readMatrixSettings(process.env);
  const runPages = settings.scenarios.has('pages');
  const runSoak = settings.scenarios.has('soak') && matrix.soakSeconds > 0;
  const seconds = loadSeconds(matrix, { ...settings, pagesScenario: runPages, soak: runSoak });
  if (!runPages && !runSoak) {
    console.error('bench: soak skipped: BENCH_SOAK_SECONDS=0');
    return { failed: false, parts: {} };
  }
  const running = [runPages ? 'page matrix' : '', runSoak ? 'soak' : ''].filter(Boolean);
  console.error(
    `bench: ${running.join(' and ')}: about ` +
      `${Math.ceil(seconds / 60)} min of load, plus seeding, start-up and a second or so to ` +
      'start each load process (far more on a busy machine)',
  );
  const outcome = await runMatrix(
    { root, seedDir, bench: settings, matrix, runPages, runSoak, track, trackData },
    (cellModes) => console.log(`${formatCell(cellModes)}\n`),
  );
  if (outcome.soak) console.log(`${formatSoak(outcome.soak)}\n`);
  const targets = checkTargets(outcome.modes, outcome.soak);
  console.log(`${formatTargets(targets)}\n`);
  const { failed, machineBound } = unsoundRuns(outcome.modes);
  const soakFailed = outcome.soak !== null && (outcome.soak.non2xx > 0 || outcome.soak.errors > 0);
  for (const run of failed) console.error(`bench: ${run} had non-2xx responses or errors`);
  for (const run of machineBound)
    console.error(
      `bench: ${run} had client errors while the ceiling could not keep that rate either: ` +
        'not a measurement (the machine was short of CPU)',
    );
  if (soakFailed) console.error('bench: the soak had non-2xx responses or errors');
  const machine = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: availableParallelism(),
    loadAverage1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
  const parts: Record<string, unknown> = {};
  if (runPages) {
    parts.pageMatrix = {
      ...machine,
      seconds: settings.seconds,
      warmupSeconds: settings.warmupSeconds,
      cachedRate: matrix.cachedRate,
      ceiling: CEILING,
      modes: outcome.modes,
      targets: checkTargets(outcome.modes, null),
    };
  }
  if (outcome.soak) {
    parts.soak = { ...machine, ...outcome.soak, targets: checkTargets([], outcome.soak) };
  }
  return { failed: failed.length > 0 || soakFailed, parts };
}
