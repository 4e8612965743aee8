import { describe, expect, it } from 'vitest';
import { LogMailer } from './log-mailer.js';

describe('the log mailer', () => {
  it('writes the whole message, link included, to the log', async () => {
    const lines: string[] = [];
    const mailer = new LogMailer((line) => lines.push(line), 'Dateline <no-reply@localhost>');
    await mailer.send({
      to: 'amal@paper.example',
      subject: 'You are invited to the newsroom',
      text: 'Join here: http://localhost:3000/admin/invitation?token=abc',
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('To: amal@paper.example');
    expect(lines[0]).toContain('Subject: You are invited to the newsroom');
    expect(lines[0]).toContain('http://localhost:3000/admin/invitation?token=abc');
  });
});
