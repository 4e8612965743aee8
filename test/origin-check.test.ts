/**
 * Another site's page making a signed-in browser change something in the newsroom: even with
 * the session cookie and a CSRF token (stolen, or guessed right), a change that says it comes
 * from elsewhere is refused. Scripts with API tokens are not browsers, and are left alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../src/services/accounts/create-api-token.js';
import { actorFor } from '../src/domain/account/user.js';
import { newsroomClient, startNewsroom, type Browser } from './newsroom-client.js';
import type { TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';

const FROM_ANOTHER_SITE =
  /^This change was sent from another site \((Origin|Sec-Fetch-Site): .+\); the newsroom accepts changes only from its own pages$/;

describe.each(ENGINES)('changes sent from other sites, on $engine', ({ create }) => {
  let t: TestApp;
  const { call, signIn } = newsroomClient(() => t);
  let writer: Browser;

  const makeToken = (headers: Record<string, string>, as: Browser | undefined = writer) =>
    call({ method: 'POST', url: '/api/admin/tokens', body: { name: 'desk script' }, as, headers });
  const tokensOfWriter = async () =>
    (await call({ url: '/api/admin/tokens', as: writer })).json<{ tokens: unknown[] }>().tokens
      .length;

  beforeAll(async () => {
    t = await startNewsroom(await create());
    writer = await signIn('writer@paper.example');
  });
  afterAll(() => t?.close());

  it('refuses a change from another site’s page, though it carries the session and CSRF token', async () => {
    const before = await tokensOfWriter();
    for (const origin of ['http://evil.example', 'https://news.example.evil.example', 'null']) {
      const refused = await makeToken({ origin });
      expect(refused.statusCode, origin).toBe(403);
      expect(refused.json<{ error: string }>().error).toMatch(FROM_ANOTHER_SITE);
    }
    const signOut = await call({
      method: 'DELETE',
      url: '/api/admin/session',
      as: writer,
      headers: { origin: 'http://evil.example' },
    });
    expect(signOut.statusCode).toBe(403);
    expect(await tokensOfWriter()).toBe(before);
  });

  it('accepts the change from the newsroom’s own pages: PUBLIC_URL, or the address it was sent to', async () => {
    const fromPublicUrl = await makeToken({ origin: 'https://news.example' });
    expect(fromPublicUrl.statusCode, fromPublicUrl.body).toBe(201);
    const fromOwnAddress = await makeToken({
      host: 'desk.internal:3000',
      origin: 'http://desk.internal:3000',
    });
    expect(fromOwnAddress.statusCode, fromOwnAddress.body).toBe(201);
    const withoutOrigin = await makeToken({ 'sec-fetch-site': 'same-origin' });
    expect(withoutOrigin.statusCode, withoutOrigin.body).toBe(201);
  });

  it('refuses a change the browser marks as cross-site or same-site when it sends no Origin', async () => {
    for (const site of ['cross-site', 'same-site']) {
      const refused = await makeToken({ 'sec-fetch-site': site });
      expect(refused.statusCode, site).toBe(403);
      expect(refused.json<{ error: string }>().error).toMatch(FROM_ANOTHER_SITE);
    }
  });

  it('still answers reads whatever their Origin: only changes are refused', async () => {
    const read = await call({
      url: '/api/admin/session',
      as: writer,
      headers: { origin: 'http://evil.example' },
    });
    expect(read.statusCode).toBe(200);
  });

  it('leaves scripts with API tokens alone, whatever Origin they send', async () => {
    const editor = await t.app.storage.stores.users.findByEmail('editor@paper.example');
    const { secret } = await createApiToken(t.app.accounts, actorFor(editor!, 'session'), {
      name: 'wire desk',
    });
    const scripted = await call({
      method: 'POST',
      url: '/api/admin/sections',
      bearer: secret,
      headers: { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' },
      body: { name: 'Wire' },
    });
    expect(scripted.statusCode, scripted.body).toBe(201);
  });
});
