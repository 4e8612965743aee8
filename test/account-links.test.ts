import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptInvitation } from '../src/services/accounts/accept-invitation.js';
import { inviteUser } from '../src/services/accounts/invite-user.js';
import {
  newsroomClient,
  PASSWORD,
  sessionCookieOf,
  startNewsroom,
  type Browser,
} from './newsroom-client.js';
import { RecordingMailer, type TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';

describe.each(ENGINES)('invitations and password resets on $engine', ({ create }) => {
  let t: TestApp;
  const mail = new RecordingMailer();
  const { call, signIn, addUser } = newsroomClient(() => t);
  let chief: Browser;

  beforeAll(async () => {
    t = await startNewsroom(await create(), mail);
    chief = await signIn('chief@paper.example');
  });
  afterAll(() => t?.close());

  describe('invitations', () => {
    it('invites a writer by mail, whose link works once and signs them in', async () => {
      const invited = await call({
        method: 'POST',
        url: '/api/admin/invitations',
        body: { email: 'New.Writer@Paper.Example', role: 'writer' },
        as: chief,
      });
      expect(invited.statusCode, invited.body).toBe(201);
      expect(invited.json()).toMatchObject({
        invitation: { email: 'new.writer@paper.example', role: 'writer' },
        mail: { status: 'queued', delivery: 'smtp' },
      });
      await t.app.jobs.runDue();
      const letter = mail.sent.at(-1);
      expect(letter?.to).toBe('new.writer@paper.example');
      expect(letter?.text).toContain('https://news.example/admin/invitation?token=');
      const token = mail.lastTokenTo('new.writer@paper.example') ?? '';

      const accept = { token, name: 'Nadia Writer', password: PASSWORD };
      const joined = await call({
        method: 'POST',
        url: '/api/admin/invitations/accept',
        body: accept,
      });
      expect(joined.statusCode, joined.body).toBe(201);
      expect(joined.json()).toMatchObject({
        user: { email: 'new.writer@paper.example', name: 'Nadia Writer', role: 'writer' },
      });
      expect(sessionCookieOf(joined)?.httpOnly).toBe(true);

      const again = await call({
        method: 'POST',
        url: '/api/admin/invitations/accept',
        body: { ...accept, name: 'Impostor' },
      });
      expect(again.statusCode).toBe(410);
      expect(again.json()).toEqual({ error: 'This invitation has already been used.' });
    });

    it('refuses an invitation after its seven days, and a made-up one', async () => {
      const { accounts } = t.app;
      const chiefActor = {
        userId: (await t.app.storage.stores.users.findByEmail('chief@paper.example'))!.id,
        role: 'editor_in_chief' as const,
        credential: 'session' as const,
        authorId: null,
      };
      await inviteUser(accounts, chiefActor, { email: 'late@paper.example', role: 'writer' });
      await t.app.jobs.runDue();
      const token = mail.lastTokenTo('late@paper.example') ?? '';
      const eightDaysOn = new Date(Date.now() + 8 * 24 * 60 * 60 * 1000);
      const client = { ip: '192.0.2.9', userAgent: 'test' };
      await expect(
        acceptInvitation(
          { ...accounts, clock: { now: () => eightDaysOn } },
          { token, name: 'Late', password: PASSWORD },
          client,
        ),
      ).rejects.toMatchObject({
        kind: 'gone',
        message: 'This invitation has expired. Ask your editor-in-chief for a new one.',
      });
      const madeUp = await call({
        method: 'POST',
        url: '/api/admin/invitations/accept',
        body: { token: 'made-up', name: 'X', password: PASSWORD },
      });
      expect(madeUp.statusCode).toBe(400);
      expect(madeUp.json()).toMatchObject({ field: 'token' });
    });

    it('refuses a weak password on joining, and the invitation still works afterwards', async () => {
      await call({
        method: 'POST',
        url: '/api/admin/invitations',
        body: { email: 'careful@paper.example', role: 'contributor' },
        as: chief,
      });
      await t.app.jobs.runDue();
      const token = mail.lastTokenTo('careful@paper.example') ?? '';
      const weak = await call({
        method: 'POST',
        url: '/api/admin/invitations/accept',
        body: { token, name: 'Careful', password: 'careful@paper.example' },
      });
      expect(weak.statusCode).toBe(400);
      expect(weak.json()).toEqual({
        error: 'password: must not be the same as the email address',
        field: 'password',
      });
      const strong = await call({
        method: 'POST',
        url: '/api/admin/invitations/accept',
        body: { token, name: 'Careful', password: PASSWORD },
      });
      expect(strong.statusCode).toBe(201);
    });

    it('lets only the editor-in-chief invite, and nobody above their own role', async () => {
      const editor = await signIn('editor@paper.example');
      const asEditor = await call({
        method: 'POST',
        url: '/api/admin/invitations',
        body: { email: 'boss@paper.example', role: 'editor_in_chief' },
        as: editor,
      });
      expect(asEditor.statusCode).toBe(403);
      const writer = await signIn('writer@paper.example');
      const asWriter = await call({
        method: 'POST',
        url: '/api/admin/invitations',
        body: { email: 'friend@paper.example', role: 'contributor' },
        as: writer,
      });
      expect(asWriter.statusCode).toBe(403);
      const editorActor = {
        userId: 2,
        role: 'editor' as const,
        credential: 'session' as const,
        authorId: null,
      };
      await expect(
        inviteUser(t.app.accounts, editorActor, { email: 'boss@paper.example', role: 'writer' }),
      ).rejects.toMatchObject({ kind: 'forbidden' });
      await t.app.jobs.runDue();
      expect(mail.sent.some((m) => m.to === 'boss@paper.example')).toBe(false);
      const existing = await call({
        method: 'POST',
        url: '/api/admin/invitations',
        body: { email: 'writer@paper.example', role: 'writer' },
        as: chief,
      });
      expect(existing.statusCode).toBe(409);
    });
  });

  describe('password resets', () => {
    it('answers alike whether or not the address has an account, and mails only real ones', async () => {
      const before = mail.sent.length;
      const known = await call({
        method: 'POST',
        url: '/api/admin/password-resets',
        body: { email: 'Contributor@Paper.Example' },
      });
      const unknown = await call({
        method: 'POST',
        url: '/api/admin/password-resets',
        body: { email: 'stranger@paper.example' },
      });
      expect(known.statusCode).toBe(202);
      expect(unknown.statusCode).toBe(202);
      expect(known.body).toBe(unknown.body);
      await t.app.jobs.runDue();
      expect(mail.sent.slice(before).map((m) => m.to)).toEqual(['contributor@paper.example']);
      expect(mail.sent.at(-1)?.text).toContain('https://news.example/admin/password-reset?token=');
    });

    it('sets a new password once, signing the account out everywhere', async () => {
      await addUser('forgetful@paper.example', 'writer');
      const browser = await signIn('forgetful@paper.example');
      await call({
        method: 'POST',
        url: '/api/admin/password-resets',
        body: { email: 'forgetful@paper.example' },
      });
      await t.app.jobs.runDue();
      const token = mail.lastTokenTo('forgetful@paper.example') ?? '';
      const newPassword = 'a brand new passphrase';
      const done = await call({
        method: 'POST',
        url: '/api/admin/password-resets/complete',
        body: { token, password: newPassword },
      });
      expect(done.statusCode, done.body).toBe(200);
      expect((await call({ url: '/api/admin/session', as: browser })).statusCode).toBe(401);
      const old = await call({
        method: 'POST',
        url: '/api/admin/session',
        body: { email: 'forgetful@paper.example', password: PASSWORD },
      });
      expect(old.statusCode).toBe(401);
      await signIn('forgetful@paper.example', newPassword);

      const reused = await call({
        method: 'POST',
        url: '/api/admin/password-resets/complete',
        body: { token, password: 'yet another passphrase' },
      });
      expect(reused.statusCode).toBe(410);
      expect(reused.json()).toEqual({
        error: 'This password reset link has already been used.',
      });
    });

    it('refuses a short new password, naming the field', async () => {
      await call({
        method: 'POST',
        url: '/api/admin/password-resets',
        body: { email: 'editor@paper.example' },
      });
      await t.app.jobs.runDue();
      const token = mail.lastTokenTo('editor@paper.example') ?? '';
      const short = await call({
        method: 'POST',
        url: '/api/admin/password-resets/complete',
        body: { token, password: 'too short' },
      });
      expect(short.statusCode).toBe(400);
      expect(short.json()).toEqual({
        error: 'password: must be at least 12 characters',
        field: 'password',
      });
    });
  });
});
