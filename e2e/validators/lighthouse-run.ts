/**
 * Lighthouse (npm, pinned) in Debian's Chromium, on mobile: the four classic categories, scored
 * 0–1 as its report gives them.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CHROMIUM_PATH } from '../chromium-path.js';
import { outputOf, runCommand, type ValidatorRun } from './validator-run.js';

const require = createRequire(import.meta.url);
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const CHROME_FLAGS =
  '--headless=new --no-sandbox --disable-gpu --disable-background-networking ' +
  '--disable-component-update --disable-sync --no-first-run';

interface Audit {
  score: number | null;
  title: string;
}
export interface LighthouseReport {
  lighthouseVersion: string;
  runtimeError?: { code: string; message: string };
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, Audit | undefined>;
}

export interface LighthouseRun extends ValidatorRun {
  scores: Record<(typeof CATEGORIES)[number], number | null>;
  lighthouseReport?: LighthouseReport;
}

const lighthouseCli = () =>
  join(dirname(require.resolve('lighthouse/package.json')), 'cli', 'index.js');

/** The audits that cost a category its points, for a failure's report. */
function shortfalls(report: LighthouseReport, category: string): string[] {
  return (report.categories[category]?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0)
    .map((ref) => ({ id: ref.id, audit: report.audits[ref.id] }))
    .filter(({ audit }) => audit?.score != null && audit.score < 1)
    .map(({ id, audit }) => `  ${category}: ${id} score=${audit?.score} ${audit?.title}`);
}

/** Runs Lighthouse on `url`; passes when every category scores at least `minScore` (0–1). */
export async function runLighthouse(url: string, minScore: number): Promise<LighthouseRun> {
  const folder = mkdtempSync(join(tmpdir(), 'dateline-lh-'));
  const reportFile = join(folder, 'report.json');
  const empty = { performance: null, accessibility: null, 'best-practices': null, seo: null };
  try {
    const run = await runCommand(
      process.execPath,
      [
        lighthouseCli(),
        url,
        '--quiet',
        '--output=json',
        `--output-path=${reportFile}`,
        `--only-categories=${CATEGORIES.join(',')}`,
        `--chrome-flags=${CHROME_FLAGS}`,
      ],
      { CHROME_PATH: CHROMIUM_PATH },
    );
    if (run.code !== 0)
      return { tool: 'Lighthouse', passed: false, report: outputOf(run), scores: empty };
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as LighthouseReport;
    const scores = Object.fromEntries(
      CATEGORIES.map((c) => [c, report.categories[c]?.score ?? null]),
    ) as LighthouseRun['scores'];
    const low = CATEGORIES.filter((c) => (scores[c] ?? -1) < minScore);
    const lines = [
      `Lighthouse ${report.lighthouseVersion} on ${url}: ${JSON.stringify(scores)} (min ${minScore})`,
      ...(report.runtimeError
        ? [`${report.runtimeError.code}: ${report.runtimeError.message}`]
        : []),
      ...low.flatMap((c) => shortfalls(report, c)),
    ];
    const passed = !report.runtimeError && low.length === 0;
    return {
      tool: 'Lighthouse',
      passed,
      report: lines.join('\n'),
      scores,
      lighthouseReport: report,
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
