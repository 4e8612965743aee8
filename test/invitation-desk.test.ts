import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newsroomClient, PASSWORD, startNewsroom, type Browser } from './newsroom-client.js';
import { RecordingMailer, startTestApp, type TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';

const tokenIn = (link: string) => new URL(link).searchParams.get('token') ?? '';

describe.each(ENGINES)('pending invitations on $engine', ({ create }) => {
  describe('with a mail server', () => {
    let t: TestApp;
    const mail = new RecordingMailer();
    const { call, signIn } = newsroomClient(() => t);
    let chief: Browser;

    beforeAll(async () => {
      t = await startNewsroom(await create(), mail);
      await t.app.storage.stores.settings.put(
        'publication',
        { name: 'The Muscat Courier', timezone: 'Asia/Muscat' },
        new Date(),
      );
      chief = await signIn('chief@paper.example');
    });
    afterAll(() => t?.close());

    const invite = (email: string) =>
      call({
        method: 'POST',
        url: '/api/admin/invitations',
        body: { email, role: 'writer' },
        as: chief,
      });

    it('mails an invitation that names the paper, and never hands out its link', async () => {
      const invited = await invite('reporter@paper.example');
      expect(invited.json()).toMatchObject({ mail: { status: 'queued', delivery: 'smtp' } });
      expect(invited.json<{ mail: object }>().mail).not.toHaveProperty('link');
      await t.app.jobs.runDue();
      const letter = mail.sent.filter((m) => m.to === 'reporter@paper.example').at(-1);
      expect(letter?.subject).toContain('The Muscat Courier');
      expect(letter?.text).toContain('newsroom of The Muscat Courier');
    });

    it('lists pending invitations with who invited them and until when', async () => {
      const listed = await call({ url: '/api/admin/invitations', as: chief });
      expect(listed.statusCode, listed.body).toBe(200);
      const [invitation] = listed.json<{ invitations: Record<string, unknown>[] }>().invitations;
      expect(invitation).toMatchObject({
        email: 'reporter@paper.example',
        role: 'writer',
        invitedBy: expect.any(String) as string,
        expired: false,
      });
      expect(Date.parse(String(invitation?.expiresAt))).toBeGreaterThan(Date.now());
    });

    it('resends an invitation with a new link and a new week, and the old link stops working', async () => {
      const oldToken = mail.lastTokenTo('reporter@paper.example') ?? '';
      const resent = await call({
        method: 'POST',
        url: '/api/admin/invitations/resend',
        body: { email: 'Reporter@Paper.Example' },
        as: chief,
      });
      expect(resent.statusCode, resent.body).toBe(200);
      expect(resent.json()).toMatchObject({ mail: { status: 'queued', delivery: 'smtp' } });
      await t.app.jobs.runDue();
      const newToken = mail.lastTokenTo('reporter@paper.example') ?? '';
      expect(newToken).not.toBe(oldToken);
      const check = (token: string) =>
        call({ method: 'POST', url: '/api/admin/invitations/check', body: { token } });
      expect((await check(oldToken)).statusCode).toBe(400);
      const good = await check(newToken);
      expect(good.statusCode, good.body).toBe(200);
      expect(good.json()).toMatchObject({ invitation: { email: 'reporter@paper.example' } });
      const trail = await call({ url: '/api/admin/audit?event=invitation.resent', as: chief });
      expect(trail.body).toContain('invitation.resent');
    });

    it('refuses to resend or revoke an invitation nobody sent, naming the address', async () => {
      for (const action of ['resend', 'revoke']) {
        const refused = await call({
          method: 'POST',
          url: `/api/admin/invitations/${action}`,
          body: { email: 'stranger@paper.example' },
          as: chief,
        });
        expect(refused.statusCode).toBe(404);
        expect(refused.json<{ error: string }>().error).toContain('stranger@paper.example');
        const bad = await call({
          method: 'POST',
          url: `/api/admin/invitations/${action}`,
          body: { email: 'x@paper.example', extra: 1 },
          as: chief,
        });
        expect(bad.statusCode).toBe(400);
      }
    });
  });

  describe('with no mail server', () => {
    let t: TestApp;
    const { call, signIn, addUser } = newsroomClient(() => t);
    let chief: Browser;

    beforeAll(async () => {
      // No mailer of the test's own: the newsroom falls back to writing mail to its log.
      t = await startTestApp({ PUBLIC_URL: 'https://news.example' }, await create());
      await addUser('chief@paper.example', 'editor_in_chief');
      chief = await signIn('chief@paper.example');
    });
    afterAll(() => t?.close());

    it('hands the chief the link once to copy, and that link lets the invitee join', async () => {
      const invited = await call({
        method: 'POST',
        url: '/api/admin/invitations',
        body: { email: 'copy@paper.example', role: 'editor' },
        as: chief,
      });
      expect(invited.statusCode, invited.body).toBe(201);
      const { mail } = invited.json<{ mail: { status: string; link: string } }>();
      expect(mail.status).toBe('link');
      expect(mail.link).toMatch(/^https:\/\/news\.example\/admin\/invitation\?token=/);
      await t.app.jobs.runDue();
      const checked = await call({
        method: 'POST',
        url: '/api/admin/invitations/check',
        body: { token: tokenIn(mail.link) },
      });
      expect(checked.json()).toMatchObject({
        invitation: { email: 'copy@paper.example', role: 'editor' },
      });
      const joined = await call({
        method: 'POST',
        url: '/api/admin/invitations/accept',
        body: { token: tokenIn(mail.link), name: 'Copy Editor', password: PASSWORD },
      });
      expect(joined.statusCode, joined.body).toBe(201);
      const used = await call({
        method: 'POST',
        url: '/api/admin/invitations/check',
        body: { token: tokenIn(mail.link) },
      });
      expect(used.statusCode).toBe(410);
      expect(used.json<{ error: string }>().error).toBe('This invitation has already been used.');
    });

    it('revokes an invitation, whose link then says it was withdrawn', async () => {
      const invited = await call({
        method: 'POST',
        url: '/api/admin/invitations',
        body: { email: 'revoked@paper.example', role: 'writer' },
        as: chief,
      });
      const { link } = invited.json<{ mail: { link: string } }>().mail;
      const revoked = await call({
        method: 'POST',
        url: '/api/admin/invitations/revoke',
        body: { email: 'revoked@paper.example' },
        as: chief,
      });
      expect(revoked.statusCode, revoked.body).toBe(200);
      const checked = await call({
        method: 'POST',
        url: '/api/admin/invitations/check',
        body: { token: tokenIn(link) },
      });
      expect(checked.statusCode).toBe(410);
      expect(checked.json<{ error: string }>().error).toContain('withdrawn');
      const listed = await call({ url: '/api/admin/invitations', as: chief });
      expect(JSON.stringify(listed.json())).not.toContain('revoked@paper.example');
      const trail = await call({ url: '/api/admin/audit?event=invitation.revoked', as: chief });
      expect(trail.body).toContain('revoked@paper.example');
    });

    it('replaces the open invitation of an address invited again', async () => {
      const invite = async (role: string) => {
        const answer = await call({
          method: 'POST',
          url: '/api/admin/invitations',
          body: { email: 'twice@paper.example', role },
          as: chief,
        });
        return answer.json<{ mail: { link: string } }>().mail.link;
      };
      const first = await invite('writer');
      const second = await invite('editor');
      const check = (link: string) =>
        call({
          method: 'POST',
          url: '/api/admin/invitations/check',
          body: { token: tokenIn(link) },
        });
      expect((await check(first)).statusCode).toBe(410);
      expect((await check(second)).json()).toMatchObject({ invitation: { role: 'editor' } });
    });

    it('resends an expired invitation with a fresh link for another week', async () => {
      await call({
        method: 'POST',
        url: '/api/admin/invitations',
        body: { email: 'late@paper.example', role: 'writer' },
        as: chief,
      });
      const lapsed = new Date(Date.now() - 60_000);
      await t.app.storage.stores.oneTimeTokens.extendInvitations('late@paper.example', lapsed);
      const listed = await call({ url: '/api/admin/invitations', as: chief });
      expect(listed.json()).toMatchObject({
        invitations: expect.arrayContaining([
          expect.objectContaining({ email: 'late@paper.example', expired: true }),
        ]) as unknown,
      });
      const resent = await call({
        method: 'POST',
        url: '/api/admin/invitations/resend',
        body: { email: 'late@paper.example' },
        as: chief,
      });
      const { invitation, mail } = resent.json<{
        invitation: { expiresAt: string };
        mail: { status: string; link: string };
      }>();
      expect(mail.status).toBe('link');
      expect(Date.parse(invitation.expiresAt)).toBeGreaterThan(Date.now() + 6 * 86_400_000);
      const checked = await call({
        method: 'POST',
        url: '/api/admin/invitations/check',
        body: { token: tokenIn(mail.link) },
      });
      expect(checked.statusCode, checked.body).toBe(200);
    });
  });
});
