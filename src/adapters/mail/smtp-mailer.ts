import nodemailer, { type Transporter } from 'nodemailer';
import type { Mailer } from '../../services/ports.js';

/** Sends mail through the SMTP server named by `SMTP_URL` (smtp:// or smtps://). */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    // Nodemailer would wait minutes on a silent server; mail is sent by the one job worker,
    // which a hung server must not hold up for long (a failed send is retried later).
    this.transport = nodemailer.createTransport({
      url: smtpUrl,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(message: { to: string; subject: string; text: string }): Promise<void> {
    await this.transport.sendMail({ from: this.from, ...message });
  }
}
