/** Which story each item of another system became, and its old address (ADR 0054). */
import { sql, type Kysely } from 'kysely';
import type { ImportSource, ImportSourceStore } from '../services/import-ports.js';
import type { Engine } from './engine.js';
import { toDbTime, type DatabaseSchema } from './schema.js';

const columnsOf = (source: ImportSource, now: Date) => ({
  article_id: source.articleId,
  fingerprint: source.fingerprint,
  old_path: source.oldPath,
  missing_photo_url: source.missingPhotoUrl,
  imported_at: toDbTime(now),
});

export class KyselyImportSourceStore implements ImportSourceStore {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly engine: Engine,
  ) {}

  async claim(system: string, externalId: string): Promise<void> {
    // SQLite's importer holds the write lock from BEGIN IMMEDIATE: one writer at a time.
    if (this.engine === 'postgres')
      await sql`select pg_advisory_xact_lock(hashtext(${`import:${system}:${externalId}`}))`.execute(
        this.db,
      );
  }

  async find(system: string, externalId: string): Promise<ImportSource | undefined> {
    const row = await this.db
      .selectFrom('import_sources')
      .selectAll()
      .where('system', '=', system)
      .where('external_id', '=', externalId)
      .executeTakeFirst();
    return (
      row && {
        system: row.system,
        externalId: row.external_id,
        articleId: Number(row.article_id),
        fingerprint: row.fingerprint,
        oldPath: row.old_path,
        missingPhotoUrl: row.missing_photo_url,
      }
    );
  }

  async recordNew(source: ImportSource, now: Date): Promise<boolean> {
    const row = await this.db
      .insertInto('import_sources')
      .values({ system: source.system, external_id: source.externalId, ...columnsOf(source, now) })
      .onConflict((oc) => oc.columns(['system', 'external_id']).doNothing())
      .returning('article_id')
      .executeTakeFirst();
    return row !== undefined;
  }

  async record(source: ImportSource, now: Date): Promise<void> {
    const columns = columnsOf(source, now);
    await this.db
      .insertInto('import_sources')
      .values({ system: source.system, external_id: source.externalId, ...columns })
      .onConflict((oc) => oc.columns(['system', 'external_id']).doUpdateSet(columns))
      .execute();
  }

  async articleAtOldPath(path: string): Promise<number | undefined> {
    const row = await this.db
      .selectFrom('import_sources')
      .select('article_id')
      .where('old_path', '=', path)
      .orderBy('imported_at', 'desc')
      .executeTakeFirst();
    return row ? Number(row.article_id) : undefined;
  }
}
