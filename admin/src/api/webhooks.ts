/** The webhooks API (src/http/api/webhooks/): subscriptions and their delivery log. */
import type { ArticleEventType } from '../../../src/services/newsroom-ports.js';
import type {
  changedWebhookOutput,
  createWebhookInput,
  deliveryListOutput,
  updateWebhookInput,
  webhookListOutput,
  webhookOutput,
  webhookWithSecretOutput,
} from '../../../src/http/api/webhooks/webhooks-schema.js';
import { request } from './client.js';
import type { Answer, Body } from './json.js';

/** The events a subscription may ask for, in the order the server keeps them. */
export const WEBHOOK_EVENTS = [
  'article.published',
  'article.updated',
  'article.corrected',
  'article.unpublished',
  'article.killed',
] as const satisfies readonly ArticleEventType[];

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** The server's events are a plain list of strings: keep only those the app can name. */
export const isWebhookEvent = (event: string): event is WebhookEvent =>
  (WEBHOOK_EVENTS as readonly string[]).includes(event);

/** A subscription as the server shows it: never its secret. */
export type Webhook = Answer<typeof webhookOutput>;
export type WebhookDelivery = Answer<typeof deliveryListOutput>['deliveries'][number];
export type WebhookInput = Body<typeof createWebhookInput>;
type WebhookChanges = Omit<Body<typeof updateWebhookInput>, 'id'>;

const base = '/api/admin/webhooks';

export const webhooks = {
  list: () => request<Answer<typeof webhookListOutput>>('GET', base),
  /** The answer carries the signing secret: the only time it is shown. */
  create: (input: WebhookInput) =>
    request<Answer<typeof webhookWithSecretOutput>>('POST', base, input),
  change: (id: number, changes: WebhookChanges) =>
    request<Answer<typeof changedWebhookOutput>>('PATCH', `${base}/${id}`, changes),
  remove: (id: number) => request<void>('DELETE', `${base}/${id}`),
  rollSecret: (id: number) =>
    request<Answer<typeof webhookWithSecretOutput>>('POST', `${base}/${id}/secret`),
  deliveries: (id: number) =>
    request<Answer<typeof deliveryListOutput>>('GET', `${base}/${id}/deliveries`),
};
