import type { Mailer } from '../../services/ports.js';

/**
 * Without SMTP configured, mail is written to the log instead, links included, so a
 * newsroom trying Dateline out can still accept invitations and reset passwords.
 */
export class LogMailer implements Mailer {
  constructor(
    private readonly log: (message: string) => void,
    private readonly from: string,
  ) {}

  send(message: { to: string; subject: string; text: string }): Promise<void> {
    this.log(
      `mail (SMTP_URL is not set, so it is logged instead of sent)\n` +
        `From: ${this.from}\nTo: ${message.to}\nSubject: ${message.subject}\n\n${message.text}`,
    );
    return Promise.resolve();
  }
}
