import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newsroomClient, PASSWORD, sessionCookieOf } from './newsroom-client.js';
import { startTestApp, type TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';

describe.each(ENGINES)('the first run on $engine', ({ create }) => {
  let t: TestApp;
  const { call } = newsroomClient(() => t);

  beforeEach(async () => {
    t = await startTestApp({}, await create());
  });
  afterEach(() => t?.close());

  it('sends every newsroom page to the setup form while nobody has an account, and never after', async () => {
    for (const url of ['/admin', '/admin/', '/admin/sign-in', '/admin/sign-in?next=%2Farticles']) {
      const empty = await call({ url });
      expect(empty.statusCode, url).toBe(303);
      expect(empty.headers.location, url).toBe('/admin/setup');
      expect(empty.headers['cache-control'], url).toBe('no-store');
    }
    const body = { email: 'amal@paper.example', name: 'Amal Haddad', password: PASSWORD };
    expect((await call({ method: 'POST', url: '/api/admin/setup', body })).statusCode).toBe(201);
    for (const url of ['/admin', '/admin/sign-in']) {
      const app = await call({ url });
      expect(app.headers.location, url).toBeUndefined();
      expect(app.statusCode, url).not.toBe(303);
    }
    expect((await call({ url: '/admin/setup' })).statusCode).toBe(404);
  });

  it('offers a setup form that works without JavaScript and shows mistakes beside their field', async () => {
    const form = await call({ url: '/admin/setup' });
    expect(form.statusCode).toBe(200);
    expect(form.headers['content-type']).toMatch(/text\/html/);
    expect(form.body).toContain('<form method="post" action="/admin/setup">');
    expect(form.body).toContain('<label for="password">');
    expect(form.body).toContain('autocomplete="new-password"');

    const mistaken = await call({
      method: 'POST',
      url: '/admin/setup',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: undefined,
    });
    expect(mistaken.statusCode).toBe(400);

    const short = await t.server.inject({
      method: 'POST',
      url: '/admin/setup',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'name=Amal+Haddad&email=amal%40paper.example&password=short',
    });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('aria-invalid="true"');
    expect(short.body).toMatch(/id="password-error">Must be at least 12 characters/);
    expect(short.body).toContain('value="amal@paper.example"');
    expect(await t.app.storage.stores.users.any()).toBe(false);
  });

  it('sets up the first editor-in-chief through the form, signs them in and opens the newsroom', async () => {
    const done = await t.server.inject({
      method: 'POST',
      url: '/admin/setup',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        name: 'Amal Haddad',
        email: ' Amal@Paper.Example ',
        password: PASSWORD,
      }).toString(),
    });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/admin');
    const cookie = sessionCookieOf(done);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const session = await call({
      url: '/api/admin/session',
      headers: { cookie: `dateline_session=${cookie?.value ?? ''}` },
    });
    expect(session.json()).toMatchObject({
      user: { email: 'amal@paper.example', name: 'Amal Haddad', role: 'editor_in_chief' },
    });
  });

  it('sets up the first editor-in-chief through the API once, and then refuses for good', async () => {
    const body = { email: 'amal@paper.example', name: 'Amal Haddad', password: PASSWORD };
    const first = await call({ method: 'POST', url: '/api/admin/setup', body });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ user: { role: 'editor_in_chief' } });
    expect(sessionCookieOf(first)?.httpOnly).toBe(true);

    const again = await call({
      method: 'POST',
      url: '/api/admin/setup',
      body: { ...body, email: 'intruder@example.com' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({ error: 'Dateline is already set up: sign in instead' });

    const page = await call({ url: '/admin/setup' });
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('already set up');
    const form = await t.server.inject({
      method: 'POST',
      url: '/admin/setup',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ ...body, email: 'intruder@example.com' }).toString(),
    });
    expect(form.statusCode).toBe(409);
    expect((await t.app.storage.stores.users.list()).map((u) => u.email)).toEqual([
      'amal@paper.example',
    ]);
  });

  it('makes one editor-in-chief of setups sent at the same moment, as to two instances', async () => {
    const answers = await Promise.all(
      ['amal', 'badr', 'dana', 'faris'].map((name) =>
        call({
          method: 'POST',
          url: '/api/admin/setup',
          body: { email: `${name}@paper.example`, name, password: PASSWORD },
        }),
      ),
    );
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 409, 409, 409]);
    expect(await t.app.storage.stores.users.list()).toHaveLength(1);
  });
});
