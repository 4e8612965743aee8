import { useEffect, useState } from 'preact/hooks';
import { ApiError, isMissingEndpoint } from '../api/client.js';

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'ready'; value: T }
  | { state: 'missing' }
  | { state: 'failed'; message: string };

/**
 * Loads data when the dependencies change. An endpoint the server does not have (yet) is
 * `missing`, which pages show as an empty state rather than an error.
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): [Loaded<T>, () => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    load()
      .then((value) => live && setLoaded({ state: 'ready', value }))
      .catch((error: unknown) => {
        if (!live) return;
        if (isMissingEndpoint(error)) setLoaded({ state: 'missing' });
        else setLoaded({ state: 'failed', message: messageOf(error) });
      });
    return () => {
      live = false;
    };
  }, [...deps, round]);
  return [loaded, () => setRound((n) => n + 1)];
}

/** What to tell the user about a failure. */
export const messageOf = (error: unknown) =>
  error instanceof ApiError
    ? error.message
    : error instanceof Error
      ? error.message
      : 'Something went wrong.';

/** The value when ready, else the fallback (for lists that may be missing). */
export const valueOr = <T>(loaded: Loaded<T>, fallback: T): T =>
  loaded.state === 'ready' ? loaded.value : fallback;
