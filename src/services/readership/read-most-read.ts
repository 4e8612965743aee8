import { firstMostReadHour } from '../../domain/readership/view-hour.js';
import type { Clock, Stores } from '../ports.js';
import type { MostReadStory } from './readership-ports.js';

/** A most-read list, and until when (ms since the epoch) a page may show it as it is. */
export interface MostReadList {
  stories: MostReadStory[];
  freshUntil: number;
}

/** The most-read lists, each read at most once a `ttl` per instance (ADR 0050). */
export interface MostRead {
  /** The paper's most-read stories of the last 24 hours, or one section's. */
  list(sectionId?: number): Promise<MostReadList>;
  /** A change was announced: a listed story may have come down; read the lists anew. */
  forget(): void;
}

/** How many stories a list names. */
export const MOST_READ_LENGTH = 5;

/** How long a list is reused: the pages that show it expire no later (page-freshness.ts). */
export const MOST_READ_TTL_MS = 60_000;

/** Enough for every section of any paper; past it the lists are read anew. */
const MAX_LISTS = 1000;

/**
 * Most-read lists kept in memory: the home page and the section fronts ask on every render,
 * the database is asked once a minute per list, and again after any announced change.
 */
export function createMostRead(
  { stores, clock }: { stores: Pick<Stores, 'views'>; clock: Clock },
  ttlMs = MOST_READ_TTL_MS,
): MostRead {
  // `until` is known once the read answers; until then everyone shares the read in flight.
  const lists = new Map<number, { readAt: number; until?: number; list: Promise<MostReadList> }>();

  const read = async (sectionId: number | undefined, now: Date): Promise<MostReadList> => {
    const stories = await stores.views.mostRead({
      fromHour: firstMostReadHour(now),
      sectionId,
      limit: MOST_READ_LENGTH,
      asOf: now,
    });
    // A listed story coming down by itself ends the list's life then, not a minute later.
    const comingDown = stories.flatMap((story) => story.unpublishAt?.getTime() ?? []);
    return { stories, freshUntil: Math.min(now.getTime() + ttlMs, ...comingDown) };
  };

  return {
    list(sectionId) {
      const now = clock.now();
      const at = now.getTime();
      const key = sectionId ?? 0;
      const kept = lists.get(key);
      // A clock set back (tests, DATELINE_NOW) reads anew, as does a list past its time.
      if (kept && kept.readAt <= at && (kept.until === undefined || kept.until > at))
        return kept.list;
      if (lists.size >= MAX_LISTS) lists.clear();
      const entry: { readAt: number; until?: number; list: Promise<MostReadList> } = {
        readAt: at,
        list: read(sectionId, now),
      };
      lists.set(key, entry);
      entry.list.then(
        (list) => (entry.until = list.freshUntil),
        () => {
          if (lists.get(key) === entry) lists.delete(key);
        },
      );
      return entry.list;
    },
    forget() {
      lists.clear();
    },
  };
}
