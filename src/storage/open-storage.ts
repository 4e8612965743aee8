import type { Kysely } from 'kysely';
import type { Locks, Storage, Stores } from '../services/ports.js';
import { createLocks } from './locks.js';
import { KyselyApiTokenStore } from './api-token-store.js';
import { KyselyArticleDeskStore } from './article-desk-store.js';
import { KyselyArticleStore } from './article-store.js';
import { KyselyAuthorStore } from './author-store.js';
import { KyselyContentKeyStore } from './content-key-store.js';
import { KyselyContentReadStore } from './content-read-store.js';
import type { Engine } from './engine.js';
import { KyselyJobStore } from './job-store.js';
import { KyselyLoginFailureStore } from './login-failure-store.js';
import { KyselyDiscoveryStore } from './discovery-store.js';
import { KyselyMediaStore } from './media-store.js';
import { migrateToLatest } from './migrate.js';
import {
  KyselyAlertStore,
  KyselyCorrectionStore,
  KyselyEventStore,
  KyselyNoteStore,
} from './newsroom-records.js';
import { KyselyOneTimeTokenStore } from './one-time-token-store.js';
import { openPostgres } from './postgres/open-postgres.js';
import { KyselyPresenceStore } from './presence-store.js';
import { KyselyRevisionStore } from './revision-store.js';
import { KyselyScheduledUpdateStore } from './scheduled-update-store.js';
import type { DatabaseSchema } from './schema.js';
import { KyselySectionStore } from './section-store.js';
import { KyselySessionStore } from './session-store.js';
import { KyselySettingsStore } from './settings-store.js';
import { openSqlite } from './sqlite/open-sqlite.js';
import { KyselyTagStore } from './tag-store.js';
import { KyselyUserStore } from './user-store.js';
import { KyselyWebhookStore } from './webhook-store.js';

const storesOn = (db: Kysely<DatabaseSchema>): Stores => ({
  articles: new KyselyArticleStore(db),
  sections: new KyselySectionStore(db),
  tags: new KyselyTagStore(db),
  authors: new KyselyAuthorStore(db),
  media: new KyselyMediaStore(db),
  jobs: new KyselyJobStore(db),
  settings: new KyselySettingsStore(db),
  desk: new KyselyArticleDeskStore(db),
  revisions: new KyselyRevisionStore(db),
  corrections: new KyselyCorrectionStore(db),
  notes: new KyselyNoteStore(db),
  alerts: new KyselyAlertStore(db),
  events: new KyselyEventStore(db),
  scheduledUpdates: new KyselyScheduledUpdateStore(db),
  presence: new KyselyPresenceStore(db),
  users: new KyselyUserStore(db),
  sessions: new KyselySessionStore(db),
  apiTokens: new KyselyApiTokenStore(db),
  contentKeys: new KyselyContentKeyStore(db),
  contentReads: new KyselyContentReadStore(db),
  oneTimeTokens: new KyselyOneTimeTokenStore(db),
  loginFailures: new KyselyLoginFailureStore(db),
  webhooks: new KyselyWebhookStore(db),
  discovery: new KyselyDiscoveryStore(db),
});

export interface OpenedStorage extends Storage {
  engine: Engine;
  /** The query builder itself, for storage tests (EXPLAIN, pragmas); services never see it. */
  kysely: Kysely<DatabaseSchema>;
  locks: Locks;
  migrate(): Promise<string[]>;
}

/** Opens the database named by a `sqlite:PATH` or `postgres://…` URL. */
export function openStorage(databaseUrl: string): OpenedStorage {
  const engine: Engine = databaseUrl.startsWith('sqlite:') ? 'sqlite' : 'postgres';
  const db =
    engine === 'sqlite'
      ? openSqlite(databaseUrl.slice('sqlite:'.length))
      : openPostgres(databaseUrl);
  return {
    engine,
    kysely: db,
    locks: createLocks(db, engine),
    stores: storesOn(db),
    transaction: (work) => db.transaction().execute((trx) => work(storesOn(trx))),
    migrate: () => migrateToLatest(db as Kysely<unknown>, engine),
    close: () => db.destroy(),
  };
}
