/**
 * Who is calling the newsroom: a person with the session cookie, or a script with an API
 * token (`Authorization: Bearer …`). Sets `request.actor` (null when anonymous); routes then
 * declare what they need through defineEndpoint.
 *
 * Cookie-authenticated changes (any method but GET, HEAD, OPTIONS) must carry the session's
 * CSRF token in `x-csrf-token`: another site can make a browser send our cookie, but cannot
 * read the token. Bearer tokens are never sent by a browser on its own, so need none.
 * Such changes must also come from our own pages: an `Origin` other than this server's or
 * PUBLIC_URL's, or (without Origin) `Sec-Fetch-Site: cross-site`/`same-site`, is refused.
 *
 * Registered only in the newsroom's own encapsulated context (/api/admin/…, /admin/…), so
 * reader pages never parse a cookie or touch the sessions table.
 *
 * @example
 *   await server.register(async (newsroom) => {
 *     await registerAuthentication(newsroom, accounts);
 *     registerSessionRoutes(newsroom, accounts);
 *   });
 */
import { timingSafeEqual } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { User } from '../../../domain/account/user.js';
import { forbidden, unauthenticated } from '../../../domain/errors.js';
import type { AccountDeps, Client, SignedIn } from '../../../services/accounts/account-deps.js';
import { resolveApiToken } from '../../../services/accounts/resolve-api-token.js';
import { resolveSession } from '../../../services/accounts/resolve-session.js';

export const SESSION_COOKIE = 'dateline_session';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in account behind `actor`; `csrfToken` is null for API tokens. */
    account: { user: User; csrfToken: string | null } | null;
  }
}

/** Where the request came from: with trustProxy, X-Forwarded-For counts only from proxies we trust. */
export const clientOf = (request: FastifyRequest): Client => ({
  ip: request.ip,
  userAgent: request.headers['user-agent'] ?? '',
});

function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) throw unauthenticated('Authorization: expected "Bearer <API token>"');
  return match[1];
}

function sameSecret(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A URL's origin, default port left out; null for what is not a URL (`Origin: null`). */
function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Refuses a cookie-carrying change sent from another site's page. A sibling subdomain counts
 * as another site too: SameSite=Lax lets its requests carry our cookie.
 */
function checkOrigin(request: FastifyRequest, ownOrigins: ReadonlySet<string>): void {
  const origin = request.headers.origin;
  if (origin !== undefined) {
    const given = originOf(origin);
    if (
      given &&
      (given === originOf(`${request.protocol}://${request.host}`) || ownOrigins.has(given))
    )
      return;
    throw forbidden(
      `This change was sent from another site (Origin: ${origin.slice(0, 200)}); the newsroom accepts changes only from its own pages`,
    );
  }
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site')
    throw forbidden(
      `This change was sent from another site (Sec-Fetch-Site: ${site}); the newsroom accepts changes only from its own pages`,
    );
}

async function authenticate(
  accounts: AccountDeps,
  ownOrigins: ReadonlySet<string>,
  request: FastifyRequest,
): Promise<void> {
  const bearer = bearerToken(request.headers.authorization);
  if (bearer !== undefined) {
    const resolved = await resolveApiToken(accounts, bearer);
    if (!resolved) throw unauthenticated('This API token is not valid or has been revoked');
    request.actor = { ...resolved.actor, origin: clientOf(request) };
    request.account = { user: resolved.user, csrfToken: null };
    return;
  }
  const sessionToken = request.cookies[SESSION_COOKIE];
  if (!sessionToken) return;
  if (!SAFE_METHODS.has(request.method)) checkOrigin(request, ownOrigins);
  const session = await resolveSession(accounts, sessionToken);
  if (!session) return;
  if (
    !SAFE_METHODS.has(request.method) &&
    !sameSecret(request.headers[CSRF_HEADER], session.csrfToken)
  )
    throw forbidden('Missing or wrong CSRF token');
  request.actor = { ...session.actor, origin: clientOf(request) };
  request.account = { user: session.user, csrfToken: session.csrfToken };
}

/** Adds cookie handling and the authentication hook to the (newsroom's) server context. */
export async function registerAuthentication(server: FastifyInstance, accounts: AccountDeps) {
  await server.register(fastifyCookie);
  server.decorateRequest('actor', null);
  server.decorateRequest('account', null);
  const ownOrigins = new Set([new URL(accounts.publicUrl).origin]);
  server.addHook('onRequest', (request) => authenticate(accounts, ownOrigins, request));
}

/** Hands the browser its session cookie: httpOnly, SameSite=Lax, Secure over HTTPS. */
export function setSessionCookie(reply: FastifyReply, request: FastifyRequest, signedIn: SignedIn) {
  reply.setCookie(SESSION_COOKIE, signedIn.sessionToken, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: request.protocol === 'https',
    expires: signedIn.expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, request: FastifyRequest) {
  reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: request.protocol === 'https',
  });
}

/** The session cookie's secret, if the request carries one. */
export const sessionTokenOf = (request: FastifyRequest) => request.cookies[SESSION_COOKIE];
