import { z } from 'zod';
import { recordIdParam } from '../../../domain/validation.js';

const events = z.array(z.string().max(100)).max(20);

export const listWebhooksInput = z.object({}).strict();
export const createWebhookInput = z
  .object({
    url: z.string().max(4000),
    events,
    description: z.string().max(1000).optional(),
    active: z.boolean().optional(),
  })
  .strict();
export const updateWebhookInput = z
  .object({
    id: recordIdParam,
    url: z.string().max(4000).optional(),
    events: events.optional(),
    description: z.string().max(1000).optional(),
    active: z.boolean().optional(),
  })
  .strict();
export const webhookIdInput = z.object({ id: recordIdParam }).strict();
export const listDeliveriesInput = z
  .object({
    id: recordIdParam,
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

/** A subscription as the API shows it: never its secret, except once, beside it. */
export const webhookOutput = z.object({
  id: z.number().int(),
  url: z.string(),
  events: z.array(z.string()),
  description: z.string(),
  active: z.boolean(),
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
});
export type WebhookView = z.infer<typeof webhookOutput>;

export const webhookListOutput = z.object({ webhooks: z.array(webhookOutput) });
/** A subscription with its signing secret: on creation and on rolling it, only. */
export const webhookWithSecretOutput = z.object({ webhook: webhookOutput, secret: z.string() });
export const changedWebhookOutput = z.object({ webhook: webhookOutput });

const deliveryOutput = z.object({
  id: z.number().int(),
  eventId: z.number().int(),
  eventType: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int(),
  lastResponseCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().datetime().nullable(),
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
  log: z.array(
    z.object({
      number: z.number().int(),
      at: z.string().datetime(),
      responseCode: z.number().int().nullable(),
      error: z.string().nullable(),
    }),
  ),
});
export type DeliveryView = z.infer<typeof deliveryOutput>;

export const deliveryListOutput = z.object({ deliveries: z.array(deliveryOutput) });
