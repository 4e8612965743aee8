import type { Clock, OutboundHttp, Storage } from '../ports.js';

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
