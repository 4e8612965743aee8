/** The webhooks API (src/http/api/webhooks/): subscriptions and their delivery log. */
import { request } from './client.js';

export const WEBHOOK_EVENTS = [
  'article.published',
  'article.updated',
  'article.corrected',
  'article.unpublished',
  'article.killed',
] as const;

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** A subscription as the server shows it: never its secret. */
export interface Webhook {
  id: number;
  url: string;
  events: WebhookEvent[];
  description: string;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookDelivery {
  id: number;
  eventId: number;
  eventType: WebhookEvent;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastResponseCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  log: { number: number; at: string; responseCode: number | null; error: string | null }[];
}

export interface WebhookInput {
  url: string;
  events: WebhookEvent[];
  description: string;
  active: boolean;
}

const base = '/api/admin/webhooks';

export const webhooks = {
  list: () => request<{ webhooks: Webhook[] }>('GET', base),
  /** The answer carries the signing secret: the only time it is shown. */
  create: (input: WebhookInput) =>
    request<{ webhook: Webhook; secret: string }>('POST', base, input),
  change: (id: number, changes: Partial<WebhookInput>) =>
    request<{ webhook: Webhook }>('PATCH', `${base}/${id}`, changes),
  remove: (id: number) => request<void>('DELETE', `${base}/${id}`),
  rollSecret: (id: number) =>
    request<{ webhook: Webhook; secret: string }>('POST', `${base}/${id}/secret`),
  deliveries: (id: number) =>
    request<{ deliveries: WebhookDelivery[] }>('GET', `${base}/${id}/deliveries`),
};
