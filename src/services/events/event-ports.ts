/**
 * The event outbox's contract with storage: `EventStore.record` queues this job in the same
 * transaction as the event, and the event listeners' fan-out handles it.
 */
export const FAN_OUT_EVENT_JOB = 'event.fanout';
