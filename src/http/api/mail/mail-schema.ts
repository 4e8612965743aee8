import { z } from 'zod';

export const mailDeliveryInput = z.object({});

/** How the newsroom's mail is going, as the admin app reads it. */
export interface MailDeliveryAnswer {
  /** `log`: no SMTP server is set up, so mail (links included) is written to the server's log. */
  delivery: 'smtp' | 'log';
  retrying: number;
  gaveUp: number;
  lastError: string | null;
  nextAttemptAt: string | null;
}

/**
 * What an invitation says of its mail: queued for an SMTP server; or, with none set up, not
 * mailed but handed out here as `link`, once, for the editor-in-chief to copy.
 */
export interface InvitationMail {
  status: 'queued' | 'link';
  delivery: 'smtp' | 'log';
  link?: string;
}
