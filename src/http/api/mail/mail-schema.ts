import { z } from 'zod';

export const mailDeliveryInput = z.object({});

/** How the newsroom's mail is going, as the admin app reads it. */
export const mailDeliveryOutput = z.object({
  /** `log`: no SMTP server is set up, so mail (links included) is written to the server's log. */
  delivery: z.enum(['smtp', 'log']),
  retrying: z.number().int(),
  gaveUp: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().datetime().nullable(),
});
export type MailDeliveryAnswer = z.infer<typeof mailDeliveryOutput>;

/**
 * What an invitation says of its mail: queued for an SMTP server; or, with none set up, not
 * mailed but handed out here as `link`, once, for the editor-in-chief to copy.
 */
export const invitationMailOutput = z.object({
  status: z.enum(['queued', 'link']),
  delivery: z.enum(['smtp', 'log']),
  link: z.string().optional(),
});
export type InvitationMail = z.infer<typeof invitationMailOutput>;
