/**
 * The mail server down, as an attacker (or a bad day) finds it: a password reset answers the
 * same for every address and never 500, invitations still answer at once, the mail goes out
 * when the server comes back, no link's secret waits in the queue, and mail that cannot go out
 * is given up after a bounded time, in the log and on the newsroom's screens.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createJobRunner } from '../src/jobs/job-runner.js';
import {
  accountMailJobHandlers,
  mailRetryDelay,
  MAIL_RETRY_BUDGET_MS,
  PASSWORD_RESET_MAIL_JOB,
} from '../src/services/accounts/account-mail-jobs.js';
import { sendInvitation } from '../src/services/accounts/send-invitation.js';
import type { Clock } from '../src/services/ports.js';
import { newsroomClient, PASSWORD, PROXY, type Browser } from './newsroom-client.js';
import { deadPort, startSmtpServer, type SmtpServer } from './smtp-server.js';
import { startTestApp, type TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';

/** A clock the test moves by hand, starting now (sessions are made by it). */
function handClock() {
  let now = Date.now();
  const clock: Clock & { advance(ms: number): void } = {
    now: () => new Date(now),
    advance: (ms) => {
      now += ms;
    },
  };
  return clock;
}

/** The token of the link in the last message the SMTP server took for this address. */
const tokenMailedTo = (smtp: SmtpServer, to: string) => {
  const message = smtp.received.filter((m) => m.includes(`To: ${to}`)).at(-1) ?? '';
  // The body is quoted-printable: undo its soft line breaks and =XX escapes before reading it.
  const body = message
    .replace(/=\r\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const link = /\?token=([A-Za-z0-9_-]+)/.exec(body);
  return link?.[1];
};

describe.each(ENGINES)('mail while the mail server is down, on $engine', ({ create }) => {
  let t: TestApp;
  let port: number;
  let smtp: SmtpServer | undefined;
  const clock = handClock();
  const { call, signIn, addUser } = newsroomClient(() => t);
  let chief: Browser;

  const bringSmtpBack = async () => {
    smtp = await startSmtpServer(port);
    return smtp;
  };
  const reset = (email: string) =>
    call({ method: 'POST', url: '/api/admin/password-resets', body: { email } });
  /** Lets the next attempt come due, and runs what is due. */
  const retryDue = async () => {
    clock.advance(16 * 60_000);
    return t.app.jobs.runDue();
  };
  const mailDelivery = async () =>
    (await call({ url: '/api/admin/mail-delivery', as: chief })).json<{
      delivery: string;
      retrying: number;
      gaveUp: number;
      lastError: string | null;
    }>();

  beforeAll(async () => {
    port = await deadPort();
    t = await startTestApp(
      {
        TRUSTED_PROXIES: PROXY,
        PUBLIC_URL: 'https://news.example',
        SMTP_URL: `smtp://127.0.0.1:${port}`,
      },
      await create(),
      { clock },
    );
    await addUser('chief@paper.example', 'editor_in_chief');
    await addUser('writer@paper.example', 'writer');
    await addUser('gone@paper.example', 'writer');
    const gone = await t.app.storage.stores.users.findByEmail('gone@paper.example');
    await t.app.storage.stores.users.update(gone!.id, { disabledAt: clock.now() }, clock.now());
    chief = await signIn('chief@paper.example');
  });
  beforeEach(async () => {
    await smtp?.close();
    smtp = undefined;
    await t.app.storage.kysely.deleteFrom('jobs').execute();
    // Each case starts with a clean slate under the reset requests' throttle.
    await t.app.storage.kysely.deleteFrom('login_failures').execute();
  });
  afterAll(async () => {
    await smtp?.close();
    await t?.close();
  });

  it('answers a reset for a known, an unknown and a disabled address alike, never with a 500', async () => {
    const answers = [
      await reset('writer@paper.example'),
      await reset('stranger@paper.example'),
      await reset('gone@paper.example'),
    ];
    await t.app.jobs.runDue();
    answers.push(await reset('Writer@Paper.Example'));
    for (const answer of answers) {
      expect(answer.statusCode, answer.body).toBe(202);
      expect(answer.headers['content-type']).toBe(answers[0]?.headers['content-type']);
      expect(answer.body).toBe(answers[0]?.body);
    }
    expect(answers[0]?.json()).toEqual({
      message:
        'If that address belongs to an account, a link to choose a new password is on its way. It works once, for one hour.',
    });
  });

  it('refuses a fourth reset for one address within the quarter hour, known or not, saying when to try again', async () => {
    for (const email of ['writer@paper.example', 'stranger@paper.example']) {
      for (let n = 0; n < 3; n++) expect((await reset(email)).statusCode).toBe(202);
      const flooded = await reset(email);
      expect(flooded.statusCode, email).toBe(429);
      expect(Number(flooded.headers['retry-after'])).toBeGreaterThan(800);
      expect(flooded.json()).toEqual({
        error: 'Too many password reset requests. Try again in 15 minutes.',
      });
    }
    expect(await t.app.storage.stores.jobs.countPending(PASSWORD_RESET_MAIL_JOB)).toBe(6);
    clock.advance(16 * 60_000);
    expect((await reset('writer@paper.example')).statusCode).toBe(202);
  });

  it('answers the same when the mail server refuses with 451 or 554', async () => {
    const refusing = await bringSmtpBack();
    for (const reply of ['451 4.3.0 try again later', '554 5.7.1 relay denied']) {
      refusing.refuseWith(reply);
      const known = await reset('writer@paper.example');
      const unknown = await reset('stranger@paper.example');
      await t.app.jobs.runDue();
      expect(known.statusCode).toBe(202);
      expect(known.body).toBe(unknown.body);
    }
    expect(refusing.received).toEqual([]);
  });

  it('mails the reset link once the mail server is back, and the link works', async () => {
    await reset('writer@paper.example');
    await reset('stranger@paper.example');
    await reset('gone@paper.example');
    await t.app.jobs.runDue();
    expect(await t.app.storage.stores.jobs.countPending(PASSWORD_RESET_MAIL_JOB)).toBe(1);

    const back = await bringSmtpBack();
    expect(await retryDue()).toBe(1);
    expect(back.received).toHaveLength(1);
    expect(back.received[0]).toMatch(/^To: writer@paper\.example$/m);
    const token = tokenMailedTo(back, 'writer@paper.example');
    const done = await call({
      method: 'POST',
      url: '/api/admin/password-resets/complete',
      body: { token, password: 'a brand new passphrase' },
    });
    expect(done.statusCode, done.body).toBe(200);
    await t.app.storage.stores.users.update(
      (await t.app.storage.stores.users.findByEmail('writer@paper.example'))!.id,
      { passwordHash: await t.app.accounts.passwords.hash(PASSWORD) },
      clock.now(),
    );
    expect(await retryDue()).toBe(0);
    expect(back.received).toHaveLength(1);
  });

  it('keeps no link’s secret in the job queue, before or after sending', async () => {
    await reset('writer@paper.example');
    await call({
      method: 'POST',
      url: '/api/admin/invitations',
      body: { email: 'secret.keeper@paper.example', role: 'writer' },
      as: chief,
    });
    await t.app.jobs.runDue();
    const back = await bringSmtpBack();
    await retryDue();
    const tokens = ['writer@paper.example', 'secret.keeper@paper.example'].map((to) =>
      tokenMailedTo(back, to),
    );
    expect(tokens.every(Boolean)).toBe(true);
    const rows = await t.app.storage.kysely.selectFrom('jobs').selectAll().orderBy('id').execute();
    expect(rows.map((row) => JSON.parse(row.payload) as unknown)).toEqual([
      { email: 'writer@paper.example' },
      { email: 'secret.keeper@paper.example' },
    ]);
    const stored = JSON.stringify(rows);
    for (const token of tokens) expect(stored).not.toContain(token);
  });

  it('answers an invitation at once with the mail server down, and mails it when it is back', async () => {
    const invited = await call({
      method: 'POST',
      url: '/api/admin/invitations',
      body: { email: 'patient@paper.example', role: 'writer' },
      as: chief,
    });
    expect(invited.statusCode, invited.body).toBe(201);
    expect(invited.json()).toMatchObject({
      invitation: { email: 'patient@paper.example', role: 'writer' },
      mail: { status: 'queued', delivery: 'smtp' },
    });
    const pending = await t.app.storage.stores.oneTimeTokens.findPending(
      'invitation',
      'patient@paper.example',
      clock.now(),
    );
    expect(pending).toMatchObject({ role: 'writer', usedAt: null });

    await t.app.jobs.runDue();
    await retryDue();
    const status = await mailDelivery();
    expect(status).toMatchObject({ delivery: 'smtp', retrying: 1, gaveUp: 0 });
    expect(status.lastError).toMatch(
      /^invitation mail to patient@paper\.example not sent \(attempt 2, will retry\): connect ECONNREFUSED 127\.0\.0\.1:\d+$/,
    );

    const back = await bringSmtpBack();
    expect(await retryDue()).toBe(1);
    expect((await mailDelivery()).retrying).toBe(0);
    const token = tokenMailedTo(back, 'patient@paper.example');
    const joined = await call({
      method: 'POST',
      url: '/api/admin/invitations/accept',
      body: { token, name: 'Patient Writer', password: PASSWORD },
    });
    expect(joined.statusCode, joined.body).toBe(201);
  });

  it('mails a fresh invitation link at every attempt, and the earlier link stops working', async () => {
    const smtpUp = await bringSmtpBack();
    await call({
      method: 'POST',
      url: '/api/admin/invitations',
      body: { email: 'twice@paper.example', role: 'contributor' },
      as: chief,
    });
    await t.app.jobs.runDue();
    const first = tokenMailedTo(smtpUp, 'twice@paper.example');
    await sendInvitation(t.app.accounts, 'twice@paper.example');
    const second = tokenMailedTo(smtpUp, 'twice@paper.example');
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);
    const accept = (token: string | undefined) =>
      call({
        method: 'POST',
        url: '/api/admin/invitations/accept',
        body: { token, name: 'Twice Invited', password: PASSWORD },
      });
    expect((await accept(first)).statusCode).toBe(400);
    expect((await accept(second)).statusCode).toBe(201);
    // Once used, the invitation is not mailed again.
    await sendInvitation(t.app.accounts, 'twice@paper.example');
    expect(smtpUp.received.filter((m) => m.includes('To: twice@paper.example'))).toHaveLength(2);
  });

  it('gives a reset up after an hour of failures, and says so in the log and to the chief', async () => {
    const log: string[] = [];
    const runner = createJobRunner({
      storage: t.app.storage,
      clock,
      handlers: accountMailJobHandlers(t.app.accounts),
      log: (line) => log.push(line),
    });
    await reset('writer@paper.example');
    let attempts = 0;
    while ((await runner.runDue()) > 0) {
      attempts++;
      clock.advance(mailRetryDelay(attempts, MAIL_RETRY_BUDGET_MS[PASSWORD_RESET_MAIL_JOB]) ?? 0);
    }
    expect(attempts).toBeGreaterThan(3);
    expect(attempts).toBeLessThan(12);
    expect(log.at(-1)).toMatch(
      new RegExp(
        `failed for good: Error: password reset mail to writer@paper\\.example not sent \\(giving up after ${attempts} attempts`,
      ),
    );
    expect(await mailDelivery()).toMatchObject({ retrying: 0, gaveUp: 1 });
  });

  it('shows the mail’s state only to the editor-in-chief', async () => {
    const writer = await signIn('writer@paper.example');
    const asWriter = await call({ url: '/api/admin/mail-delivery', as: writer });
    expect(asWriter.statusCode).toBe(403);
    expect(await mailDelivery()).toEqual({
      delivery: 'smtp',
      retrying: 0,
      gaveUp: 0,
      lastError: null,
      nextAttemptAt: null,
    });
  });
});
