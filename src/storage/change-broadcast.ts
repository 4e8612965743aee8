import type { Kysely } from 'kysely';
import type { ChangeBroadcast } from '../services/ports.js';
import type { Engine } from './engine.js';
import type { DatabaseSchema } from './schema.js';

type Listener = Parameters<ChangeBroadcast['listen']>[0];

/** One process serves the paper: announcements reach this process's listeners directly. */
export function inProcessBroadcast(): ChangeBroadcast {
  const listeners = new Set<Listener>();
  return {
    announce(keys) {
      for (const listener of listeners) listener.stale(keys);
      return Promise.resolve();
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      return Promise.resolve();
    },
  };
}

/**
 * The broadcast for this database. PostgreSQL is shared by several instances, so it will carry
 * announcements over LISTEN/NOTIFY; a SQLite file is served by one process.
 */
export const createChangeBroadcast = (
  _db: Kysely<DatabaseSchema>,
  _engine: Engine,
): ChangeBroadcast => inProcessBroadcast();
