/**
 * A stand-in for a CDN's purge API on 127.0.0.1: records every request, and answers 503 to
 * as many as it is told to fail.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PurgeRequest {
  authorization: string | undefined;
  contentType: string | undefined;
  keys: string[];
  /** The status it was answered with. */
  status: number;
}

export interface PurgeReceiver {
  url: string;
  requests: PurgeRequest[];
  /** Keys of the requests answered 2xx, in order. */
  purged(): string[][];
  failNext(count: number): void;
  close(): Promise<void>;
}

export async function startPurgeReceiver(): Promise<PurgeReceiver> {
  const requests: PurgeRequest[] = [];
  let failures = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as {
        surrogate_keys?: string[];
      };
      const status = failures > 0 ? 503 : 200;
      if (failures > 0) failures--;
      requests.push({
        authorization: request.headers.authorization,
        contentType: request.headers['content-type'],
        keys: body.surrogate_keys ?? [],
        status,
      });
      response.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/purge`,
    requests,
    purged: () => requests.filter((r) => r.status < 300).map((r) => r.keys),
    failNext: (count) => {
      failures = count;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
