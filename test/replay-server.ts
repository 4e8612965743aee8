/**
 * A local HTTP server that answers with recorded responses, so adapter tests exercise real
 * `fetch`, status handling and body parsing without reaching the internet. It records every
 * request URL, so tests can assert what was asked for (query string included).
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One recorded answer. Object bodies are sent as JSON, strings exactly as given. */
export interface RecordedResponse {
  /** Default 200. */
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Accept the request and never answer, for timeout tests. */
  hang?: boolean;
}

/** A running replay server; routes are keyed by pathname (`/v1/forecast`). */
export interface ReplayServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  readonly baseUrl: string;
  /** Every request received, oldest first. */
  readonly requests: readonly URL[];
  /** How many requests arrived, in all or for one pathname. */
  requestCount(pathname?: string): number;
  /** Sets (or replaces) the recorded response for a pathname. */
  route(pathname: string, response: RecordedResponse): void;
  /** Forgets the recorded requests; routes stay. */
  clearRequests(): void;
  /** Stops the server, dropping requests left hanging. */
  close(): Promise<void>;
}

/** Starts a replay server on 127.0.0.1 on a free port. */
export async function startReplayServer(
  initialRoutes: Record<string, RecordedResponse> = {},
): Promise<ReplayServer> {
  const routes = new Map(Object.entries(initialRoutes));
  const requests: URL[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push(url);
    answer(routes.get(url.pathname), request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    requestCount: (pathname) =>
      pathname === undefined
        ? requests.length
        : requests.filter((url) => url.pathname === pathname).length,
    route: (pathname, response) => void routes.set(pathname, response),
    clearRequests: () => void requests.splice(0),
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

function answer(
  recorded: RecordedResponse | undefined,
  request: IncomingMessage,
  response: ServerResponse,
) {
  if (recorded?.hang) return;
  if (recorded === undefined) {
    send(response, 404, { error: `no recorded response for ${request.url ?? '/'}` }, {});
    return;
  }
  send(response, recorded.status ?? 200, recorded.body, recorded.headers ?? {});
}

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string>,
) {
  if (typeof body === 'string' || body === undefined) {
    response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
    response.end(body ?? '');
    return;
  }
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}
