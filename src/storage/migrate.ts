import { Migrator, sql, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import type { Engine } from './engine.js';
import * as initial from './migrations/0001-initial.js';
import * as newsroom from './migrations/0002-newsroom.js';
import * as events from './migrations/0003-events.js';
import * as scheduledUpdates from './migrations/0004-scheduled-updates.js';
import * as mediaPipeline from './migrations/0005-media-pipeline.js';
import * as contentApiKeys from './migrations/0006-content-api-keys.js';
import * as webhooks from './migrations/0007-webhooks.js';
import * as discoveryIndexes from './migrations/0008-discovery-indexes.js';
import * as presence from './migrations/0009-presence.js';
import * as accountSecurity from './migrations/0010-account-security.js';
import * as auditLog from './migrations/0011-audit-log.js';
import * as sectionSlugs from './migrations/0012-section-slugs.js';
import * as pendingChanges from './migrations/0013-pending-changes.js';
import * as authorProfiles from './migrations/0015-author-profiles.js';
import * as storyDetails from './migrations/0016-story-details.js';
import * as readerVisibilityIndex from './migrations/0017-reader-visibility-index.js';
import * as archiveScaleIndexes from './migrations/0018-archive-scale-indexes.js';
import * as storyDatesBesideLinks from './migrations/0019-story-dates-beside-links.js';
import * as storySearch from './migrations/0020-story-search.js';
import * as scheduleIndexes from './migrations/0021-schedule-indexes.js';
import * as publishedStoriesVisible from './migrations/0022-published-stories-visible.js';
import * as relatedStories from './migrations/0023-related-stories.js';
import * as storyViews from './migrations/0024-story-views.js';
import * as importSources from './migrations/0025-import-sources.js';
import * as wireQueue from './migrations/0026-wire-queue.js';
import * as phraseWordPairs from './migrations/0027-phrase-word-pairs.js';
import * as wireSources from './migrations/0028-wire-sources.js';
import * as importRuns from './migrations/0029-import-runs.js';
import * as sqlitePhraseWordPairs from './migrations/0030-sqlite-phrase-word-pairs.js';
import * as searchLexemeStatistics from './migrations/0031-search-lexeme-statistics.js';

type EngineMigration = { up(db: Kysely<unknown>, engine: Engine): Promise<void> };

/** Every migration, in order. Names never change once released. */
const MIGRATIONS: Record<string, EngineMigration> = {
  '0001-initial': initial,
  '0002-newsroom': newsroom,
  '0003-events': events,
  '0004-scheduled-updates': scheduledUpdates,
  '0005-media-pipeline': mediaPipeline,
  '0006-content-api-keys': contentApiKeys,
  '0007-webhooks': webhooks,
  '0008-discovery-indexes': discoveryIndexes,
  '0009-presence': presence,
  '0010-account-security': accountSecurity,
  '0011-audit-log': auditLog,
  '0012-section-slugs': sectionSlugs,
  '0013-pending-changes': pendingChanges,
  '0015-author-profiles': authorProfiles,
  '0016-story-details': storyDetails,
  '0017-reader-visibility-index': readerVisibilityIndex,
  '0018-archive-scale-indexes': archiveScaleIndexes,
  '0019-story-dates-beside-links': storyDatesBesideLinks,
  '0020-story-search': storySearch,
  '0021-schedule-indexes': scheduleIndexes,
  '0022-published-stories-visible': publishedStoriesVisible,
  '0023-related-stories': relatedStories,
  '0024-story-views': storyViews,
  '0025-import-sources': importSources,
  '0026-wire-queue': wireQueue,
  '0027-phrase-word-pairs': phraseWordPairs,
  '0028-wire-sources': wireSources,
  '0029-import-runs': importRuns,
  '0030-sqlite-phrase-word-pairs': sqlitePhraseWordPairs,
  '0031-search-lexeme-statistics': searchLexemeStatistics,
};

function migratorFor(db: Kysely<unknown>, engine: Engine) {
  const migrations = Object.fromEntries(
    Object.entries(MIGRATIONS).map(([name, m]): [string, Migration] => [
      name,
      { up: (trx) => m.up(trx, engine) },
    ]),
  );
  return new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } });
}

/**
 * The migrations this code knows that the database has not applied (all, on an empty one).
 * Asked often (readiness probes), so it reads Kysely's table directly; only when that fails
 * (no table yet) does it take the Migrator's slower way, which inspects the schema.
 */
export async function pendingMigrations(db: Kysely<unknown>): Promise<string[]> {
  let applied: Set<string>;
  try {
    const rows = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    applied = new Set(rows.rows.map((row) => row.name));
  } catch {
    // Listing needs no engine: only applying a migration runs its engine's statements.
    const known = await migratorFor(db, 'sqlite').getMigrations();
    applied = new Set(known.filter((m) => m.executedAt !== undefined).map((m) => m.name));
  }
  return Object.keys(MIGRATIONS).filter((name) => !applied.has(name));
}

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<unknown>, engine: Engine): Promise<string[]> {
  const migrator = migratorFor(db, engine);
  const { error, results }: MigrationResultSet = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    const reason = error instanceof Error ? error.message : JSON.stringify(error);
    throw new Error(`Migration ${failed} failed: ${reason}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
