import type { Kysely, LogConfig } from 'kysely';
import type { AuditRecord } from '../domain/audit/audit-entry.js';
import { inBatch, type Recorders } from './batch-transaction.js';
import type { ArchiveSeeder } from '../services/archive-seed-ports.js';
import type { AuditLog, ChangeBroadcast, Locks, Storage, Stores } from '../services/ports.js';
import type { DatabaseReadiness, PoolStats } from '../services/operations-ports.js';
import { createArchiveSeeder } from './archive-seed/seed-archive.js';
import { createLocks } from './locks.js';
import { createChangeBroadcast } from './change-broadcast.js';
import { KyselyApiTokenStore } from './api-token-store.js';
import { KyselyAuditTrail } from './audit-trail-store.js';
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
import { checkReadiness } from './storage-health.js';
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
import { relateStories } from './related-stories.js';
import { openSqlite } from './sqlite/open-sqlite.js';
import { KyselyStorySearch, reindexStories, searchDialectOf } from './story-search.js';
import { KyselyStoryViewStore } from './story-view-store.js';
import { KyselyImportSourceStore } from './import-source-store.js';
import { KyselyTagStore } from './tag-store.js';
import { KyselyUserStore } from './user-store.js';
import { KyselyWebhookStore } from './webhook-store.js';
import { KyselyWireStore } from './wire-store.js';
import { KyselyWireSourceStore } from './wire-source-store.js';
import { KyselyImportRunStore } from './import-run-store.js';
import { usePlannerStatistics } from './sqlite/planner-statistics.js';
import { analyzePostgres } from './postgres/analyze-postgres.js';

/** Search entries and related stories brought up to date with these stories. */
async function refreshOn(db: Kysely<DatabaseSchema>, engine: Engine, ids: number[]) {
  const search = searchDialectOf(engine);
  await reindexStories(db, search, ids);
  // Related stories follow the words, topics, section and status too; not a byline's name.
  await relateStories(db, search, ids);
}

const storesOn = (
  db: Kysely<DatabaseSchema>,
  engine: Engine,
  { audited, queued, announced }: Recorders,
  refresh?: (ids: number[]) => Promise<void>,
): Stores => {
  const jobs = new KyselyJobStore(db, queued);
  const search = searchDialectOf(engine);
  const reindex = (ids: number[]) => reindexStories(db, search, ids);
  const refreshStories = refresh ?? ((ids: number[]) => refreshOn(db, engine, ids));
  return {
    articles: new KyselyArticleStore(db, engine, refreshStories),
    search: new KyselyStorySearch(db, search),
    sections: new KyselySectionStore(db),
    tags: new KyselyTagStore(db),
    authors: new KyselyAuthorStore(db, reindex),
    media: new KyselyMediaStore(db),
    jobs,
    settings: new KyselySettingsStore(db),
    desk: new KyselyArticleDeskStore(db, refreshStories, search),
    revisions: new KyselyRevisionStore(db),
    corrections: new KyselyCorrectionStore(db),
    notes: new KyselyNoteStore(db),
    alerts: new KyselyAlertStore(db),
    events: new KyselyEventStore(db, jobs, announced),
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
    audit: new KyselyAuditTrail(db, audited),
    views: new KyselyStoryViewStore(db),
    wire: new KyselyWireStore(db, engine),
    importSources: new KyselyImportSourceStore(db, engine),
    importRuns: new KyselyImportRunStore(db),
    wireSources: new KyselyWireSourceStore(db),
  };
};

export interface OpenedStorage extends Storage {
  engine: Engine;
  /** The query builder itself, for storage tests (EXPLAIN, pragmas); services never see it. */
  kysely: Kysely<DatabaseSchema>;
  locks: Locks;
  /** Tells every instance on this database which cached pages a change made stale. */
  broadcast: ChangeBroadcast;
  /**
   * Hears the kind of every job this process queues, once it is committed, so a worker can
   * start on it at once instead of at its next poll. Returns a function that stops listening.
   */
  onJobQueued(listener: (kind: string) => void): () => void;
  /** Bulk loads a synthetic archive (`dateline bench-seed`). */
  archive: ArchiveSeeder;
  migrate(): Promise<string[]>;
  /** Gathers the query planner's statistics as Dateline plans with them (ADR 0067). */
  refreshStatistics(): Promise<void>;
  /** Whether the database answers within `timeoutMs` and has every migration; never throws. */
  readiness(timeoutMs: number): Promise<DatabaseReadiness>;
  /** The connection pool's state on PostgreSQL; undefined on SQLite, which has none. */
  poolStats(): PoolStats | undefined;
}

