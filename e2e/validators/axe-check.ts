/**
 * axe-core (npm, pinned) run inside the page in Chromium: WCAG 2.0, 2.1 and 2.2 A and AA, and
 * best practice. Any violation fails.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import type { ValidatorRun } from './validator-run.js';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
}

/** The page's violations as it stands, one line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run(...args: unknown[]): Promise<AxeResult> } }).axe.run(
        document,
        { runOnly: { type: 'tag', values: tags } },
      ),
    TAGS,
  );
  return result.violations.map(
    (v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** Opens each URL in a fresh window of `browser` and runs axe on it. */
export async function checkAccessibility(
  browser: Browser,
  ...urls: string[]
): Promise<ValidatorRun> {
  const lines: string[] = [];
  for (const url of urls) {
    const context = await browser.newContext({ bypassCSP: true });
    try {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      lines.push(...(await axeViolations(page)).map((line) => `${url}: ${line}`));
    } finally {
      await context.close();
    }
  }
  return { tool: 'axe-core', passed: lines.length === 0, report: lines.join('\n') };
}
