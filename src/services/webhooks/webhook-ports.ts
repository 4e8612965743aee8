/**
 * Webhooks as storage keeps them: subscriptions (where to send which article events, signed
 * with whose secret) and deliveries (one event to one subscription, with every attempt).
 */
import type { ArticleEventType } from '../newsroom-ports.js';

export interface WebhookSubscription {
  id: number;
  url: string;
  events: ArticleEventType[];
  description: string;
  active: boolean;
  /** The HMAC key deliveries are signed with; shown once, when made or rolled. */
  secret: string;
  createdBy: number | null;
  createdAt: Date;
  updatedAt: Date;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One try at handing a delivery over, as the delivery log shows it. */
export interface DeliveryAttempt {
  number: number;
  at: Date;
  /** The receiver's status code; null when no answer came (refused, network, timeout). */
  responseCode: number | null;
  error: string | null;
}

export interface WebhookDelivery {
  id: number;
  subscriptionId: number;
  eventId: number;
  eventType: ArticleEventType;
  /** The JSON sent, byte for byte the same on every attempt (its signature covers it). */
  body: string;
  status: DeliveryStatus;
  attempts: number;
  lastResponseCode: number | null;
  lastError: string | null;
  nextAttemptAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export type NewWebhookSubscription = Pick<
  WebhookSubscription,
  'url' | 'events' | 'description' | 'active' | 'secret' | 'createdBy'
>;

export type WebhookChanges = Partial<
  Pick<WebhookSubscription, 'url' | 'events' | 'description' | 'active' | 'secret'>
>;

/** What one attempt came to, written to the delivery and its log in one go. */
export interface AttemptOutcome {
  status: DeliveryStatus;
  responseCode: number | null;
  error: string | null;
  nextAttemptAt: Date | null;
}

export interface WebhookStore {
  /** Every subscription, oldest first. */
  list(): Promise<WebhookSubscription[]>;
  findById(id: number): Promise<WebhookSubscription | undefined>;
  create(subscription: NewWebhookSubscription, now: Date): Promise<WebhookSubscription>;
  /** Applies changes; undefined when there is no such subscription. */
  update(id: number, changes: WebhookChanges, now: Date): Promise<WebhookSubscription | undefined>;
  /** Removes it and its deliveries; false when there was none. */
  remove(id: number): Promise<boolean>;
  /** Active subscriptions that asked for this kind of event. */
  activeFor(type: ArticleEventType): Promise<WebhookSubscription[]>;
  /** Ids of subscriptions that already have a delivery of this event. */
  subscribersOf(eventId: number): Promise<number[]>;
  createDelivery(
    delivery: Pick<WebhookDelivery, 'subscriptionId' | 'eventId' | 'eventType' | 'body'>,
    now: Date,
  ): Promise<number>;
  findDelivery(id: number): Promise<WebhookDelivery | undefined>;
  /** Records attempt number `attempt` and what it came to. */
  recordAttempt(id: number, attempt: number, outcome: AttemptOutcome, now: Date): Promise<void>;
  /** The subscription's deliveries, newest first, each with its attempts in order. */
  deliveriesOf(
    subscriptionId: number,
    limit: number,
  ): Promise<(WebhookDelivery & { log: DeliveryAttempt[] })[]>;
}
