import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newsroomClient, startNewsroom, type Browser, type Call } from './newsroom-client.js';
import { RecordingMailer, type TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';

describe.each(ENGINES)('CSRF checks and API tokens on $engine', ({ create }) => {
  let t: TestApp;
  const mail = new RecordingMailer();
  const { call, signIn } = newsroomClient(() => t);
  let chief: Browser;

  beforeAll(async () => {
    t = await startNewsroom(await create(), mail);
    chief = await signIn('chief@paper.example');
  });
  afterAll(() => t?.close());

  describe('CSRF and API tokens', () => {
    it('refuses a browser’s change without its CSRF token, and accepts it with one', async () => {
      const writer = await signIn('writer@paper.example');
      const body = { name: 'wire importer' };
      const missing = await call({
        method: 'POST',
        url: '/api/admin/tokens',
        body,
        as: writer,
        csrf: null,
      });
      expect(missing.statusCode).toBe(403);
      expect(missing.json()).toEqual({ error: 'Missing or wrong CSRF token' });
      const wrong = await call({
        method: 'POST',
        url: '/api/admin/tokens',
        body,
        as: writer,
        csrf: chief.csrfToken,
      });
      expect(wrong.statusCode).toBe(403);
      const right = await call({ method: 'POST', url: '/api/admin/tokens', body, as: writer });
      expect(right.statusCode).toBe(201);
      // Reading needs no token.
      expect((await call({ url: '/api/admin/tokens', as: writer, csrf: null })).statusCode).toBe(
        200,
      );
    });

    it('shows a new API token’s secret once and keeps only its hash', async () => {
      const created = await call({
        method: 'POST',
        url: '/api/admin/tokens',
        body: { name: 'newsletter' },
        as: chief,
      });
      const { token, secret } = created.json<{ token: { id: number }; secret: string }>();
      const listed = await call({ url: '/api/admin/tokens', as: chief });
      expect(listed.body).not.toContain(secret);
      expect(listed.json()).toMatchObject({
        tokens: [{ id: token.id, name: 'newsletter', revokedAt: null }],
      });
      const rows = await t.app.storage.kysely
        .selectFrom('api_tokens')
        .select('token_hash')
        .execute();
      expect(rows.map((r) => r.token_hash)).not.toContain(secret);
    });

    it('lets a script with an API token make changes without a CSRF token', async () => {
      const created = await call({
        method: 'POST',
        url: '/api/admin/tokens',
        body: { name: 'script' },
        as: await signIn('editor@paper.example'),
      });
      const { secret } = created.json<{ secret: string }>();
      const whoAmI = await call({ url: '/api/admin/session', bearer: secret });
      expect(whoAmI.json()).toMatchObject({
        user: { email: 'editor@paper.example' },
        csrfToken: null,
      });
      const change = await call({
        method: 'POST',
        url: '/api/admin/session/sign-out-everywhere',
        bearer: secret,
      });
      expect(change.statusCode).toBe(200);
    });

    it('keeps scripts out of managing users and tokens, whoever owns the token', async () => {
      const created = await call({
        method: 'POST',
        url: '/api/admin/tokens',
        body: { name: 'chief’s script' },
        as: chief,
      });
      const { secret, token } = created.json<{ secret: string; token: { id: number } }>();
      const attempts: Call[] = [
        { url: '/api/admin/users' },
        { method: 'PATCH', url: '/api/admin/users/3', body: { role: 'editor' } },
        { method: 'POST', url: '/api/admin/invitations', body: { email: 'x@y.z', role: 'writer' } },
        { url: '/api/admin/tokens' },
        { method: 'POST', url: '/api/admin/tokens', body: { name: 'another' } },
        { method: 'DELETE', url: `/api/admin/tokens/${token.id}` },
      ];
      for (const attempt of attempts) {
        const response = await call({ ...attempt, bearer: secret });
        expect(response.statusCode, `${attempt.method ?? 'GET'} ${attempt.url}`).toBe(403);
        expect(response.json<{ error: string }>().error).toMatch(/may not manage/);
      }
    });

    it('refuses a revoked or made-up API token', async () => {
      const created = await call({
        method: 'POST',
        url: '/api/admin/tokens',
        body: { name: 'old importer' },
        as: chief,
      });
      const { secret, token } = created.json<{ secret: string; token: { id: number } }>();
      const revoked = await call({
        method: 'DELETE',
        url: `/api/admin/tokens/${token.id}`,
        as: chief,
      });
      expect(revoked.statusCode).toBe(204);
      const refused = await call({ url: '/api/admin/session', bearer: secret });
      expect(refused.statusCode).toBe(401);
      expect(refused.json()).toEqual({ error: 'This API token is not valid or has been revoked' });
      expect((await call({ url: '/api/admin/session', bearer: 'made-up' })).statusCode).toBe(401);
      const twice = await call({
        method: 'DELETE',
        url: `/api/admin/tokens/${token.id}`,
        as: chief,
      });
      expect(twice.statusCode).toBe(404);
      expect(twice.json()).toEqual({ error: `You have no active API token ${token.id}` });
    });

    it('lets nobody revoke someone else’s token', async () => {
      const created = await call({
        method: 'POST',
        url: '/api/admin/tokens',
        body: { name: 'mine' },
        as: chief,
      });
      const { token } = created.json<{ token: { id: number } }>();
      const writer = await signIn('writer@paper.example');
      const attempt = await call({
        method: 'DELETE',
        url: `/api/admin/tokens/${token.id}`,
        as: writer,
      });
      expect(attempt.statusCode).toBe(404);
    });
  });
});
