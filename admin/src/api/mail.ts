/** Whether the newsroom's mail gets out (src/http/api/mail/). */
import type { InvitationMail, MailDeliveryAnswer } from '../../../src/http/api/mail/mail-schema.js';
import { request } from './client.js';

export type { InvitationMail, MailDeliveryAnswer as MailDelivery };

export const mailApi = {
  delivery: () => request<MailDeliveryAnswer>('GET', '/api/admin/mail-delivery'),
};
