import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  newsroomClient,
  PASSWORD,
  PROXY,
  sessionCookieOf,
  startNewsroom,
  type Browser,
} from './newsroom-client.js';
import { RecordingMailer, type TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';

describe.each(ENGINES)('the newsroom’s accounts on $engine', ({ create }) => {
  let t: TestApp;
  const mail = new RecordingMailer();
  const { call, signIn, addUser } = newsroomClient(() => t);
  let chief: Browser;

  beforeAll(async () => {
    t = await startNewsroom(await create(), mail);
    chief = await signIn('chief@paper.example');
  });
  afterAll(() => t?.close());

  describe('signing in', () => {
    it('hands a browser an httpOnly, SameSite=Lax session cookie and a CSRF token', async () => {
      const response = await call({
        method: 'POST',
        url: '/api/admin/session',
        body: { email: 'Writer@Paper.Example', password: PASSWORD },
      });
      expect(response.statusCode).toBe(200);
      const cookie = sessionCookieOf(response);
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(cookie?.secure).toBeFalsy();
      expect(cookie?.value).toMatch(/^[\w-]{43}$/);
      const body = response.json<{ user: { role: string; email: string }; csrfToken: string }>();
      expect(body.user).toMatchObject({ email: 'writer@paper.example', role: 'writer' });
      expect(body.csrfToken).toMatch(/^[\w-]{43}$/);

      const session = await call({
        url: '/api/admin/session',
        headers: { cookie: `dateline_session=${cookie?.value ?? ''}` },
      });
      expect(session.json()).toEqual({ user: body.user, csrfToken: body.csrfToken });
      expect((await call({ url: '/api/admin/session' })).statusCode).toBe(401);
    });

    it('keeps only a hash of the session secret in the database', async () => {
      const response = await call({
        method: 'POST',
        url: '/api/admin/session',
        body: { email: 'editor@paper.example', password: PASSWORD },
      });
      const secret = sessionCookieOf(response)?.value ?? '';
      const rows = await t.app.storage.kysely.selectFrom('sessions').select('token_hash').execute();
      expect(rows.map((r) => r.token_hash)).not.toContain(secret);
      expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
    });

    it('marks the cookie Secure when a trusted proxy says the request came over HTTPS', async () => {
      const body = { email: 'writer@paper.example', password: PASSWORD };
      const proxied = await call({
        method: 'POST',
        url: '/api/admin/session',
        body,
        ip: PROXY,
        headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.200' },
      });
      expect(sessionCookieOf(proxied)?.secure).toBe(true);
      const forged = await call({
        method: 'POST',
        url: '/api/admin/session',
        body,
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(sessionCookieOf(forged)?.secure).toBeFalsy();
    });

    it('stores passwords only as argon2id hashes', async () => {
      const rows = await t.app.storage.kysely
        .selectFrom('users')
        .select(['email', 'password_hash'])
        .execute();
      expect(rows.length).toBeGreaterThanOrEqual(4);
      for (const row of rows) {
        expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
        expect(row.password_hash).not.toContain(PASSWORD);
      }
    });

    it('answers a wrong password and an unknown address with the same 401', async () => {
      const wrong = await call({
        method: 'POST',
        url: '/api/admin/session',
        body: { email: 'contributor@paper.example', password: 'not the password at all' },
        ip: '198.51.100.1',
      });
      const unknown = await call({
        method: 'POST',
        url: '/api/admin/session',
        body: { email: 'nobody@paper.example', password: PASSWORD },
        ip: '198.51.100.1',
      });
      expect(wrong.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      expect(wrong.body).toBe(unknown.body);
      expect(wrong.json()).toEqual({ error: 'Email or password is incorrect' });
      expect(sessionCookieOf(wrong)).toBeUndefined();
    });

    it('locks an account for 15 minutes after five failed sign-ins, even against the right password', async () => {
      await addUser('target@paper.example', 'writer');
      for (let i = 0; i < 5; i++) {
        const failed = await call({
          method: 'POST',
          url: '/api/admin/session',
          body: { email: 'target@paper.example', password: `guess number ${i} guess` },
          ip: `198.51.100.${10 + i}`,
        });
        expect(failed.statusCode).toBe(401);
      }
      const sixth = await call({
        method: 'POST',
        url: '/api/admin/session',
        body: { email: 'target@paper.example', password: PASSWORD },
        ip: '198.51.100.20',
      });
      expect(sixth.statusCode).toBe(429);
      expect(sixth.json()).toEqual({
        error: 'Too many failed sign-ins. Try again in 15 minutes.',
      });
    });

    it('throttles a client address after twenty failures, whichever accounts it tries', async () => {
      const attacker = '198.51.100.66';
      for (let i = 0; i < 20; i++) {
        const failed = await call({
          method: 'POST',
          url: '/api/admin/session',
          body: { email: `guess${i % 5}@paper.example`, password: 'wrong wrong wrong' },
          ip: attacker,
        });
        expect(failed.statusCode).toBe(401);
      }
      const body = { email: 'fresh@paper.example', password: 'wrong wrong wrong' };
      const throttled = await call({
        method: 'POST',
        url: '/api/admin/session',
        body,
        ip: attacker,
      });
      expect(throttled.statusCode).toBe(429);
      expect(throttled.json<{ error: string }>().error).toMatch(/^Too many failed sign-ins/);
      const neighbour = await call({
        method: 'POST',
        url: '/api/admin/session',
        body,
        ip: '198.51.100.67',
      });
      expect(neighbour.statusCode).toBe(401);
    });

    it('believes X-Forwarded-For only from a trusted proxy', async () => {
      const attacker = '198.51.100.99';
      const now = new Date();
      for (let i = 0; i < 20; i++)
        await t.app.storage.stores.loginFailures.record([`ip:${attacker}`], now);
      const body = { email: 'another@paper.example', password: 'wrong wrong wrong' };
      const post = (ip: string, forwardedFor: string) =>
        call({
          method: 'POST',
          url: '/api/admin/session',
          body,
          ip,
          headers: { 'x-forwarded-for': forwardedFor },
        });
      // The throttled client cannot hide behind a header it wrote itself…
      expect((await post(attacker, '203.0.113.5')).statusCode).toBe(429);
      // …but the trusted proxy's word decides which client is which.
      expect((await post(PROXY, attacker)).statusCode).toBe(429);
      expect((await post(PROXY, '203.0.113.5')).statusCode).toBe(401);
    });

    it('keeps a disabled member out', async () => {
      const user = await addUser('leaver@paper.example', 'writer');
      const browser = await signIn('leaver@paper.example');
      const disabled = await call({
        method: 'PATCH',
        url: `/api/admin/users/${user.id}`,
        body: { disabled: true },
        as: chief,
      });
      expect(disabled.statusCode, disabled.body).toBe(200);
      expect(disabled.json<{ user: { disabledAt: string } }>().user.disabledAt).toMatch(/^\d{4}-/);
      expect((await call({ url: '/api/admin/session', as: browser })).statusCode).toBe(401);
      const again = await call({
        method: 'POST',
        url: '/api/admin/session',
        body: { email: 'leaver@paper.example', password: PASSWORD },
      });
      expect(again.statusCode).toBe(403);
      expect(sessionCookieOf(again)).toBeUndefined();
    });
  });

  describe('signing out', () => {
    it('signs out of this browser only', async () => {
      const laptop = await signIn('editor@paper.example');
      const phone = await signIn('editor@paper.example');
      const out = await call({ method: 'DELETE', url: '/api/admin/session', as: laptop });
      expect(out.statusCode).toBe(204);
      expect(sessionCookieOf(out)?.value).toBe('');
      expect((await call({ url: '/api/admin/session', as: laptop })).statusCode).toBe(401);
      expect((await call({ url: '/api/admin/session', as: phone })).statusCode).toBe(200);
    });

    it('signs out of every browser at once', async () => {
      const laptop = await signIn('contributor@paper.example');
      const phone = await signIn('contributor@paper.example');
      const out = await call({
        method: 'POST',
        url: '/api/admin/session/sign-out-everywhere',
        as: phone,
      });
      expect(out.statusCode).toBe(200);
      expect(out.json<{ sessionsEnded: number }>().sessionsEnded).toBeGreaterThanOrEqual(2);
      expect((await call({ url: '/api/admin/session', as: laptop })).statusCode).toBe(401);
      expect((await call({ url: '/api/admin/session', as: phone })).statusCode).toBe(401);
    });
  });

  describe('roles', () => {
    it('shows the staff list to the editor-in-chief only', async () => {
      const listed = await call({ url: '/api/admin/users', as: chief });
      expect(listed.statusCode).toBe(200);
      const { users } = listed.json<{ users: { email: string }[] }>();
      expect(users.map((u) => u.email)).toContain('writer@paper.example');
      expect(listed.body).not.toContain('argon2');
      const editor = await signIn('editor@paper.example');
      expect((await call({ url: '/api/admin/users', as: editor })).statusCode).toBe(403);
      expect((await call({ url: '/api/admin/users' })).statusCode).toBe(401);
    });

    it('lets nobody promote anyone above their own role', async () => {
      const editor = await signIn('editor@paper.example');
      const writer = await t.app.storage.stores.users.findByEmail('writer@paper.example');
      const attempt = await call({
        method: 'PATCH',
        url: `/api/admin/users/${writer!.id}`,
        body: { role: 'editor_in_chief' },
        as: editor,
      });
      expect(attempt.statusCode).toBe(403);
      expect((await t.app.storage.stores.users.findById(writer!.id))?.role).toBe('writer');
    });

    it('promotes a writer to editor, who signs in again to act with the new role', async () => {
      const user = await addUser('rising@paper.example', 'writer');
      const browser = await signIn('rising@paper.example');
      const promoted = await call({
        method: 'PATCH',
        url: `/api/admin/users/${user.id}`,
        body: { role: 'editor' },
        as: chief,
      });
      expect(promoted.json()).toMatchObject({ user: { role: 'editor' } });
      // A new role ends the sessions opened under the old one (ADR 0012).
      expect((await call({ url: '/api/admin/session', as: browser })).statusCode).toBe(401);
      const again = await signIn('rising@paper.example');
      expect((await call({ url: '/api/admin/session', as: again })).json()).toMatchObject({
        user: { role: 'editor' },
      });
    });

    it('never lets the editor-in-chief lock themselves out or step down by their own hand', async () => {
      const self = await t.app.storage.stores.users.findByEmail('chief@paper.example');
      for (const body of [{ role: 'editor' }, { disabled: true }]) {
        const refused = await call({
          method: 'PATCH',
          url: `/api/admin/users/${self!.id}`,
          body,
          as: chief,
        });
        expect(refused.statusCode).toBe(403);
        expect(refused.json<{ error: string }>().error).toMatch(/your own role or account/);
      }
      const deputy = await addUser('deputy@paper.example', 'editor');
      await call({
        method: 'PATCH',
        url: `/api/admin/users/${deputy.id}`,
        body: { role: 'editor_in_chief' },
        as: chief,
      });
      const stepDown = await call({
        method: 'PATCH',
        url: `/api/admin/users/${deputy.id}`,
        body: { role: 'editor' },
        as: chief,
      });
      expect(stepDown.statusCode).toBe(200);
    });

    it('answers API mistakes as JSON, naming the field, even when nothing is found', async () => {
      const missing = await call({
        method: 'PATCH',
        url: '/api/admin/users/99999',
        body: { role: 'writer' },
        as: chief,
      });
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toEqual({ error: 'No user 99999' });
      const badRole = await call({
        method: 'PATCH',
        url: '/api/admin/users/3',
        body: { role: 'publisher' },
        as: chief,
      });
      expect(badRole.statusCode).toBe(400);
      expect(badRole.json()).toMatchObject({ field: 'role' });
    });
  });
});
