import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmtpMailer } from './smtp-mailer.js';

/** Just enough of an SMTP server to accept one message and keep it. */
function startSmtpSink(received: string[]): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => {
    let data: string | null = null;
    socket.write('220 sink ESMTP\r\n');
    socket.on('data', (chunk) => {
      const text = chunk.toString();
      if (data !== null) {
        data += text;
        if (data.endsWith('\r\n.\r\n')) {
          received.push(data);
          data = null;
          socket.write('250 queued\r\n');
        }
        return;
      }
      for (const line of text.split('\r\n').filter(Boolean)) {
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'DATA') {
          data = '';
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address ? address.port : 0 });
    }),
  );
}

describe('the SMTP mailer', () => {
  const received: string[] = [];
  let sink: { server: Server; port: number };

  beforeAll(async () => {
    sink = await startSmtpSink(received);
  });
  afterAll(() => new Promise<void>((done) => sink.server.close(() => done())));

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
    expect(received).toHaveLength(1);
    const message = received[0] ?? '';
    expect(message).toMatch(/^From: The Paper <newsroom@paper\.example>$/m);
    expect(message).toMatch(/^To: amal@paper\.example$/m);
    expect(message).toMatch(/^Subject: Choose a new password$/m);
    expect(message).toContain('https://news.example/admin/password-reset?token=abc');
  });
});
