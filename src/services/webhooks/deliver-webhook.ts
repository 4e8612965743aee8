import { z } from 'zod';
import { recordId } from '../../domain/validation.js';
import { jobHandler } from '../job-handler.js';
import { isOutboundError } from '../../domain/network/outbound-error.js';
import type { WebhookDelivery, WebhookSubscription } from '../ports.js';
import type { JobHandler } from '../job-ports.js';
import {
  DELIVER_WEBHOOK_JOB,
  type DeliveryStores,
  type WebhookDeps,
  type WebhookUseCaseDeps,
} from './webhook-deps.js';
import { SIGNATURE_HEADER, signatureHeader } from './webhook-signature.js';

const MINUTE = 60_000;
/** A delivery not taken within a day of its event is given up. */
export const GIVE_UP_AFTER_MS = 24 * 60 * MINUTE;
/** How much of a receiver's answer is read: only its status matters. */
const MAX_ANSWER_BYTES = 64 * 1024;

/** The wait after failed attempt n: 1, 2, 4, … minutes, never more than an hour. */
export const retryDelayAfter = (attempt: number) =>
  Math.min(MINUTE * 2 ** Math.max(attempt - 1, 0), 60 * MINUTE);

/** What one attempt came to: the receiver's status code, or why there was none. */
async function attemptDelivery(
  deps: Pick<WebhookDeps, 'outbound' | 'publicUrl' | 'clock'>,
  subscription: WebhookSubscription,
  delivery: WebhookDelivery,
): Promise<{ responseCode: number | null; error: string | null }> {
  try {
    const response = await deps.outbound.send({
      method: 'POST',
      url: subscription.url,
      headers: {
        'content-type': 'application/json',
        'user-agent': `Dateline-Webhooks/1 (+${deps.publicUrl})`,
        [SIGNATURE_HEADER]: signatureHeader(subscription.secret, delivery.body, deps.clock.now()),
        'Dateline-Event': String(delivery.eventId),
        'Dateline-Delivery': String(delivery.id),
      },
      body: delivery.body,
      maxResponseBytes: MAX_ANSWER_BYTES,
      maxRedirects: 0,
    });
    if (response.status >= 200 && response.status < 300)
      return { responseCode: response.status, error: null };
    const answer = Buffer.from(response.body).toString('utf8').slice(0, 200);
    const where = response.headers.location;
    const error = where
      ? `answered ${response.status} to ${where}; webhooks do not follow redirects`
      : `answered ${response.status}${answer ? `: ${answer}` : ''}`;
    return { responseCode: response.status, error };
  } catch (error) {
    if (!isOutboundError(error)) throw error;
    return { responseCode: null, error: `${error.kind}: ${error.message}` };
  }
}

/**
 * Makes one attempt at a pending delivery and records it: delivered on a 2xx; otherwise
 * another attempt is queued after a growing wait, until a day has passed, then failed.
 */
export async function deliverWebhook(
  deps: WebhookUseCaseDeps<DeliveryStores>,
  deliveryId: number,
): Promise<void> {
  const { webhooks } = deps.storage.stores;
  const delivery = await webhooks.findDelivery(deliveryId);
  if (!delivery || delivery.status !== 'pending') return;
  const subscription = await webhooks.findById(delivery.subscriptionId);
  if (!subscription) return;
  const attempt = delivery.attempts + 1;
  if (!subscription.active) {
    const error = 'the subscription was switched off before this could be sent';
    const outcome = { status: 'failed' as const, responseCode: null, error, nextAttemptAt: null };
    return webhooks.recordAttempt(delivery.id, attempt, outcome, deps.clock.now());
  }
  const { responseCode, error } = await attemptDelivery(deps, subscription, delivery);
  const now = deps.clock.now();
  if (error === null) {
    const outcome = { status: 'delivered' as const, responseCode, error, nextAttemptAt: null };
    return webhooks.recordAttempt(delivery.id, attempt, outcome, now);
  }
  const next = new Date(now.getTime() + retryDelayAfter(attempt));
  if (next.getTime() - delivery.createdAt.getTime() > GIVE_UP_AFTER_MS) {
    const outcome = { status: 'failed' as const, responseCode, error, nextAttemptAt: null };
    return webhooks.recordAttempt(delivery.id, attempt, outcome, now);
  }
  await deps.storage.transaction(async (stores) => {
    const outcome = { status: 'pending' as const, responseCode, error, nextAttemptAt: next };
    await stores.webhooks.recordAttempt(delivery.id, attempt, outcome, now);
    await stores.jobs.enqueue(DELIVER_WEBHOOK_JOB, { deliveryId: delivery.id }, next, now);
  });
}

/**
 * The webhooks' background work. A failed attempt queues its own next job (the schedule lives
 * with the delivery); the job itself is retried only when recording fails (database away).
 */
export function webhookJobHandlers(
  deps: WebhookUseCaseDeps<DeliveryStores>,
): Record<string, JobHandler> {
  return {
    [DELIVER_WEBHOOK_JOB]: jobHandler({
      payload: z.object({ deliveryId: recordId }),
      run: ({ deliveryId }) => deliverWebhook(deps, deliveryId),
      retryDelay: (attempts) => (attempts >= 10 ? null : MINUTE * attempts),
    }),
  };
}
