/**
 * The guarded outbound HTTP client: every request to a URL someone typed goes through it.
 * http and https only, no credentials in the URL, the destination address checked when the
 * socket connects (see guarded-lookup.ts), bounded time, bounded bodies both ways, redirects
 * re-checked hop by hop.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { addressPolicy, type AddressPolicy } from '../../domain/network/address-rules.js';
import { isOutboundError, OutboundError } from '../../domain/network/outbound-error.js';
import { checkOutboundUrl } from '../../domain/network/outbound-url.js';
import type { OutboundHttp, OutboundRequest, OutboundResponse } from '../../services/ports.js';
import { guardedLookup, systemResolve, type Resolve } from './guarded-lookup.js';

export interface GuardedHttpOptions {
  /** Addresses and CIDR ranges the operator allows despite the rules (OUTBOUND_ALLOW). */
  allow?: readonly string[];
  /** How host names are resolved; tests give names of their own. */
  resolve?: Resolve;
  /** The largest request body sent; 1 MB unless given. */
  maxRequestBytes?: number;
}

const DEFAULTS = { maxResponseBytes: 64 * 1024, timeoutMs: 10_000, maxRequestBytes: 1 << 20 };
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Reads at most `max` bytes of the answer, then lets the rest go unread. */
function readCapped(response: IncomingMessage, max: number) {
  return new Promise<{ body: Uint8Array; truncated: boolean }>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      const room = max - size;
      chunks.push(chunk.subarray(0, Math.max(room, 0)));
      size += chunk.length;
      if (size > max) {
        response.destroy();
        resolve({ body: Buffer.concat(chunks), truncated: true });
      }
    });
    response.on('end', () => resolve({ body: Buffer.concat(chunks), truncated: false }));
    response.on('error', reject);
  });
}

const headersOf = (response: IncomingMessage) =>
  Object.fromEntries(
    Object.entries(response.headers).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.join(', ') : (value ?? ''),
    ]),
  );

const asOutboundError = (error: unknown, url: URL): OutboundError =>
  isOutboundError(error)
    ? error
    : new OutboundError('network', `could not reach ${url.host}: ${String(error)}`, {
        cause: error,
      });

/** One exchange with one URL already checked statically; names are checked as they resolve. */
function exchange(
  url: URL,
  request: OutboundRequest,
  body: Buffer | undefined,
  lookup: ReturnType<typeof guardedLookup>,
  deadline: AbortSignal,
): Promise<OutboundResponse> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const max = request.maxResponseBytes ?? DEFAULTS.maxResponseBytes;
  return new Promise<OutboundResponse>((resolve, reject) => {
    const outgoing = send(url, {
      method: request.method,
      headers: { ...request.headers, ...(body && { 'content-length': String(body.length) }) },
      // A fresh connection each time: never a pooled socket opened for another name.
      agent: false,
      lookup,
      signal: deadline,
    });
    outgoing.on('error', (error) =>
      reject(deadline.aborted ? (deadline.reason as OutboundError) : asOutboundError(error, url)),
    );
    outgoing.on('response', (response) => {
      readCapped(response, max).then(
        ({ body: answer, truncated }) =>
          resolve({
            status: response.statusCode ?? 0,
            headers: headersOf(response),
            body: answer,
            truncated,
            url: url.toString(),
          }),
        (error: unknown) =>
          reject(
            deadline.aborted ? (deadline.reason as OutboundError) : asOutboundError(error, url),
          ),
      );
    });
    outgoing.end(body);
  });
}

/** The request a redirect leads to: 303, and 301/302 after a POST, become a GET without body. */
function redirected(request: OutboundRequest, status: number, location: URL): OutboundRequest {
  const toGet = status === 303 || ((status === 301 || status === 302) && request.method === 'POST');
  return toGet
    ? { ...request, url: location.toString(), method: 'GET', body: undefined }
    : { ...request, url: location.toString() };
}

/** The client, with the operator's allow-list; see OutboundHttp for what it promises. */
export function createGuardedHttpClient(options: GuardedHttpOptions = {}): OutboundHttp {
  const policy: AddressPolicy = addressPolicy(options.allow ?? []);
  const lookup = guardedLookup(policy, options.resolve ?? systemResolve);
  const maxRequestBytes = options.maxRequestBytes ?? DEFAULTS.maxRequestBytes;

  const checked = (raw: string) => {
    const check = checkOutboundUrl(raw, policy);
    if (!check.ok) throw new OutboundError('refused', `${raw} ${check.reason}`);
    return check.url;
  };

  async function send(request: OutboundRequest): Promise<OutboundResponse> {
    const timeoutMs = request.timeoutMs ?? DEFAULTS.timeoutMs;
    const deadline = new AbortController();
    const timer = setTimeout(
      () =>
        deadline.abort(new OutboundError('timeout', `no complete answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
    try {
      let current = request;
      for (let hop = 0; ; hop++) {
        const url = checked(current.url);
        const body = current.body === undefined ? undefined : Buffer.from(current.body);
        if (body && body.length > maxRequestBytes)
          throw new OutboundError('too_large', `the request body is over ${maxRequestBytes} bytes`);
        const response = await exchange(url, current, body, lookup, deadline.signal);
        const { location: target } = response.headers;
        const location = target ? URL.parse(target, url) : null;
        if (!REDIRECTS.has(response.status) || !location || hop >= (request.maxRedirects ?? 0))
          return response;
        current = redirected(current, response.status, location);
      }
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    refusalOf: (url) => {
      const check = checkOutboundUrl(url, policy);
      return check.ok ? null : check.reason;
    },
    send,
  };
}
