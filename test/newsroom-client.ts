/**
 * A newsroom on a fresh database for HTTP tests, and a client that calls it like a browser
 * (session cookie and CSRF token) or a script (API token), from a chosen client address.
 */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Role } from '../src/domain/roles/role.js';
import { createUser } from '../src/services/accounts/create-user.js';
import { RecordingMailer, startTestApp, type TestApp } from './test-app.js';
import type { TestDatabase } from './test-databases.js';
import { STRONG_PASSWORD as PASSWORD } from './test-password.js';

export { PASSWORD };
/** The one reverse proxy the newsroom trusts. */
export const PROXY = '10.0.0.1';

export interface Call {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  body?: object;
  /** A signed-in browser: its cookie, and the CSRF token unless `csrf` says otherwise. */
  as?: Browser;
  csrf?: string | null;
  bearer?: string;
  ip?: string;
  headers?: Record<string, string>;
}

export interface Browser {
  cookie: string;
  csrfToken: string;
}

export const sessionCookieOf = (response: LightMyRequestResponse) =>
  response.cookies.find((c) => c.name === 'dateline_session');

/** Calls the newsroom of `t()` as a browser or a script would. */
export function newsroomClient(t: () => TestApp) {
  const call = (c: Call) => {
    const csrf = c.csrf === undefined ? c.as?.csrfToken : c.csrf;
    return t().server.inject({
      method: c.method ?? 'GET',
      url: c.url,
      ...(c.body && { payload: c.body }),
      remoteAddress: c.ip ?? '192.0.2.1',
      headers: {
        ...(c.as && { cookie: c.as.cookie }),
        ...(c.as && csrf && { 'x-csrf-token': csrf }),
        ...(c.bearer && { authorization: `Bearer ${c.bearer}` }),
        ...c.headers,
      },
    });
  };
  const signIn = async (email: string, password = PASSWORD, ip?: string): Promise<Browser> => {
    const response = await call({
      method: 'POST',
      url: '/api/admin/session',
      body: { email, password },
      ip,
    });
    expect(response.statusCode, response.body).toBe(200);
    const cookie = sessionCookieOf(response);
    return {
      cookie: `dateline_session=${cookie?.value ?? ''}`,
      csrfToken: response.json<{ csrfToken: string }>().csrfToken,
    };
  };
  const addUser = (email: string, role: Role) =>
    createUser(t().app.accounts, { email, role, password: PASSWORD });
  return { call, signIn, addUser };
}

/**
 * A staffed newsroom behind the trusted proxy, its mail recorded: chief@, editor@, writer@ and
 * contributor@paper.example, all with PASSWORD.
 */
export async function startNewsroom(database: TestDatabase, mail = new RecordingMailer()) {
  const t = await startTestApp(
    { TRUSTED_PROXIES: PROXY, PUBLIC_URL: 'https://news.example' },
    database,
    { mailer: mail },
  );
  const { addUser } = newsroomClient(() => t);
  await addUser('chief@paper.example', 'editor_in_chief');
  await addUser('editor@paper.example', 'editor');
  await addUser('writer@paper.example', 'writer');
  await addUser('contributor@paper.example', 'contributor');
  return t;
}
