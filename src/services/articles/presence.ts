import type { Clock, PresenceStore } from '../ports.js';

/** How long a heartbeat keeps someone on an article. The editor sends one every 15 s. */
const PRESENCE_MS = 45_000;

export interface Presence {
  /** Notes that the user has the article open; resolves with the others who have it open too. */
  heartbeat(
    articleId: number,
    user: { id: number; name: string },
  ): Promise<{ userId: number; name: string }[]>;
}

/**
 * Who has which article open: a notice, not a lock. Kept in the database, so editors on
 * different instances behind a load balancer see each other.
 */
export function createPresence(store: PresenceStore, clock: Clock): Presence {
  let lastSweep = 0;
  return {
    async heartbeat(articleId, user) {
      const now = clock.now();
      await store.touch(articleId, user, now);
      // Old rows only cost space; clearing them once a minute is plenty.
      if (now.getTime() - lastSweep > 60_000) {
        lastSweep = now.getTime();
        await store.forget(new Date(now.getTime() - 10 * PRESENCE_MS));
      }
      return store.others(articleId, user.id, new Date(now.getTime() - PRESENCE_MS));
    },
  };
}
