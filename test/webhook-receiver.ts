/**
 * A webhook receiver on loopback for tests: keeps every request it gets (headers and raw
 * body) and answers with the next status of its script (the last one once the script ends).
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedHook {
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export async function startWebhookReceiver(host = '127.0.0.1', statuses: number[] = [200]) {
  const received: ReceivedHook[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const status = statuses[Math.min(received.length, statuses.length) - 1] ?? 200;
      response.writeHead(status, { 'content-type': 'text/plain' }).end(`status ${status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  const origin = host.includes(':') ? `http://[${host}]:${port}` : `http://${host}:${port}`;
  return {
    origin,
    port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * True when `Dateline-Signature` is `t=<seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` under
 * this secret: worked out here from the documented format, not with Dateline's own code.
 */
export function signedWith(secret: string, hook: ReceivedHook): boolean {
  const header = String(hook.headers['dateline-signature'] ?? '');
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(`${match[1]}.${hook.body}`).digest('hex');
  return expected === match[2];
}
