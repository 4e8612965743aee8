/**
 * What an outside attack on the newsroom's accounts found, replayed: weak passwords, stale
 * reset links, credentials that outlived a sign-out, a reset, a disabling or a new role,
 * sessions left open for days, and addresses made to look like a colleague's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../src/services/accounts/create-user.js';
import { applySettings } from '../src/services/apply-settings.js';
import { publicationSettingsSchema } from '../src/domain/publication/publication-settings.js';
import type { Clock } from '../src/services/ports.js';
import { newsroomClient, PASSWORD, type Browser } from './newsroom-client.js';
import { RecordingMailer, startTestApp, type TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** The paper whose name an attacker tries first. */
const PAPER = 'The Daily Courier';

/** Passwords the attack found accepted, and their kin: each must now be refused. */
const WEAK_PASSWORDS = [
  'aaaaaaaaaaaaaaa',
  'Dateline2024!',
  'The Daily Courier 2024',
  'DailyCourier1987!',
  'Password123!',
];

/** A clock the test moves on by hand. */
function handClock(): Clock & { advance(ms: number): void } {
  let now = Date.now();
  return { now: () => new Date(now), advance: (ms) => void (now += ms) };
}

describe.each(ENGINES)('closing what an outside attack found, on $engine', ({ create }) => {
  let t: TestApp;
  const mail = new RecordingMailer();
  const clock = handClock();
  const { call, signIn, addUser } = newsroomClient(() => t);
  let chief: Browser;

  const idOf = async (email: string) =>
    (await t.app.storage.stores.users.findByEmail(email))?.id ?? 0;
  const newToken = async (as: Browser, body: object = { name: 'script' }) => {
    const made = await call({ method: 'POST', url: '/api/admin/tokens', body, as });
    expect(made.statusCode, made.body).toBe(201);
    return made.json<{ secret: string; token: { id: number; expiresAt: string | null } }>();
  };
  const asScript = (secret: string) => call({ url: '/api/admin/articles', bearer: secret });
  const resetLinkFor = async (email: string) => {
    await call({ method: 'POST', url: '/api/admin/password-resets', body: { email } });
    await t.app.jobs.runDue();
    return mail.lastTokenTo(email) ?? '';
  };
  const completeReset = (token: string, password: string) =>
    call({ method: 'POST', url: '/api/admin/password-resets/complete', body: { token, password } });

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL: 'https://news.example' }, await create(), {
      mailer: mail,
      clock,
    });
    await applySettings(
      { stores: t.app.storage.stores, clock },
      publicationSettingsSchema.parse({ name: PAPER, timezone: 'Asia/Muscat' }),
    );
  });
  afterAll(() => t?.close());

  describe('weak passwords', () => {
    it('are refused at the first-run set-up, with the reason, before the paper is staffed', async () => {
      for (const password of [...WEAK_PASSWORDS, 'Amal Haddad 1990']) {
        const refused = await call({
          method: 'POST',
          url: '/api/admin/setup',
          body: { email: 'chief@paper.example', name: 'Amal Haddad', password },
        });
        expect(refused.statusCode, password).toBe(400);
        expect(refused.json(), password).toMatchObject({
          field: 'password',
          error: expect.stringMatching(/^password: must be harder to guess/) as string,
        });
      }
      expect(await t.app.storage.stores.users.any()).toBe(false);
      const form = await t.server.inject({
        method: 'POST',
        url: '/admin/setup',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'name=Amal+Haddad&email=chief%40paper.example&password=Dateline2024!',
      });
      expect(form.statusCode).toBe(400);
      expect(form.body).toMatch(/id="password-error">Must be harder to guess/);
      const done = await call({
        method: 'POST',
        url: '/api/admin/setup',
        body: { email: 'chief@paper.example', name: 'Amal Haddad', password: PASSWORD },
      });
      expect(done.statusCode, done.body).toBe(201);
      chief = await signIn('chief@paper.example');
      await addUser('editor@paper.example', 'editor');
      await addUser('writer@paper.example', 'writer');
    });

    it('are refused on joining from an invitation, the newcomer’s own name included', async () => {
      await call({
        method: 'POST',
        url: '/api/admin/invitations',
        body: { email: 'nadia@paper.example', role: 'writer' },
        as: chief,
      });
      await t.app.jobs.runDue();
      const token = mail.lastTokenTo('nadia@paper.example') ?? '';
      for (const password of [...WEAK_PASSWORDS, 'Nadia Hamdan 1990', 'nadiahamdan!!']) {
        const refused = await call({
          method: 'POST',
          url: '/api/admin/invitations/accept',
          body: { token, name: 'Nadia Hamdan', password },
        });
        expect(refused.statusCode, password).toBe(400);
        expect(refused.json<{ field: string }>().field, password).toBe('password');
      }
      const common = await call({
        method: 'POST',
        url: '/api/admin/invitations/accept',
        body: { token, name: 'Nadia Hamdan', password: 'Password123!' },
      });
      expect(common.json<{ error: string }>().error).toBe(
        'password: must be harder to guess: this is similar to a commonly used password',
      );
      const joined = await call({
        method: 'POST',
        url: '/api/admin/invitations/accept',
        body: { token, name: 'Nadia Hamdan', password: PASSWORD },
      });
      expect(joined.statusCode, joined.body).toBe(201);
    });

    it('are refused when a password is reset, and the link still works for a strong one', async () => {
      const token = await resetLinkFor('writer@paper.example');
      for (const password of [...WEAK_PASSWORDS, 'writer@paper.example!']) {
        const refused = await completeReset(token, password);
        expect(refused.statusCode, password).toBe(400);
        expect(refused.json<{ field: string }>().field, password).toBe('password');
      }
      expect((await completeReset(token, 'velvet quarry 2209 lantern')).statusCode).toBe(200);
      await signIn('writer@paper.example', 'velvet quarry 2209 lantern');
    });
  });

  describe('reset links', () => {
    it('are all withdrawn once the password is changed with a newer one', async () => {
      const older = await resetLinkFor('editor@paper.example');
      const newer = await resetLinkFor('editor@paper.example');
      expect(older).not.toBe(newer);
      expect((await completeReset(newer, 'orchid tramway 4411 sextant')).statusCode).toBe(200);
      const stale = await completeReset(older, 'attacker chose this 9931 one');
      expect(stale.statusCode).toBe(410);
      expect(stale.json<{ error: string }>().error).toMatch(/withdrawn when the password changed/);
      await signIn('editor@paper.example', 'orchid tramway 4411 sextant');
    });

    it('are withdrawn when the account is disabled', async () => {
      const leaver = await addUser('leaver@paper.example', 'writer');
      const link = await resetLinkFor('leaver@paper.example');
      await call({
        method: 'PATCH',
        url: `/api/admin/users/${leaver.id}`,
        body: { disabled: true },
        as: chief,
      });
      await call({
        method: 'PATCH',
        url: `/api/admin/users/${leaver.id}`,
        body: { disabled: false },
        as: chief,
      });
      expect((await completeReset(link, 'attacker chose this 9931 one')).statusCode).toBe(410);
    });
  });

  describe('API tokens', () => {
    it('stop working when their owner signs out everywhere', async () => {
      const owner = await signIn('writer@paper.example', 'velvet quarry 2209 lantern');
      const { secret } = await newToken(owner);
      expect((await asScript(secret)).statusCode).toBe(200);
      await call({ method: 'POST', url: '/api/admin/session/sign-out-everywhere', as: owner });
      expect((await asScript(secret)).statusCode).toBe(401);
      const listed = await call({
        url: '/api/admin/tokens',
        as: await signIn('writer@paper.example', 'velvet quarry 2209 lantern'),
      });
      expect(
        listed.json<{ tokens: { revokedAt: string | null }[] }>().tokens[0]?.revokedAt,
      ).toMatch(/^\d{4}-/);
    });

    it('stop working when their owner’s password is reset', async () => {
      await addUser('reset-me@paper.example', 'writer');
      const { secret } = await newToken(await signIn('reset-me@paper.example'));
      const link = await resetLinkFor('reset-me@paper.example');
      expect((await completeReset(link, 'harbour pelican 5150 quilt')).statusCode).toBe(200);
      expect((await asScript(secret)).statusCode).toBe(401);
    });

    it('stop working, with the sessions, when their owner is disabled', async () => {
      const user = await addUser('disabled@paper.example', 'writer');
      const browser = await signIn('disabled@paper.example');
      const { secret } = await newToken(browser);
      const off = { method: 'PATCH' as const, url: `/api/admin/users/${user.id}`, as: chief };
      await call({ ...off, body: { disabled: true } });
      await call({ ...off, body: { disabled: false } });
      expect((await asScript(secret)).statusCode).toBe(401);
      expect((await call({ url: '/api/admin/session', as: browser })).statusCode).toBe(401);
    });

    it('stop working, with the sessions, when their owner’s role changes either way', async () => {
      for (const role of ['editor', 'contributor'] as const) {
        const email = `moved-to-${role}@paper.example`;
        const user = await addUser(email, 'writer');
        const browser = await signIn(email);
        const { secret } = await newToken(browser);
        const changed = await call({
          method: 'PATCH',
          url: `/api/admin/users/${user.id}`,
          body: { role },
          as: chief,
        });
        expect(changed.statusCode).toBe(200);
        expect((await asScript(secret)).statusCode, role).toBe(401);
        expect((await call({ url: '/api/admin/session', as: browser })).statusCode).toBe(401);
      }
    });

    it('keep working when an editor-in-chief saves a member with the role they already have', async () => {
      const user = await addUser('unchanged@paper.example', 'writer');
      const { secret } = await newToken(await signIn('unchanged@paper.example'));
      await call({
        method: 'PATCH',
        url: `/api/admin/users/${user.id}`,
        body: { role: 'writer' },
        as: chief,
      });
      expect((await asScript(secret)).statusCode).toBe(200);
    });

    it('stop working when the life chosen at creation is over', async () => {
      const owner = await signIn('chief@paper.example');
      const { secret, token } = await newToken(owner, { name: 'for a week', expiresInDays: 7 });
      expect(new Date(token.expiresAt ?? 0).getTime()).toBe(clock.now().getTime() + 7 * DAY);
      const lasting = await newToken(owner, { name: 'until revoked' });
      expect(lasting.token.expiresAt).toBeNull();
      clock.advance(7 * DAY - HOUR);
      expect((await asScript(secret)).statusCode).toBe(200);
      clock.advance(HOUR);
      const expired = await asScript(secret);
      expect(expired.statusCode).toBe(401);
      expect((await asScript(lasting.secret)).statusCode).toBe(200);
      // A week has passed: the chief's browser signs in again.
      chief = await signIn('chief@paper.example');
      const listed = await call({ url: '/api/admin/tokens', as: chief });
      expect(listed.json<{ tokens: { id: number; expiresAt: string }[] }>().tokens).toContainEqual(
        expect.objectContaining({ id: token.id, expiresAt: token.expiresAt }),
      );
    });

    it('refuse a life that is not whole days from one to 366, naming the field', async () => {
      for (const expiresInDays of [0, 1.5, 367, '30']) {
        const refused = await call({
          method: 'POST',
          url: '/api/admin/tokens',
          body: { name: 'odd', expiresInDays },
          as: chief,
        });
        expect(refused.statusCode, String(expiresInDays)).toBe(400);
        expect(refused.json<{ field: string }>().field).toBe('expiresInDays');
      }
    });
  });

  describe('idle sessions', () => {
    it('are refused and deleted after 13 hours unused', async () => {
      const browser = await signIn('editor@paper.example', 'orchid tramway 4411 sextant');
      clock.advance(13 * HOUR);
      expect((await call({ url: '/api/admin/session', as: browser })).statusCode).toBe(401);
      const rows = await t.app.storage.kysely
        .selectFrom('sessions')
        .select('last_seen_at')
        .where('user_id', '=', await idOf('editor@paper.example'))
        .execute();
      expect(rows).toEqual([]);
    });

    it('are kept for a member active every hour, through the night', async () => {
      const browser = await signIn('chief@paper.example');
      for (let hour = 1; hour <= 20; hour++) {
        clock.advance(HOUR);
        expect(
          (await call({ url: '/api/admin/session', as: browser })).statusCode,
          `${hour}h`,
        ).toBe(200);
      }
      chief = browser;
    });
  });

  describe('look-alike addresses', () => {
    const spoofs = [
      '\u0441hief@paper.example', // a Cyrillic с
      'ｃｈｉｅｆ@paper.example', // full-width letters
      'chief@paper.example.', // a trailing dot
      'chief@\u0440\u0430\u0440\u0435\u0433.example', // a domain wholly in Cyrillic look-alikes
      'chief@paper.examp1e', // a one for an l
    ];

    it('are refused as new accounts with 400 naming the email', async () => {
      for (const email of spoofs) {
        const invited = await call({
          method: 'POST',
          url: '/api/admin/invitations',
          body: { email, role: 'writer' },
          as: chief,
        });
        expect(invited.statusCode, email).toBe(400);
        expect(invited.json<{ field: string }>().field, email).toBe('email');
      }
      await expect(
        createUser(t.app.accounts, { email: spoofs[3]!, role: 'writer', password: PASSWORD }),
      ).rejects.toMatchObject({ kind: 'invalid', field: 'email' });
    });

    it('get the ordinary wrong-address-or-password answer at sign-in', async () => {
      for (const email of spoofs) {
        const attempt = await call({
          method: 'POST',
          url: '/api/admin/session',
          body: { email, password: PASSWORD },
          ip: '198.51.100.7',
        });
        expect(attempt.statusCode, email).toBe(401);
        expect(attempt.json()).toEqual({ error: 'Email or password is incorrect' });
      }
    });
  });
});
