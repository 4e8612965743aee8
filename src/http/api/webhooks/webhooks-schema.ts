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
export interface WebhookView {
  id: number;
  url: string;
  events: string[];
  description: string;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface DeliveryView {
  id: number;
  eventId: number;
  eventType: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastResponseCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  updatedAt: string;
  log: { number: number; at: string; responseCode: number | null; error: string | null }[];
}
