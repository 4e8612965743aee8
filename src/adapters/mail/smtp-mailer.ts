import nodemailer, { type Transporter } from 'nodemailer';
import type { Mailer } from '../../services/ports.js';

/** Sends mail through the SMTP server named by `SMTP_URL` (smtp:// or smtps://). */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(smtpUrl);
  }

  async send(message: { to: string; subject: string; text: string }): Promise<void> {
    await this.transport.sendMail({ from: this.from, ...message });
  }
}
