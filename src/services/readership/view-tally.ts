import { viewHourOf } from '../../domain/readership/view-hour.js';
import type { Clock, Stores, Transactions } from '../ports.js';
import type { ViewBucket } from './readership-ports.js';

export interface ViewTallyStats {
  /** Views taken into the tally. */
  counted: number;
  /** Views refused because the tally held as many stories as it may. */
  dropped: number;
  /** Views written to the database. */
  stored: number;
  /** Views of ids that were not stories readers may see, written nowhere. */
  discarded: number;
  flushes: number;
  failedFlushes: number;
  /** (story, hour) counts waiting for the next flush. */
  pending: number;
}

/**
 * Views counted in this instance's memory and written as one count per story and hour, so a
 * busy day writes a row per story, not per view (ADR 0050).
 */
export interface ViewTally {
  /** Counts a view of the story now; false when the tally is full and the view is dropped. */
  count(storyId: number): boolean;
  /** Writes what was counted in one transaction; on failure keeps it for the next flush. */
  flush(): Promise<void>;
  stats(): ViewTallyStats;
}

/**
 * How many (story, hour) counts may wait for a flush: far more stories than a paper has read in
 * a few seconds, and a bound on what ids made up by a flood can hold.
 */
export const MAX_PENDING_COUNTS = 20_000;

/** A tally whose flushes go through `storage`, its hours read from `clock`. */
export function createViewTally(
  { storage, clock }: { storage: Transactions<Pick<Stores, 'views'>>; clock: Clock },
  maxPending = MAX_PENDING_COUNTS,
): ViewTally {
  let pending = new Map<number, Map<number, number>>();
  let size = 0;
  let flushing: Promise<void> = Promise.resolve();
  const counts = { counted: 0, dropped: 0, stored: 0, discarded: 0, flushes: 0, failedFlushes: 0 };

  const add = (hour: number, storyId: number, views: number): boolean => {
    let stories = pending.get(hour);
    const before = stories?.get(storyId);
    if (before === undefined && size >= maxPending) return false;
    if (!stories) pending.set(hour, (stories = new Map<number, number>()));
    if (before === undefined) size++;
    stories.set(storyId, (before ?? 0) + views);
    return true;
  };

  const write = async () => {
    if (size === 0) return;
    const taken = pending;
    pending = new Map();
    size = 0;
    const buckets: ViewBucket[] = [];
    for (const [hour, stories] of taken)
      for (const [storyId, views] of stories) buckets.push({ storyId, hour, views });
    const total = buckets.reduce((sum, bucket) => sum + bucket.views, 0);
    try {
      const now = clock.now();
      const kept = await storage.transaction((stores) => stores.views.addViews(buckets, now));
      counts.flushes++;
      counts.stored += kept;
      counts.discarded += total - kept;
    } catch (error) {
      counts.failedFlushes++;
      // Kept for the next flush, as far as the bound allows.
      for (const bucket of buckets)
        if (!add(bucket.hour, bucket.storyId, bucket.views)) counts.dropped += bucket.views;
      throw error;
    }
  };

  return {
    count(storyId) {
      if (!add(viewHourOf(clock.now()), storyId, 1)) {
        counts.dropped++;
        return false;
      }
      counts.counted++;
      return true;
    },
    flush() {
      // One flush at a time: a second waits for the first, then writes what came since.
      const next = flushing.then(write);
      flushing = next.catch(() => undefined);
      return next;
    },
    stats: () => ({ ...counts, pending: size }),
  };
}
