import { entryBy, type AuditEventName } from '../../domain/audit/audit-entry.js';
import { notFound } from '../../domain/errors.js';
import { authorize } from '../../domain/roles/permissions.js';
import type { Actor } from '../../domain/roles/role.js';
import type { DeliveryAttempt, Stores, WebhookDelivery, WebhookSubscription } from '../ports.js';
import type { WebhookUseCaseDeps } from './webhook-deps.js';
import {
  checkedDescription,
  checkedEvents,
  checkedWebhookUrl,
  newSigningSecret,
} from './webhook-input.js';

/** The stores managing subscriptions touches: the subscriptions, and the audit trail. */
export type WebhookAdminStores = Pick<Stores, 'webhooks' | 'audit'>;

export interface SubscriptionInput {
  url: string;
  events: string[];
  description?: string;
  active?: boolean;
}

/** Notes a change to a subscription in the audit trail: its address and events, never its secret. */
async function recordWebhook(
  deps: WebhookUseCaseDeps<WebhookAdminStores>,
  actor: Actor,
  event: AuditEventName,
  webhook: Pick<WebhookSubscription, 'id'> & Partial<WebhookSubscription>,
  changed?: string[],
): Promise<void> {
  const details = {
    ...(webhook.url !== undefined && { url: webhook.url }),
    ...(webhook.events !== undefined && { events: webhook.events }),
    ...(changed && { changed }),
  };
  const entry = entryBy(actor, event, { target: { type: 'webhook', id: webhook.id }, details });
  await deps.storage.stores.audit.record(entry, deps.clock.now());
}

/** Every webhook subscription, oldest first. */
export function listWebhooks(
  deps: WebhookUseCaseDeps<WebhookAdminStores>,
  actor: Actor,
): Promise<WebhookSubscription[]> {
  authorize(actor, 'webhook.manage');
  return deps.storage.stores.webhooks.list();
}

/** Subscribes a URL to article events; the answer carries the new signing secret. */
export async function subscribeWebhook(
  deps: WebhookUseCaseDeps<WebhookAdminStores>,
  actor: Actor,
  input: SubscriptionInput,
): Promise<WebhookSubscription> {
  authorize(actor, 'webhook.manage');
  const subscription = {
    url: checkedWebhookUrl(deps, input.url),
    events: checkedEvents(input.events),
    description: checkedDescription(input.description ?? ''),
    active: input.active ?? true,
    secret: newSigningSecret(deps),
    createdBy: actor.userId,
  };
  const created = await deps.storage.stores.webhooks.create(subscription, deps.clock.now());
  await recordWebhook(deps, actor, 'webhook.created', created);
  return created;
}

const found = <T>(value: T | undefined): T => {
  if (value === undefined) throw notFound('There is no such webhook');
  return value;
};

/** Changes a subscription's URL, events, description or whether it is active. */
export async function changeWebhook(
  deps: WebhookUseCaseDeps<WebhookAdminStores>,
  actor: Actor,
  id: number,
  input: Partial<SubscriptionInput>,
): Promise<WebhookSubscription> {
  authorize(actor, 'webhook.manage');
  const changes = {
    ...(input.url !== undefined && { url: checkedWebhookUrl(deps, input.url) }),
    ...(input.events !== undefined && { events: checkedEvents(input.events) }),
    ...(input.description !== undefined && {
      description: checkedDescription(input.description),
    }),
    ...(input.active !== undefined && { active: input.active }),
  };
  const changed = found(await deps.storage.stores.webhooks.update(id, changes, deps.clock.now()));
  await recordWebhook(deps, actor, 'webhook.changed', changed, Object.keys(changes));
  return changed;
}

/** Replaces the signing secret at once; deliveries from now on are signed with the new one. */
export async function rollWebhookSecret(
  deps: WebhookUseCaseDeps<WebhookAdminStores>,
  actor: Actor,
  id: number,
): Promise<WebhookSubscription> {
  authorize(actor, 'webhook.manage');
  const secret = newSigningSecret(deps);
  const rolled = found(await deps.storage.stores.webhooks.update(id, { secret }, deps.clock.now()));
  await recordWebhook(deps, actor, 'webhook.secret_rolled', { id });
  return rolled;
}

/** Removes the subscription, its queued deliveries and their log. */
export async function removeWebhook(
  deps: WebhookUseCaseDeps<WebhookAdminStores>,
  actor: Actor,
  id: number,
): Promise<void> {
  authorize(actor, 'webhook.manage');
  if (!(await deps.storage.stores.webhooks.remove(id))) throw notFound('There is no such webhook');
  await recordWebhook(deps, actor, 'webhook.deleted', { id });
}

/** The subscription's latest deliveries, newest first, with every attempt. */
export async function listWebhookDeliveries(
  deps: WebhookUseCaseDeps<WebhookAdminStores>,
  actor: Actor,
  id: number,
  limit: number,
): Promise<(WebhookDelivery & { log: DeliveryAttempt[] })[]> {
  authorize(actor, 'webhook.manage');
  found(await deps.storage.stores.webhooks.findById(id));
  return deps.storage.stores.webhooks.deliveriesOf(id, limit);
}
