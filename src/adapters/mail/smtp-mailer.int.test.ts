import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadPort, startSmtpServer, type SmtpServer } from '../../../test/smtp-server.js';
import { SmtpMailer } from './smtp-mailer.js';

describe('the SMTP mailer', () => {
  let sink: SmtpServer;

  beforeAll(async () => {
    sink = await startSmtpServer();
  });
  afterAll(() => sink.close());

  it('sends plain-text mail from MAIL_FROM through the server SMTP_URL names', async () => {
    const mailer = new SmtpMailer(
      `smtp://127.0.0.1:${sink.port}`,
      'The Paper <newsroom@paper.example>',
    );
    await mailer.send({
      to: 'amal@paper.example',
      subject: 'Choose a new password',
      text: 'Here: https://news.example/admin/password-reset?token=abc',
    });
    expect(sink.received).toHaveLength(1);
    const message = sink.received[0] ?? '';
    expect(message).toMatch(/^From: The Paper <newsroom@paper\.example>$/m);
    expect(message).toMatch(/^To: amal@paper\.example$/m);
    expect(message).toMatch(/^Subject: Choose a new password$/m);
    expect(message).toContain('https://news.example/admin/password-reset?token=abc');
  });

  it('fails, so the mail can be tried again, when the server refuses it or is not there', async () => {
    const mailer = new SmtpMailer(`smtp://127.0.0.1:${sink.port}`, 'newsroom@paper.example');
    const letter = { to: 'amal@paper.example', subject: 'Hello', text: 'Hello' };
    sink.refuseWith('451 4.3.0 mailbox busy, try later');
    await expect(mailer.send(letter)).rejects.toThrow(/451 4\.3\.0 mailbox busy/);
    sink.refuseWith(null);
    const nobody = new SmtpMailer(`smtp://127.0.0.1:${await deadPort()}`, 'newsroom@paper.example');
    await expect(nobody.send(letter)).rejects.toThrow(/ECONNREFUSED/);
  });
});
