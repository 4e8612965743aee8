/**
 * The built `dateline` command run as a child process in a throwaway folder with its own
 * SQLite database and media folder, as an operator would run it.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'dateline.js');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliSandbox {
  dir: string;
  env: NodeJS.ProcessEnv;
  /** Runs `dateline ARGS`, feeding `stdin` when given. */
  run(args: string[], stdin?: string): Promise<Run>;
  remove(): void;
}

/** A fresh sandbox; throws when dist/ has not been built (npm test builds it first). */
export function cliSandbox(): CliSandbox {
  if (!existsSync(join(ROOT, 'dist', 'src', 'main.js'))) {
    throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  }
  const dir = mkdtempSync(join(tmpdir(), 'dateline-cli-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
    MEDIA_DIR: join(dir, 'media'),
    LOG_LEVEL: 'silent',
  };
  delete env.DATELINE_NOW;
  const sandbox: CliSandbox = {
    dir,
    env,
    run: (args, stdin) =>
      new Promise<Run>((done) => {
        const child = execFile(
          'node',
          [BIN, ...args],
          { env: sandbox.env, cwd: dir },
          (error, stdout, stderr) =>
            done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
        );
        child.stdin?.end(stdin ?? '');
      }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  return sandbox;
}
