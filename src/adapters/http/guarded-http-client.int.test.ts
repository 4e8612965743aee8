/**
 * The guarded client against real sockets on loopback: what it refuses never reaches the
 * listener (it counts zero requests), and what it resolves is what it connects to.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OutboundError } from '../../domain/network/outbound-error.js';
import { createGuardedHttpClient } from './guarded-http-client.js';
import type { Resolve } from './guarded-lookup.js';

interface Listener {
  server: Server;
  port: number;
  requests: string[];
}

async function listen(host: string, answer: RequestListener): Promise<Listener> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    answer(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return { server, port: (server.address() as AddressInfo).port, requests };
}

const ok: RequestListener = (_request, response) => response.end('thanks');

/** A resolver of the test's own: these names exist nowhere else. */
const names =
  (table: Record<string, string[]>, calls: string[] = []): Resolve =>
  (hostname) => {
    calls.push(hostname);
    const addresses = table[hostname];
    if (!addresses) return Promise.reject(new Error(`ENOTFOUND ${hostname}`));
    return Promise.resolve(
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    );
  };

/** The OutboundError a request ends in. */
async function failureOf(promise: Promise<unknown>): Promise<OutboundError> {
  const error = await promise.then(
    () => new Error('the request went through'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OutboundError);
  return error as OutboundError;
}

describe('the guarded outbound client', () => {
  let v4: Listener;
  let v6: Listener;
  const opened: Server[] = [];

  beforeAll(async () => {
    v4 = await listen('127.0.0.1', ok);
    v6 = await listen('::1', ok);
  });
  afterEach(() => {
    v4.requests.length = 0;
    v6.requests.length = 0;
  });
  afterAll(async () => {
    for (const server of [v4.server, v6.server, ...opened]) server.close();
    await Promise.resolve();
  });

  const extra = async (host: string, answer: RequestListener) => {
    const listener = await listen(host, answer);
    opened.push(listener.server);
    return listener;
  };

  it('refuses loopback, metadata and private literals before connecting', async () => {
    const client = createGuardedHttpClient();
    for (const url of [
      `http://127.0.0.1:${v4.port}/`,
      `http://2130706433:${v4.port}/`,
      `http://0x7f.0.0.1:${v4.port}/`,
      `http://[::1]:${v6.port}/`,
      `http://[::ffff:127.0.0.1]:${v4.port}/`,
      `http://localhost:${v4.port}/`,
      'http://169.254.169.254/latest/meta-data/',
    ]) {
      const failure = await failureOf(client.send({ method: 'GET', url }));
      expect(failure.kind, url).toBe('refused');
      expect(client.refusalOf(url), url).not.toBeNull();
    }
    expect(v4.requests).toEqual([]);
    expect(v6.requests).toEqual([]);
  });

  it('refuses a name that resolves to loopback, and does not connect', async () => {
    const client = createGuardedHttpClient({
      resolve: names({ 'hooks.partner.test': ['127.0.0.1'] }),
    });
    const url = `http://hooks.partner.test:${v4.port}/`;
    expect(client.refusalOf(url)).toBeNull();
    const failure = await failureOf(client.send({ method: 'POST', url, body: '{}' }));
    expect(failure.kind).toBe('refused');
    expect(failure.message).toBe('hooks.partner.test resolves to 127.0.0.1, a loopback address');
    expect(v4.requests).toEqual([]);
  });

  it('refuses a name with any inside address among outside ones', async () => {
    const client = createGuardedHttpClient({
      resolve: names({ 'mixed.test': ['93.184.215.14', '::1'] }),
    });
    const failure = await failureOf(
      client.send({ method: 'GET', url: `http://mixed.test:${v6.port}/` }),
    );
    expect(failure.kind).toBe('refused');
    expect(v6.requests).toEqual([]);
  });

  it('connects to the very address it checked, resolving each name once', async () => {
    const calls: string[] = [];
    const client = createGuardedHttpClient({
      allow: ['127.0.0.1'],
      resolve: names({ 'hooks.partner.test': ['127.0.0.1'] }, calls),
    });
    const response = await client.send({
      method: 'POST',
      url: `http://hooks.partner.test:${v4.port}/inbox`,
      body: '{"hello":1}',
    });
    expect(response.status).toBe(200);
    expect(Buffer.from(response.body).toString()).toBe('thanks');
    expect(v4.requests).toEqual(['POST /inbox']);
    // Only the guarded resolver knows this name: the socket used its answer, nothing else.
    expect(calls).toEqual(['hooks.partner.test']);
  });

  it('sends to an allow-listed literal address, in IPv4 and IPv6', async () => {
    const client = createGuardedHttpClient({ allow: ['127.0.0.1', '::1'] });
    expect(
      (await client.send({ method: 'GET', url: `http://127.0.0.1:${v4.port}/a` })).status,
    ).toBe(200);
    expect((await client.send({ method: 'GET', url: `http://[::1]:${v6.port}/b` })).status).toBe(
      200,
    );
    expect(v4.requests).toEqual(['GET /a']);
    expect(v6.requests).toEqual(['GET /b']);
  });

  it('checks every redirect hop like the first, and follows none unless asked', async () => {
    const inside = await extra('127.0.0.2', ok);
    const front = await extra('127.0.0.1', (request, response) => {
      const to = request.url === '/same' ? `/landing` : `http://127.0.0.2:${inside.port}/secret`;
      response.writeHead(request.url === '/landing' ? 200 : 302, { location: to }).end();
    });
    const client = createGuardedHttpClient({ allow: ['127.0.0.1'] });
    const kept = await client.send({ method: 'POST', url: `http://127.0.0.1:${front.port}/` });
    expect(kept.status).toBe(302);
    const failure = await failureOf(
      client.send({ method: 'GET', url: `http://127.0.0.1:${front.port}/`, maxRedirects: 3 }),
    );
    expect(failure.kind).toBe('refused');
    expect(failure.message).toMatch(/points at 127\.0\.0\.2, a loopback address/);
    expect(inside.requests).toEqual([]);
    const followed = await client.send({
      method: 'GET',
      url: `http://127.0.0.1:${front.port}/same`,
      maxRedirects: 3,
    });
    expect(followed.status).toBe(200);
    expect(followed.url).toBe(`http://127.0.0.1:${front.port}/landing`);
  });

  it('reads no more of an answer than it was told to', async () => {
    const big = await extra('127.0.0.1', (_request, response) => response.end('x'.repeat(200_000)));
    const client = createGuardedHttpClient({ allow: ['127.0.0.1'] });
    const response = await client.send({
      method: 'GET',
      url: `http://127.0.0.1:${big.port}/`,
      maxResponseBytes: 1024,
    });
    expect(response.body.length).toBe(1024);
    expect(response.truncated).toBe(true);
  });

  it('refuses to send a body over the cap, and sends nothing', async () => {
    const client = createGuardedHttpClient({ allow: ['127.0.0.1'], maxRequestBytes: 100 });
    const failure = await failureOf(
      client.send({ method: 'POST', url: `http://127.0.0.1:${v4.port}/`, body: 'y'.repeat(101) }),
    );
    expect(failure.kind).toBe('too_large');
    expect(v4.requests).toEqual([]);
  });

  it('gives up on a receiver that never answers, as a timeout', async () => {
    const silent = await extra('127.0.0.1', () => undefined);
    const client = createGuardedHttpClient({ allow: ['127.0.0.1'] });
    const failure = await failureOf(
      client.send({ method: 'GET', url: `http://127.0.0.1:${silent.port}/`, timeoutMs: 200 }),
    );
    expect(failure.kind).toBe('timeout');
    silent.server.closeAllConnections();
  });

  it('reports a closed port and an unknown name as network failures', async () => {
    const closed = await extra('127.0.0.1', ok);
    const port = closed.port;
    await new Promise((resolve) => closed.server.close(resolve));
    const client = createGuardedHttpClient({ allow: ['127.0.0.1'], resolve: names({}) });
    expect(
      (await failureOf(client.send({ method: 'GET', url: `http://127.0.0.1:${port}/` }))).kind,
    ).toBe('network');
    expect(
      (await failureOf(client.send({ method: 'GET', url: 'http://nowhere.test/' }))).kind,
    ).toBe('network');
  });
});
