/**
 * What a validator run tells a test: whether the input passed, and the validator's own report
 * to show when it did not. Validators are programs written by others (the W3C Nu Html Checker,
 * axe-core, Lighthouse, feed parsers, xmllint, sdtt), pinned in package.json or installed from
 * Debian's packages by scripts/install-test-tools.sh.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

export interface ValidatorRun {
  tool: string;
  passed: boolean;
  report: string;
}

/** Room for the slowest validator (Lighthouse, about 15 s a page; more on a loaded machine). */
export const VALIDATOR_TIMEOUT_MS = 3 * 60_000;

export interface CommandRun {
  /** The exit code; null when the command could not run or was killed. */
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a program; never rejects, so a failure can be reported with its output. */
export function runCommand(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<CommandRun> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      {
        timeout: VALIDATOR_TIMEOUT_MS,
        maxBuffer: 32 * 1024 * 1024,
        env: { ...process.env, ...env },
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        const cause = error && code === null ? `\n${error.message}` : '';
        resolve({ code, stdout, stderr: stderr + cause });
      },
    );
  });
}

/** The output of a command, for a report. */
export const outputOf = (run: CommandRun) =>
  `exit ${run.code}\n--- stdout ---\n${run.stdout}\n--- stderr ---\n${run.stderr}`;

/** Asserts a validator passed, showing its report when it did not. */
export function expectPass(run: ValidatorRun) {
  expect(run.passed, `${run.tool} failed:\n${run.report}`).toBe(true);
}

/** Fetches each URL into a file of a fresh folder (validators read files); removed by `done`. */
export async function fetchToFiles(urls: string[], extension: string) {
  const folder = mkdtempSync(join(tmpdir(), 'dateline-validate-'));
  const files = await Promise.all(
    urls.map(async (url, i) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
      const file = join(folder, `${i}${extension}`);
      writeFileSync(file, Buffer.from(await response.arrayBuffer()));
      return file;
    }),
  );
  return { files, done: () => rmSync(folder, { recursive: true, force: true }) };
}
