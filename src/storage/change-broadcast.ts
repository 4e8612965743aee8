import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { ChangeBroadcast } from '../services/ports.js';
import { decodeAnnouncement, encodeAnnouncement } from './change-broadcast-messages.js';
import type { Engine } from './engine.js';
import type { DatabaseSchema } from './schema.js';

type Listener = Parameters<ChangeBroadcast['listen']>[0];

/** Tells each listener in turn: one that throws must not keep the news from the others. */
function tellEach(listeners: Set<Listener>, tell: (listener: Listener) => void) {
  for (const listener of [...listeners]) {
    try {
      tell(listener);
    } catch {
      // A listener's own failure is its own; the broadcast has nobody to report it to.
    }
  }
}

/** One process serves the paper: announcements reach this process's listeners directly. */
export function inProcessBroadcast(): ChangeBroadcast {
  const listeners = new Set<Listener>();
  return {
    announce(keys) {
      tellEach(listeners, (l) => l.stale(keys));
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
 * The one channel every instance listens on. A fixed name is enough: NOTIFY reaches only
 * sessions connected to the same database, so two papers on one server never hear each other.
 */
export const CHANGE_CHANNEL = 'dateline_changes';
/** How the listening session shows in pg_stat_activity, for operators (and tests) to find it. */
export const LISTENER_APPLICATION_NAME = 'dateline-broadcast';

export interface Reconnection {
  /** The wait before the first new attempt; each failure doubles it, up to `maxMs`. */
  firstMs: number;
  maxMs: number;
}

const RECONNECTION: Reconnection = { firstMs: 100, maxMs: 5_000 };

export interface PostgresChangeBroadcast extends ChangeBroadcast {
  /**
   * Resolves once this instance is listening (again, after a cut): from then on it hears every
   * announcement. The session opens with the first `listen`; before that it never resolves.
   */
  listening(): Promise<void>;
}

/** What the listening session reports to the broadcast. */
interface SessionEvents {
  notified(payload: string | undefined): void;
  /** The session is gone: announcements from now on go unheard until `resumed`. */
  cut(): void;
  /** Listening again after a cut (or after failed first attempts). */
  resumed(): void;
}

/**
 * A session of its own that does nothing but LISTEN (a pooled connection would be handed to
 * queries and miss notifications); reconnects with doubling waits until stopped.
 */
function listeningSession(
  connectionString: string,
  reconnection: Reconnection,
  events: SessionEvents,
) {
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let failures = 0;
  let stopped = false;
  /** Announcements may have gone unheard since the last LISTEN. */
  let missed = false;
  let heard = waitable();

  const dropped = (gone: pg.Client) => {
    if (gone !== client) return;
    client = undefined;
    gone.end().catch(() => undefined);
    if (stopped) return;
    if (heard.settled) {
      events.cut();
      heard = waitable();
    }
    missed = true;
    const wait = Math.min(reconnection.maxMs, reconnection.firstMs * 2 ** failures++);
    // Jitter, so that instances cut off together do not all come back in the same instant.
    retry = setTimeout(connect, wait * (0.5 + Math.random() / 2));
    retry.unref();
  };

  function connect() {
    retry = undefined;
    if (stopped || client) return;
    const next = new pg.Client({
      connectionString,
      keepAlive: true,
      application_name: LISTENER_APPLICATION_NAME,
    });
    client = next;
    next.on('error', () => dropped(next));
    next.on('end', () => dropped(next));
    next.on('notification', (notice) => {
      if (notice.channel === CHANGE_CHANNEL) events.notified(notice.payload);
    });
    next
      .connect()
      .then(() => next.query(`LISTEN ${CHANGE_CHANNEL}`))
      .then(
        () => {
          if (next !== client) return;
          failures = 0;
          if (missed) events.resumed();
          missed = false;
          heard.resolve();
        },
        () => dropped(next),
      );
  }

  return {
    /** Opens the session unless it is open or about to be. */
    start() {
      if (!client && !retry) connect();
    },
    listening: () => heard.promise,
    async stop() {
      stopped = true;
      clearTimeout(retry);
      const open = client;
      client = undefined;
      await open?.end().catch(() => undefined);
    },
  };
}

/**
 * Several instances share a PostgreSQL database: each announcement is NOTIFYed through the
 * pool, once committed, and heard by every instance on its listening session. That session
 * opens with the first `listen`, so commands that only announce never hold one.
 *
 * This instance's listeners are told at once, not when its own NOTIFY comes back, so that it is
 * fresh even while the listening session is down; the echo is recognised by the instance id in
 * the payload and dropped, so they are told once. When the session drops, listeners are told
 * `lost()`, then again once it is listening anew, since they may have cached old pages while
 * nothing could be heard.
 */
export function postgresBroadcast(
  db: Kysely<DatabaseSchema>,
  connectionString: string,
  reconnection: Reconnection = RECONNECTION,
): PostgresChangeBroadcast {
  const me = randomUUID();
  const listeners = new Set<Listener>();
  const forget = () => tellEach(listeners, (l) => l.lost());
  const session = listeningSession(connectionString, reconnection, {
    notified(payload) {
      const message = decodeAnnouncement(payload);
      if (message?.from === me) return;
      if (message && 'keys' in message) tellEach(listeners, (l) => l.stale(message.keys));
      else forget();
    },
    cut: forget,
    resumed: forget,
  });

  return {
    async announce(keys) {
      if (keys.length === 0) return;
      // A listener that throws must not keep the other instances from hearing of the change.
      tellEach(listeners, (l) => l.stale(keys));
      const notices = encodeAnnouncement(me, keys).map(
        (payload) => sql`pg_notify(${CHANGE_CHANNEL}, ${payload})`,
      );
      // One statement, so the other instances hear every part of it or none.
      await sql`select ${sql.join(notices)}`.execute(db);
    },
    listen(listener) {
      listeners.add(listener);
      session.start();
      return () => listeners.delete(listener);
    },
    listening: session.listening,
    async close() {
      listeners.clear();
      await session.stop();
    },
  };
}

/** A promise that can be resolved from outside and asked whether it has been. */
function waitable() {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => (resolve = done));
  const state = {
    promise,
    settled: false,
    resolve() {
      state.settled = true;
      resolve();
    },
  };
  return state;
}

/**
 * The broadcast for this database. PostgreSQL is shared by several instances, so it carries
 * announcements over LISTEN/NOTIFY; a SQLite file is served by one process.
 */
export const createChangeBroadcast = (
  db: Kysely<DatabaseSchema>,
  engine: Engine,
  databaseUrl: string,
): ChangeBroadcast =>
  engine === 'postgres' ? postgresBroadcast(db, databaseUrl) : inProcessBroadcast();
