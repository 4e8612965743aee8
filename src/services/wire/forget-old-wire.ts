/**
 * Wire retention (ADR 0061): the queue keeps what agencies sent in the last WIRE_RETENTION_DAYS
 * and every item a story was made from, whatever its age (the story's link and the "behind"
 * mark need it). Older items go in bounded batches, one transaction each, so a run never holds
 * a lock for long nor reads the whole queue.
 */
import type { Clock, Stores, Transactions } from '../ports.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Items forgotten per transaction, and the most batches a run takes (the next run goes on). */
export const WIRE_RETENTION_BATCH = 500;
export const WIRE_RETENTION_MAX_BATCHES = 20;

export interface ForgetOldWireDeps {
  storage: Transactions<Pick<Stores, 'wire'>>;
  clock: Clock;
}

/** Forgets wire items sent more than `keptDays` ago that no story came from; how many went. */
export async function forgetOldWireItems(
  deps: ForgetOldWireDeps,
  keptDays: number,
  batch = WIRE_RETENTION_BATCH,
): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - keptDays * DAY_MS);
  let forgotten = 0;
  for (let run = 0; run < WIRE_RETENTION_MAX_BATCHES; run += 1) {
    const gone = await deps.storage.transaction((stores) =>
      stores.wire.forgetUnusedSentBefore(before, batch),
    );
    forgotten += gone;
    if (gone < batch) break;
  }
  return forgotten;
}
