/**
 * Structured data checked by structured-data-testing-tool (npm `sdtt`, pinned, offline) with its
 * Google preset, after two checks of our own that sdtt skips: every JSON-LD block is valid JSON,
 * and an Article's dates are ISO 8601 date-times with a zone.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fetchToFiles, outputOf, runCommand, type ValidatorRun } from './validator-run.js';

const require = createRequire(import.meta.url);
/** sdtt colours its report with terminal escapes. */
const stripColours = (text: string) =>
  text.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const sdttCli = () =>
  join(dirname(require.resolve('structured-data-testing-tool/package.json')), 'bin', 'cli.js');

/** Problems in the page's JSON-LD that sdtt does not look for. */
export function jsonLdProblems(html: string): string[] {
  const blocks = [
    ...html.matchAll(/<script\b[^>]*type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g),
  ];
  const problems: string[] = [];
  const visit = (node: unknown, path: string): void => {
    if (Array.isArray(node)) return node.forEach((item, i) => visit(item, `${path}[${i}]`));
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    const types = ([] as unknown[]).concat(record['@type'] ?? []);
    if (types.some((type) => /Article|BlogPosting|Report/.test(String(type))))
      for (const key of ['datePublished', 'dateModified']) {
        const date = record[key];
        if (date !== undefined && (typeof date !== 'string' || !ISO_WITH_ZONE.test(date)))
          problems.push(`${path}.${key}: ${JSON.stringify(date)} is not ISO 8601 with a zone`);
      }
    for (const [key, value] of Object.entries(record)) visit(value, `${path}.${key}`);
  };
  blocks.forEach((block, i) => {
    try {
      visit(JSON.parse(block[1] ?? ''), `jsonld[${i}]`);
    } catch (error) {
      problems.push(`jsonld[${i}]: invalid JSON: ${(error as Error).message}`);
    }
  });
  if (blocks.length === 0) problems.push('no JSON-LD block');
  return problems;
}

/** Checks the page at `url` has the `schemas` (e.g. `NewsArticle,BreadcrumbList`), all valid. */
export async function checkStructuredData(url: string, schemas: string): Promise<ValidatorRun> {
  const { files, done } = await fetchToFiles([url], '.html');
  try {
    const file = files[0] ?? '';
    const own = jsonLdProblems(readFileSync(file, 'utf8'));
    const run = await runCommand(process.execPath, [
      sdttCli(),
      '--file',
      file,
      '--presets',
      'Google',
      '--schemas',
      schemas,
    ]);
    const report = [...own, stripColours(outputOf(run))].join('\n');
    return {
      tool: 'structured-data-testing-tool',
      passed: own.length === 0 && run.code === 0,
      report,
    };
  } finally {
    done();
  }
}
