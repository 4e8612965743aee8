import { z } from 'zod';
import { recordId } from '../../domain/validation.js';
import { jobHandler } from '../job-handler.js';
import type { ArticleEvent, Clock, Reads, Stores, Transactions } from '../ports.js';
import type { JobHandler } from '../job-ports.js';
import { FAN_OUT_EVENT_JOB } from './event-ports.js';

/**
 * Something to do about every article event (send webhooks, purge the CDN), retried on its
 * own schedule and independently of the other listeners.
 */
export interface EventListener {
  /** Names its job kind (`event:<name>`); never change it while jobs may be queued. */
  name: string;
  handle(event: ArticleEvent): Promise<void>;
  retryDelay(attempts: number): number | null;
}

/** Event jobs carry only the event's id: the event itself is read from the outbox. */
const eventPayload = z.object({ eventId: recordId });

const listenerJob = (listener: EventListener) => `event:${listener.name}`;

/** The stores carrying events touches: the events, and the job queue. */
type EventJobStores = Pick<Stores, 'events' | 'jobs'>;

/**
 * The jobs that carry events to listeners: the fan-out queues one job per listener, in one
 * transaction, and each listener's job runs and retries alone.
 */
export function eventJobHandlers(
  deps: { storage: Transactions<EventJobStores> & Reads<EventJobStores>; clock: Clock },
  listeners: EventListener[],
): Record<string, JobHandler> {
  const handlers: Record<string, JobHandler> = {
    [FAN_OUT_EVENT_JOB]: jobHandler({
      payload: eventPayload,
      run: async ({ eventId }) => {
        const now = deps.clock.now();
        await deps.storage.transaction(async (stores) => {
          for (const listener of listeners)
            await stores.jobs.enqueue(listenerJob(listener), { eventId }, now, now);
        });
      },
      retryDelay: (attempts) => (attempts >= 10 ? null : 10_000 * attempts),
    }),
  };
  for (const listener of listeners) {
    handlers[listenerJob(listener)] = jobHandler({
      payload: eventPayload,
      run: async ({ eventId }) => {
        const event = await deps.storage.stores.events.findById(eventId);
        if (event) await listener.handle(event);
      },
      retryDelay: (attempts) => listener.retryDelay(attempts),
    });
  }
  return handlers;
}
