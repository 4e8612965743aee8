import type { Clock, OutboundHttp, Reads, Storage, Stores, Transactions } from '../ports.js';

/** The job that hands one delivery to its receiver. */
export const DELIVER_WEBHOOK_JOB = 'webhook.deliver';

/** What the webhook use cases need from the outside world. */
export interface WebhookDeps {
  storage: Storage;
  clock: Clock;
  /** The guarded client: every delivery goes through it. */
  outbound: OutboundHttp;
  /** A new random signing secret. */
  newSecret(): string;
  /** The reader site's origin, for the article URLs in payloads. */
  publicUrl: string;
}

/**
 * WebhookDeps with only the stores `S` (a Pick of Stores) a use case names; callers pass their
 * WebhookDeps as they are.
 */
export type WebhookUseCaseDeps<S extends Partial<Stores>> = Omit<WebhookDeps, 'storage'> & {
  storage: Transactions<S> & Reads<S>;
};

/** The stores a delivery is queued and recorded with. */
export type DeliveryStores = Pick<Stores, 'webhooks' | 'jobs'>;
