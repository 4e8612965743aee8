/**
 * Reader pages fetched over a real port, as a browser or a CDN would, so that the page cache's
 * own handler answers what it keeps (an injected request never reaches it); and a clock the
 * test moves.
 */
import { request as httpRequest } from 'node:http';
import type { Clock } from '../src/services/ports.js';
import { startTestApp } from './test-app.js';
import type { ENGINES } from './test-databases.js';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** Whether the page cache answered it. */
  hit: boolean;
}

export const movableClock = (start: string) => {
  let now = new Date(start);
  const clock: Clock = { now: () => now };
  return { clock, set: (iso: string) => (now = new Date(iso)) };
};

export async function startOnPort(
  env: Record<string, string>,
  engine: (typeof ENGINES)[number],
  clock: Clock,
) {
  const t = await startTestApp(
    { PUBLIC_URL: 'https://paper.example', ...env },
    await engine.create(),
    {
      clock,
    },
  );
  await t.server.listen({ port: 0, host: '127.0.0.1' });
  const address = t.server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    new Promise<Answer>((resolve, reject) => {
      const hitsBefore = t.app.pages.cache.stats().hits;
      const outgoing = httpRequest(
        { host: '127.0.0.1', port, path, method, headers: { host: 'paper.example', ...headers } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: Buffer.concat(chunks),
              hit: t.app.pages.cache.stats().hits > hitsBefore,
            }),
          );
        },
      );
      outgoing.on('error', reject);
      outgoing.end();
    });
  return { t, get };
}
