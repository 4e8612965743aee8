/**
 * `dateline serve` stopped by SIGTERM and SIGINT, as a process manager stops it: in-flight
 * requests finish, idle keep-alive connections are closed, the process exits 0 within
 * SHUTDOWN_TIMEOUT_SECONDS, or 1 naming what still ran (ADR 0035). Runs the built dist/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ENGINES, createSqliteDatabase, type TestDatabase } from './test-databases.js';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'dateline.js');
const BOUND_SECONDS = 10;

interface Served {
  child: ChildProcess;
  output: () => string;
  port: number;
  exited: Promise<{ code: number | null; at: number }>;
}

const until = async (check: () => boolean, what: string, ms = 20_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`waited in vain for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

async function startServe(databaseUrl: string, env: Record<string, string>): Promise<Served> {
  if (!existsSync(join(ROOT, 'dist', 'src', 'main.js'))) {
    throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  }
  const mediaDir = mkdtempSync(join(tmpdir(), 'dateline-shutdown-'));
  const child = spawn('node', [BIN, 'serve', '--port', '0'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      MEDIA_DIR: mediaDir,
      LOG_LEVEL: 'info',
      DATELINE_NOW: '',
      SHUTDOWN_TIMEOUT_SECONDS: String(BOUND_SECONDS),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  const exited = new Promise<{ code: number | null; at: number }>((done) =>
    child.on('exit', (code) => {
      rmSync(mediaDir, { recursive: true, force: true });
      done({ code, at: Date.now() });
    }),
  );
  const output = () => chunks.join('');
  await until(() => /serving http:\/\/127\.0\.0\.1:\d+/.test(output()), 'the server to listen');
  const port = Number(/serving http:\/\/127\.0\.0\.1:(\d+)/.exec(output())![1]);
  return { child, output, port, exited };
}

/** Keep-alive connections that have each answered a request and now sit idle. */
async function idleKeepAliveSockets(port: number, count: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: count });
  const closed: Promise<unknown>[] = [];
  const answered = Array.from(
    { length: count },
    () =>
      new Promise<void>((done, fail) => {
        const request = http.get({ host: '127.0.0.1', port, path: '/healthz', agent }, (res) => {
          res.resume();
          res.on('end', done);
        });
        request.once('socket', (socket: Socket) =>
          closed.push(new Promise((c) => socket.once('close', c))),
        );
        request.on('error', fail);
      }),
  );
  await Promise.all(answered);
  expect(closed).toHaveLength(count);
  return { closed: Promise.all(closed) };
}

/** A sign-in whose body arrives in two parts: in flight until `finish` sends the rest. */
function slowRequest(port: number, requestId: string) {
  const body = JSON.stringify({ email: 'nobody@example.test', password: 'not-the-password' });
  const half = Math.floor(body.length / 2);
  const socket = connect(port, '127.0.0.1');
  let response = '';
  socket.on('data', (chunk) => (response += chunk.toString()));
  const ended = new Promise<void>((done) => socket.on('close', () => done()));
  socket.write(
    [
      'POST /api/admin/session HTTP/1.1',
      `Host: 127.0.0.1:${port}`,
      `Origin: http://127.0.0.1:${port}`,
      'Content-Type: application/json',
      `Content-Length: ${Buffer.byteLength(body)}`,
      `X-Request-Id: ${requestId}`,
      '',
      body.slice(0, half),
    ].join('\r\n'),
  );
  return {
    received: () => response,
    finish: () => socket.write(body.slice(half)),
    ended,
    socket,
  };
}

/** METRICS_PORT: /metrics there without a token, and none on the main port (no token set). */
async function expectMetricsOnTheirOwnPort(served: Served) {
  const at = /Metrics are served at (http:\/\/127\.0\.0\.1:\d+\/metrics)/.exec(served.output());
  expect(at, served.output()).not.toBeNull();
  const scraped = await fetch(at![1]!);
  expect(scraped.status).toBe(200);
  const text = await scraped.text();
  expect(text).toMatch(/^http_requests_total\{route="\/healthz",method="GET",status="200"\} 3$/m);
  expect(text).toMatch(/^process_resident_memory_bytes \d+$/m);
  expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds [\d.e-]+$/m);
  const main = await fetch(`http://127.0.0.1:${served.port}/metrics`);
  expect(main.status).toBe(404);
  // Read to the end: a client that stops reading holds its answer in flight (till the bound).
  await main.text();
}