/** Logs nothing: for tools and tests that open the database without the app. */
const NO_AUDIT_LOG: AuditLog = { write: () => {} };

/**
 * Runs the work in a transaction; the audit lines of what it recorded are written, its queued
 * jobs told and the pages it made stale announced, only once it has committed: the log never
 * tells of a change that was rolled back, no worker looks for a job it cannot see yet, and no
 * instance can re-cache a page before the change is visible.
 */
async function inTransaction<T>(
  db: Kysely<DatabaseSchema>,
  engine: Engine,
  after: Recorders,
  work: (stores: Stores) => Promise<T>,
): Promise<T> {
  const recorded: AuditRecord[] = [];
  const queued: string[] = [];
  const stale = new Set<string>();
  const result = await db.transaction().execute((trx) =>
    work(
      storesOn(trx, engine, {
        audited: (record) => recorded.push(record),
        queued: (kind) => queued.push(kind),
        announced: (keys) => {
          for (const key of keys) stale.add(key);
          return Promise.resolve();
        },
      }),
    ),
  );
  for (const record of recorded) after.audited(record);
  for (const kind of new Set(queued)) after.queued(kind);
  if (stale.size > 0) await after.announced([...stale]);
  return result;
}

/** Hears every statement run, with its parameters: how the query-plan test finds them. */
export type QueryListener = (sql: string, parameters: readonly unknown[]) => void;

const logConfig = (onQuery?: QueryListener): LogConfig | undefined =>
  onQuery &&
  ((event) => {
    if (event.level === 'query') onQuery(event.query.sql, event.query.parameters);
  });

/**
 * Opens the database named by a `sqlite:PATH` or `postgres://…` URL; `auditLog` gets a line
 * for every audit entry written, `onQuery` (tests only) every statement.
 */
export function openStorage(
  databaseUrl: string,
  auditLog: AuditLog = NO_AUDIT_LOG,
  onQuery?: QueryListener,
): OpenedStorage {
  const engine: Engine = databaseUrl.startsWith('sqlite:') ? 'sqlite' : 'postgres';
  const log = logConfig(onQuery);
  const postgres = engine === 'postgres' ? openPostgres(databaseUrl, log) : undefined;
  const sqlite = postgres ? undefined : openSqlite(databaseUrl.slice('sqlite:'.length), log);
  const db = postgres?.db ?? sqlite?.db;
  if (!db) throw new Error(`no database opened for ${engine}`);
  const broadcast = createChangeBroadcast(db, engine, databaseUrl);
  const jobListeners = new Set<(kind: string) => void>();
  const recorders: Recorders = {
    audited: (record) => auditLog.write(record),
    queued: (kind) => {
      for (const listener of jobListeners) listener(kind);
    },
    announced: (keys) => broadcast.announce(keys),
  };
  return {
    engine,
    kysely: db,
    locks: createLocks(db, engine),
    broadcast,
    onJobQueued(listener) {
      jobListeners.add(listener);
      return () => jobListeners.delete(listener);
    },
    stores: storesOn(db, engine, recorders),
    transaction: (work) => inTransaction(db, engine, recorders, work),
    batch: (work) =>
      inBatch(
        db,
        engine,
        { ...recorders, refresh: (on, ids) => refreshOn(on, engine, ids) },
        (on, unitRecorders, refresh) => storesOn(on, engine, unitRecorders, refresh),
        work,
      ),
    archive: createArchiveSeeder(db, engine, databaseUrl),
    migrate: async () => {
      const applied = await migrateToLatest(db as Kysely<unknown>, engine);
      if (sqlite) usePlannerStatistics(sqlite.connection);
      return applied;
    },
    refreshStatistics: () =>
      sqlite
        ? Promise.resolve(usePlannerStatistics(sqlite.connection))
        : analyzePostgres(db as Kysely<unknown>),
    readiness: (timeoutMs) => checkReadiness(db as Kysely<unknown>, timeoutMs),
    poolStats: () => postgres?.poolStats(),
    close: async () => {
      await broadcast.close();
      await db.destroy();
    },
  };
}
