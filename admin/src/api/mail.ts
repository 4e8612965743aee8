/** Whether the newsroom's mail gets out (src/http/api/mail/). */
import type {
  invitationMailOutput,
  mailDeliveryOutput,
} from '../../../src/http/api/mail/mail-schema.js';
import { request } from './client.js';
import type { Answer } from './json.js';

export type InvitationMail = Answer<typeof invitationMailOutput>;
export type MailDelivery = Answer<typeof mailDeliveryOutput>;

export const mailApi = {
  delivery: () => request<MailDelivery>('GET', '/api/admin/mail-delivery'),
};
