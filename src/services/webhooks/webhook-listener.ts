import type { EventListener } from '../events/event-listeners.js';
import type { ArticleEvent } from '../ports.js';
import type { Stores } from '../ports.js';
import {
  DELIVER_WEBHOOK_JOB,
  type DeliveryStores,
  type WebhookUseCaseDeps,
} from './webhook-deps.js';
import { webhookBody } from './webhook-payload.js';

/**
 * Hears every article event and queues one delivery per active subscription that asked for
 * it: the delivery row and its job in one transaction, so neither exists without the other.
 * Heard twice, it queues nothing twice.
 */
export function webhookListener(
  deps: WebhookUseCaseDeps<DeliveryStores & Pick<Stores, 'articles'>>,
): EventListener {
  return {
    name: 'webhooks',
    async handle(event: ArticleEvent) {
      const subscriptions = await deps.storage.stores.webhooks.activeFor(event.type);
      if (subscriptions.length === 0) return;
      const body = await webhookBody(deps, event);
      const now = deps.clock.now();
      await deps.storage.transaction(async (stores) => {
        const done = new Set(await stores.webhooks.subscribersOf(event.id));
        for (const subscription of subscriptions.filter((s) => !done.has(s.id))) {
          const deliveryId = await stores.webhooks.createDelivery(
            { subscriptionId: subscription.id, eventId: event.id, eventType: event.type, body },
            now,
          );
          await stores.jobs.enqueue(DELIVER_WEBHOOK_JOB, { deliveryId }, now, now);
        }
      });
    },
    retryDelay: (attempts) => (attempts >= 10 ? null : 30_000 * attempts),
  };
}