describe.each(ENGINES)('stopping `dateline serve` on $engine', ({ create }) => {
  let database: TestDatabase | undefined;
  let served: Served | undefined;

  afterEach(async () => {
    served?.child.kill('SIGKILL');
    await served?.exited;
    await database?.drop();
    served = undefined;
    database = undefined;
  });

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'on %s lets the in-flight request finish, closes idle connections and exits 0 within the bound',
    async (signal) => {
      database = await create();
      served = await startServe(database.url, {
        LOG_FORMAT: 'json',
        LOG_LEVEL: 'debug',
        METRICS_PORT: '0',
      });
      const idle = await idleKeepAliveSockets(served.port, 3);
      await expectMetricsOnTheirOwnPort(served);
      const slow = slowRequest(served.port, `slow-${signal}`);
      // The server has the request's head and half its body: it is in flight, unanswered.
      await until(() => served!.output().includes(`"reqId":"slow-${signal}"`), 'the request');
      expect(slow.received()).toBe('');

      const signalledAt = Date.now();
      served.child.kill(signal);
      await until(() => served!.output().includes(`shutdown: ${signal} received`), 'the signal');
      await idle.closed; // idle keep-alive connections are closed at once, not at their timeout
      expect(slow.received()).toBe('');
      slow.finish();
      await slow.ended;

      const { code, at } = await served.exited;
      expect(code, served.output()).toBe(0);
      expect(at - signalledAt).toBeLessThan(BOUND_SECONDS * 1000);
      // The in-flight request got its whole answer, with its id and the connection closing.
      expect(slow.received()).toMatch(/^HTTP\/1\.1 4\d\d /);
      expect(slow.received()).toMatch(new RegExp(`\\r\\nx-request-id: slow-${signal}\\r\\n`, 'i'));
      expect(slow.received()).toMatch(/\r\nconnection: close\r\n/i);
      const [, answer] = slow.received().split('\r\n\r\n');
      expect(JSON.parse(answer!)).toHaveProperty('error');
      // Every line is JSON; the request's own lines carry the id it was answered with.
      const lines = served
        .output()
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      const completed = lines.find(
        (line) => line.reqId === `slow-${signal}` && line.msg === 'request completed',
      );
      expect(completed).toMatchObject({ reqId: `slow-${signal}`, level: 30 });
      expect(lines.find((line) => line.msg === 'shutdown: done')).toMatchObject({
        component: 'shutdown',
      });
    },
  );
});

describe('stopping `dateline serve` when something will not finish', () => {
  let database: TestDatabase | undefined;
  let served: Served | undefined;

  afterEach(async () => {
    served?.child.kill('SIGKILL');
    await served?.exited;
    await database?.drop();
  });

  it('exits 1 at the bound, naming what still ran', async () => {
    database = createSqliteDatabase();
    served = await startServe(database.url, { SHUTDOWN_TIMEOUT_SECONDS: '1', LOG_LEVEL: 'debug' });
    const slow = slowRequest(served.port, 'never-finished');
    await until(() => served!.output().includes('"reqId":"never-finished"'), 'the request');
    served.child.kill('SIGTERM');
    const { code } = await served.exited;
    expect(code).toBe(1);
    expect(served.output()).toContain(
      'shutdown: gave up after 1 s; still running: http server (1 connection(s) still open), view counter (not started), database (not started)',
    );
    slow.socket.destroy();
  });

  it('exits at once on a second signal', async () => {
    database = createSqliteDatabase();
    served = await startServe(database.url, { LOG_LEVEL: 'debug' });
    const slow = slowRequest(served.port, 'held');
    await until(() => served!.output().includes('"reqId":"held"'), 'the request');
    const signalledAt = Date.now();
    served.child.kill('SIGTERM');
    await until(() => served!.output().includes('shutdown: SIGTERM received'), 'the signal');
    served.child.kill('SIGINT');
    const { code, at } = await served.exited;
    expect(code).toBe(1);
    expect(served.output()).toContain('shutdown: SIGINT again; exiting at once');
    expect(at - signalledAt).toBeLessThan(BOUND_SECONDS * 1000);
    slow.socket.destroy();
  });
});
