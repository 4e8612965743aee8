/**
 * Answers a request from a kept page, straight on Node's response: the encoding the client
 * accepts (brotli, gzip, else as is), 304 to a client whose copy is current, headers alone to
 * HEAD. What Fastify would have done for it is covered in docs/adr/0033-page-cache.md.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CachedPage } from './page-cache.js';

/** Never answered before Fastify: the newsroom, the APIs (a Content API read must check its key) and photos. */
const NEVER_KEPT = /^\/(api|admin|media)(\/|$)/;
/** Kept, but answered only in the Content API's context, after its key check and rate limit. */
const KEY_CHECKED = /^\/api\/content\//;

/** Host, path and query with its parameters in name order (repeated names keep their order). */
function canonicalAddress(host: string, url: string): string {
  const mark = url.indexOf('?');
  if (mark === -1) return `${host.toLowerCase()} ${url}`;
  const params = url
    .slice(mark + 1)
    .split('&')
    .filter((param) => param !== '');
  const name = (param: string) => param.split('=', 1)[0] ?? '';
  params.sort((a, b) => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0));
  return `${host.toLowerCase()} ${url.slice(0, mark)}?${params.join('&')}`;
}

/**
 * The address a page is kept under, which the handler before Fastify looks up. Undefined for
 * requests never answered there.
 */
export function pageAddress(host: string | undefined, url: string): string | undefined {
  if (!host || NEVER_KEPT.test(url)) return undefined;
  return canonicalAddress(host, url);
}

/**
 * The address of a Content API read: marked apart, so that no lookup but the one after the
 * key check (answer-after-key-check.ts) can ever find it. Undefined for other requests.
 */
export function keyCheckedAddress(host: string | undefined, url: string): string | undefined {
  if (!host || !KEY_CHECKED.test(url)) return undefined;
  return `key-checked ${canonicalAddress(host, url)}`;
}

type Encoding = 'br' | 'gzip' | 'identity';

/** The best encoding the client accepts (q > 0) of those kept. */
export function chooseEncoding(accept: string | undefined, page: CachedPage): Encoding {
  if (!accept) return 'identity';
  const accepted = new Set<string>();
  for (const part of accept.split(',')) {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.find((param) => param.trim().startsWith('q='));
    if (q && Number(q.trim().slice(2)) === 0) continue;
    accepted.add(coding.trim());
  }
  if (page.br && (accepted.has('br') || accepted.has('*'))) return 'br';
  if (page.gzip && (accepted.has('gzip') || accepted.has('*'))) return 'gzip';
  return 'identity';
}

const opaque = (tag: string) => tag.trim().replace(/^W\//, '');

/** True when the client's copy is this page (If-None-Match first, else If-Modified-Since). */
export function clientHasIt(request: IncomingMessage, page: CachedPage): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    const etag = opaque(page.etag);
    return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === etag);
  }
  const since = request.headers['if-modified-since'];
  if (since === undefined) return false;
  const sinceMs = Date.parse(since);
  return !Number.isNaN(sinceMs) && Date.parse(page.lastModified) <= sinceMs;
}

/** Headers a 304 repeats (RFC 9110 §15.4.5): what a cache needs to refresh its copy. */
const NOT_MODIFIED_HEADERS = ['cache-control', 'surrogate-key', 'cache-tag', 'vary'];

/** Sends the kept page as the answer to this request. */
export function sendCachedPage(
  request: IncomingMessage,
  response: ServerResponse,
  page: CachedPage,
): void {
  if (clientHasIt(request, page)) {
    response.statusCode = 304;
    for (const name of NOT_MODIFIED_HEADERS) {
      const value = page.headers[name];
      if (value !== undefined) response.setHeader(name, value);
    }
    response.setHeader('etag', page.etag);
    response.setHeader('last-modified', page.lastModified);
    response.end();
    return;
  }
  const encoding = chooseEncoding(request.headers['accept-encoding'], page);
  const body = encoding === 'identity' ? page.identity : (page[encoding] ?? page.identity);
  response.writeHead(200, headerLines(page, encoding, body));
  response.end(request.method === 'HEAD' ? undefined : body);
}

const HEADER_LINES = new WeakMap<CachedPage, Map<Encoding, string[]>>();

/** The answer's headers as one flat list, made once per page and encoding: hits only send it. */
function headerLines(page: CachedPage, encoding: Encoding, body: Buffer): string[] {
  const byEncoding = HEADER_LINES.get(page) ?? new Map<Encoding, string[]>();
  HEADER_LINES.set(page, byEncoding);
  let lines = byEncoding.get(encoding);
  if (!lines) {
    lines = Object.entries(page.headers).flat();
    lines.push('etag', page.etag, 'last-modified', page.lastModified);
    if (encoding !== 'identity') lines.push('content-encoding', encoding);
    lines.push('content-length', String(body.byteLength));
    byEncoding.set(encoding, lines);
  }
  return lines;
}
