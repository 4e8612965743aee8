import type { Clock } from '../ports.js';

/** How long a heartbeat keeps someone on an article. The editor sends one every 15 s. */
const PRESENCE_MS = 45_000;

export interface Presence {
  /** Notes that the user has the article open; returns the others who have it open too. */
  heartbeat(
    articleId: number,
    user: { id: number; name: string },
  ): { userId: number; name: string }[];
}

/**
 * Who has which article open, in this process's memory: a notice, not a lock, so losing it on
 * a restart costs nothing. (With several instances, each knows its own editors.)
 */
export function createPresence(clock: Clock): Presence {
  const open = new Map<number, Map<number, { name: string; seenAt: number }>>();
  return {
    heartbeat(articleId, user) {
      const now = clock.now().getTime();
      const editors = open.get(articleId) ?? new Map<number, { name: string; seenAt: number }>();
      open.set(articleId, editors);
      editors.set(user.id, { name: user.name, seenAt: now });
      const others = [];
      for (const [userId, editor] of editors) {
        if (now - editor.seenAt > PRESENCE_MS) editors.delete(userId);
        else if (userId !== user.id) others.push({ userId, name: editor.name });
      }
      return others;
    },
  };
}
