import { useEffect, useState } from 'preact/hooks';
import { isMissingEndpoint } from '../api/client.js';
import { newsroom } from '../api/newsroom.js';
import type { Presence } from '../api/types.js';

export const PRESENCE_MS = 15_000;

/** Tells the server this user has the article open, and who else has: every 15 seconds. */
export function usePresence(articleId: number): Presence['others'] {
  const [others, setOthers] = useState<Presence['others']>([]);
  useEffect(() => {
    let live = true;
    // A server without presence: no notice, and no more asking.
    let unsupported = false;
    const beat = () => {
      if (unsupported) return;
      newsroom
        .presence(articleId)
        .then((presence) => live && setOthers(presence.others))
        .catch((error: unknown) => {
          unsupported = isMissingEndpoint(error);
        });
    };
    beat();
    const timer = setInterval(beat, PRESENCE_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [articleId]);
  return others;
}
