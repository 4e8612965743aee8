import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type {
  DeliveryAttempt,
  WebhookDelivery,
  WebhookSubscription,
} from '../../../services/ports.js';
import {
  changeWebhook,
  listWebhookDeliveries,
  listWebhooks,
  removeWebhook,
  rollWebhookSecret,
  subscribeWebhook,
} from '../../../services/webhooks/manage-webhooks.js';
import type { WebhookDeps } from '../../../services/webhooks/webhook-deps.js';
import { defineEndpoint } from '../define-endpoint.js';
import {
  changedWebhookOutput,
  createWebhookInput,
  deliveryListOutput,
  listDeliveriesInput,
  listWebhooksInput,
  updateWebhookInput,
  webhookIdInput,
  webhookListOutput,
  webhookWithSecretOutput,
  type DeliveryView,
  type WebhookView,
} from './webhooks-schema.js';

const presentWebhook = (s: WebhookSubscription): WebhookView => ({
  id: s.id,
  url: s.url,
  events: s.events,
  description: s.description,
  active: s.active,
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
});

const presentDelivery = (d: WebhookDelivery & { log: DeliveryAttempt[] }): DeliveryView => ({
  id: d.id,
  eventId: d.eventId,
  eventType: d.eventType,
  status: d.status,
  attempts: d.attempts,
  lastResponseCode: d.lastResponseCode,
  lastError: d.lastError,
  nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
  createdAt: d.createdAt.toISOString(),
  updatedAt: d.updatedAt.toISOString(),
  log: d.log.map((a) => ({ ...a, at: a.at.toISOString() })),
});

/** Webhook subscriptions and their delivery log: the editor-in-chief's, in person. */
export function registerWebhookRoutes(server: FastifyInstance, deps: WebhookDeps) {
  defineEndpoint(server, {
    method: 'GET',
    url: '/api/admin/webhooks',
    input: listWebhooksInput,
    output: webhookListOutput,
    permission: 'webhook.manage',
    handle: async ({ actor }) => ({
      webhooks: (await listWebhooks(deps, actor)).map(presentWebhook),
    }),
  });

  defineEndpoint(server, {
    method: 'POST',
    url: '/api/admin/webhooks',
    input: createWebhookInput,
    output: webhookWithSecretOutput,
    permission: 'webhook.manage',
    status: 201,
    handle: async ({ actor, input }) => {
      const subscription = await subscribeWebhook(deps, actor, input);
      return { webhook: presentWebhook(subscription), secret: subscription.secret };
    },
  });

  defineEndpoint(server, {
    method: 'PATCH',
    url: '/api/admin/webhooks/:id',
    input: updateWebhookInput,
    output: changedWebhookOutput,
    permission: 'webhook.manage',
    handle: async ({ actor, input: { id, ...changes } }) => ({
      webhook: presentWebhook(await changeWebhook(deps, actor, id, changes)),
    }),
  });

  defineEndpoint(server, {
    method: 'DELETE',
    url: '/api/admin/webhooks/:id',
    input: webhookIdInput,
    output: z.void(),
    permission: 'webhook.manage',
    status: 204,
    handle: ({ actor, input }) => removeWebhook(deps, actor, input.id),
  });

  defineEndpoint(server, {
    method: 'POST',
    url: '/api/admin/webhooks/:id/secret',
    input: webhookIdInput,
    output: webhookWithSecretOutput,
    permission: 'webhook.manage',
    handle: async ({ actor, input }) => {
      const subscription = await rollWebhookSecret(deps, actor, input.id);
      return { webhook: presentWebhook(subscription), secret: subscription.secret };
    },
  });

  defineEndpoint(server, {
    method: 'GET',
    url: '/api/admin/webhooks/:id/deliveries',
    input: listDeliveriesInput,
    output: deliveryListOutput,
    permission: 'webhook.manage',
    handle: async ({ actor, input }) => ({
      deliveries: (await listWebhookDeliveries(deps, actor, input.id, input.limit)).map(
        presentDelivery,
      ),
    }),
  });
}
