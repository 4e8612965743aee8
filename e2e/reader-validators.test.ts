/**
 * The reader pages checked by validators written by others (../shared/tools/): the W3C Nu Html
 * Checker, axe-core, and Lighthouse on mobile. Each script installs what it needs on first use,
 * so the first run is slow; later runs take seconds (Lighthouse ~15 s a page).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSharedFolder, sharedPath } from '../test/shared-folder.js';
import { REFERENCE_ARTICLE_PATH } from '../test/test-app.js';
import { expectPhotosDeliveredWell } from './lighthouse-photo-audits.js';
import { startReaderSite, type ReaderSite } from './reader-site.js';

/** Room for a first run, which installs Java, npm packages and Chromium as needed. */
const TOOL_TIMEOUT_MS = 5 * 60_000;
/** Every Lighthouse category must score at least this (as a fraction, as Lighthouse reports). */
const MIN_LIGHTHOUSE_SCORE = 0.95;

interface ToolRun {
  /** The exit code: 0 pass, 1 the page has problems, 2 the tool could not run. */
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `../shared/tools/<script>` with bash; never rejects, so failures can be reported. */
function runTool(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<ToolRun> {
  return new Promise((resolve) => {
    execFile(
      'bash',
      [sharedPath('tools', script), ...args],
      { timeout: TOOL_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, ...env } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const lastLine = (text: string) => text.trimEnd().split('\n').at(-1) ?? '';

/** The whole output, for assertion messages: CI logs then show what the validator found. */
const report = (script: string, run: ToolRun) =>
  `${script} exited ${run.code}\n--- stdout ---\n${run.stdout}\n--- stderr ---\n${run.stderr}`;

/** Asserts the tool exited 0 and its summary line says PASS. */
function expectPass(tool: string, script: string, run: ToolRun) {
  expect(run.code, report(script, run)).toBe(0);
  expect(lastLine(run.stdout), report(script, run)).toMatch(new RegExp(`^${tool}: PASS`));
}

/** The `{"performance":…}` line Lighthouse's script prints, parsed. */
function lighthouseScores(run: ToolRun): Record<string, number | null> | undefined {
  const line = run.stdout.split('\n').find((l) => l.startsWith('{"performance"'));
  return line === undefined ? undefined : (JSON.parse(line) as Record<string, number | null>);
}

describe.runIf(hasSharedFolder())('reader pages pass the external validators', () => {
  let site: ReaderSite;

  beforeAll(async () => {
    site = await startReaderSite({ demo: true });
    console.log(`validating with ${site.demoArticles} demo article(s) and the reference article`);
  });

  afterAll(async () => {
    await site?.close();
  });

  describe.each([
    { page: 'the article page', path: REFERENCE_ARTICLE_PATH },
    { page: 'the home page', path: '/' },
  ])('$page', ({ page, path }) => {
    const url = () => `${site.baseUrl}${path}`;

    it('is valid HTML by the Nu Html Checker', { timeout: TOOL_TIMEOUT_MS }, async () => {
      expectPass('validate-html', 'validate-html.sh', await runTool('validate-html.sh', [url()]));
    });

    it('has no axe-core accessibility violations', { timeout: TOOL_TIMEOUT_MS }, async () => {
      expectPass('axe', 'axe.sh', await runTool('axe.sh', [url()]));
    });

    it(
      `scores at least ${MIN_LIGHTHOUSE_SCORE * 100} in every Lighthouse category on mobile, with its photos well delivered`,
      { timeout: TOOL_TIMEOUT_MS },
      async () => {
        // The script compares scores as fractions (0–1), so the minimum is given as one.
        const reportFile = join(mkdtempSync(join(tmpdir(), 'dateline-lh-')), 'report.json');
        const run = await runTool('lighthouse.sh', [url(), String(MIN_LIGHTHOUSE_SCORE)], {
          LH_REPORT: reportFile,
        });
        const scores = lighthouseScores(run);
        console.log(`lighthouse ${page} ${path}: ${JSON.stringify(scores ?? null)}`);
        expectPass('lighthouse', 'lighthouse.sh', run);
        expect(scores, report('lighthouse.sh', run)).toBeDefined();
        for (const category of ['performance', 'accessibility', 'best-practices', 'seo']) {
          expect(
            scores?.[category],
            `${category}\n${report('lighthouse.sh', run)}`,
          ).toBeGreaterThanOrEqual(MIN_LIGHTHOUSE_SCORE);
        }
        expectPhotosDeliveredWell(JSON.parse(readFileSync(reportFile, 'utf8')) as never);
        rmSync(dirname(reportFile), { recursive: true, force: true });
      },
    );
  });

  it(
    'keeps the search results page valid HTML without accessibility violations',
    { timeout: TOOL_TIMEOUT_MS },
    async () => {
      const url = `${site.baseUrl}/search?q=talks`;
      expectPass('validate-html', 'validate-html.sh', await runTool('validate-html.sh', [url]));
      expectPass('axe', 'axe.sh', await runTool('axe.sh', [url]));
    },
  );

  it.each([
    {
      page: 'the article page',
      path: REFERENCE_ARTICLE_PATH,
      schemas: 'NewsArticle,BreadcrumbList',
    },
    { page: 'the home page', path: '/', schemas: 'WebSite' },
    { page: 'a section front', path: '/world', schemas: 'CollectionPage,BreadcrumbList' },
  ])(
    'describes $page in valid JSON-LD ($schemas)',
    { timeout: TOOL_TIMEOUT_MS },
    async ({ path, schemas }) => {
      const url = `${site.baseUrl}${path}`;
      expectPass(
        'validate-jsonld',
        'validate-jsonld.sh',
        await runTool('validate-jsonld.sh', [url, schemas]),
      );
    },
  );
});
