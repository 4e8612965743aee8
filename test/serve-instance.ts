/**
 * One `dateline serve` process of the built command, as a load balancer's backend runs it,
 * and calls on it over real HTTP as the newsroom app makes them.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'dateline.js');

/** A signed-in browser: its session cookie and CSRF token. */
export interface Signed {
  cookie: string;
  csrfToken: string;
}

export interface Instance {
  /** Where it listens, e.g. http://127.0.0.1:41234. */
  url: string;
  /** Everything it has written to stdout and stderr so far. */
  log(): string;
  /** A reader's page: its status and text. */
  page(path: string): Promise<{ status: number; text: string }>;
  /** Sets up the first account and is signed in as it. */
  setUp(account: { email: string; name: string; password: string }): Promise<Signed>;
  /** Calls the newsroom API as `as` and insists on a 2xx answer, whose JSON it returns. */
  ok<T = unknown>(
    as: Signed,
    method: string,
    path: string,
    body?: object | Buffer,
    headers?: Record<string, string>,
  ): Promise<T>;
  /** SIGTERM, and waits for it to exit. */
  stop(): Promise<void>;
}

const SERVING = /Dateline is serving (http:\/\/\S+)/;
/** How long a start may take on a loaded machine: migrations and all. */
const START_MS = 45_000;

/** Starts `dateline serve` on a free port; resolves once it is serving. */
export async function startInstance(
  databaseUrl: string,
  mediaDir: string,
  env: Record<string, string> = {},
): Promise<Instance> {
  if (!existsSync(join(ROOT, 'dist', 'src', 'main.js'))) {
    throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  }
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    MEDIA_DIR: mediaDir,
    SCHEDULER_INTERVAL_SECONDS: '1',
    JOBS_INTERVAL_SECONDS: '1',
    LOG_LEVEL: 'warn',
    ...env,
  };
  delete childEnv.DATELINE_NOW;
  delete childEnv.PUBLIC_URL;
  const child = spawn('node', [BIN, 'serve', '--port', '0'], {
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = await new Promise<string>((serving, failed) => {
    // A process that never says it is serving is ended, not left behind the test run.
    const stuck = setTimeout(() => child.kill('SIGKILL'), START_MS);
    const read = (chunk: Buffer) => {
      output.push(chunk.toString());
      const found = SERVING.exec(output.join(''));
      if (!found?.[1]) return;
      clearTimeout(stuck);
      serving(found[1]);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then(() => failed(new Error(`dateline serve exited:\n${output.join('')}`)));
  });

  const ok = async <T>(
    as: Signed,
    method: string,
    path: string,
    body?: object | Buffer,
    headers: Record<string, string> = {},
  ): Promise<T> => {
    const json = body !== undefined && !Buffer.isBuffer(body);
    const response = await fetch(new URL(path, url), {
      method,
      headers: {
        cookie: as.cookie,
        'x-csrf-token': as.csrfToken,
        ...(json && { 'content-type': 'application/json' }),
        ...headers,
      },
      body: json ? JSON.stringify(body) : body && new Uint8Array(body),
    });
    const text = await response.text();
    expect(response.ok, `${method} ${path} on ${url}: ${response.status} ${text}`).toBe(true);
    return JSON.parse(text) as T;
  };

  return {
    url,
    log: () => output.join(''),
    async page(path) {
      const response = await fetch(new URL(path, url));
      return { status: response.status, text: await response.text() };
    },
    async setUp(account) {
      const response = await fetch(new URL('/api/admin/setup', url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(account),
      });
      const text = await response.text();
      expect(response.status, text).toBe(201);
      const session = response.headers
        .getSetCookie()
        .find((cookie) => cookie.startsWith('dateline_session='));
      return {
        cookie: session?.split(';')[0] ?? '',
        csrfToken: (JSON.parse(text) as { csrfToken: string }).csrfToken,
      };
    },
    ok,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
