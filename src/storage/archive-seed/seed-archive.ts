import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type {
  ArchiveSeeder,
  ArchiveSeedOptions,
  ArchiveSeedProgress,
} from '../../services/archive-seed-ports.js';
import type { Engine } from '../engine.js';
import type { DatabaseSchema } from '../schema.js';
import type { BulkWriter } from './bulk-writer.js';
import { postgresCopyWriter } from './postgres-copy-writer.js';
import { sqliteBulkWriter } from './sqlite-bulk-writer.js';
import { indexNewStories, searchDialectOf } from '../story-search.js';
import {
  archiveBatches,
  authorCount,
  authorRow,
  sectionRow,
  tagCount,
  tagRow,
  type TableRows,
} from './synthetic-archive.js';
import { seededRandom } from './synthetic-text.js';

/** Articles per transaction: large enough that commits cost little, small enough to stream. */
const BATCH = 10_000;

type Named = 'sections' | 'tags' | 'authors';

/**
 * The ids of rows with these slugs, inserting those not there yet: a second seed (`--append`)
 * reuses the first one's sections, topics and bylines.
 */
async function ensureRows<T extends { slug: string }>(
  db: Kysely<DatabaseSchema>,
  table: Named,
  rows: T[],
): Promise<number[]> {
  const ids = new Map<string, number>();
  for (let start = 0; start < rows.length; start += 500) {
    const chunk = rows.slice(start, start + 500);
    const slugs = chunk.map((row) => row.slug);
    const found = await db
      .selectFrom(table)
      .select(['id', 'slug'])
      .where('slug', 'in', slugs)
      .execute();
    for (const row of found) ids.set(row.slug, row.id);
    const missing = chunk.filter((row) => !ids.has(row.slug));
    if (missing.length === 0) continue;
    const inserted = await db
      .insertInto(table)
      .values(missing as never)
      .returning(['id', 'slug'])
      .execute();
    for (const row of inserted) ids.set(row.slug, row.id);
  }
  return rows.map((row) => ids.get(row.slug) as number);
}

/** Bulk loads a synthetic archive into the database the app is on (see synthetic-archive.ts). */
export function createArchiveSeeder(
  db: Kysely<DatabaseSchema>,
  engine: Engine,
  databaseUrl: string,
): ArchiveSeeder {
  const articleCount = async () => {
    const { count } = await db
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll().as('count'))
      .executeTakeFirstOrThrow();
    return Number(count);
  };
  const search = searchDialectOf(engine);
  // The batch's stories enter the search index together, once their rows are in.
  const indexBatch = (batch: TableRows[]) =>
    db
      .transaction()
      .execute((trx) =>
        indexNewStories(trx, search, batch[0]?.rows.map((row) => row[0] as number) ?? []),
      );
  const openWriter = (): Promise<BulkWriter> =>
    engine === 'sqlite'
      ? Promise.resolve(sqliteBulkWriter(databaseUrl.slice('sqlite:'.length)))
      : postgresCopyWriter(databaseUrl);

  return {
    articleCount,
    async seed(options: ArchiveSeedOptions, progress?: (done: ArchiveSeedProgress) => void) {
      const started = Date.now();
      const random = seededRandom(7);
      const sectionIds = await ensureRows(
        db,
        'sections',
        Array.from({ length: options.sections }, (_, i) => sectionRow(i)),
      );
      const tagIds = await ensureRows(
        db,
        'tags',
        Array.from({ length: tagCount(options.articles) }, (_, i) => tagRow(i, random)),
      );
      const authorIds = await ensureRows(
        db,
        'authors',
        Array.from({ length: authorCount(options.articles) }, (_, i) => authorRow(i)),
      );
      const last = await db
        .selectFrom('articles')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirst();
      const firstId = Number(last?.id ?? 0) + 1;
      const plan = {
        firstId,
        count: options.articles,
        now: options.now,
        sectionIds,
        tagIds,
        authorIds,
        seed: firstId,
      };
      const writer = await openWriter();
      let done = 0;
      try {
        for (const batch of archiveBatches(plan, BATCH)) {
          await writer.write(batch);
          await indexBatch(batch);
          done += batch[0]?.rows.length ?? 0;
          progress?.({ articles: done, of: options.articles, elapsedMs: Date.now() - started });
          // SQLite's writes are synchronous: without a turn of the event loop per batch, a
          // process seeding 100k stories answers nothing else for minutes (a test runner's
          // worker missed its runner's replies and failed a passing run).
          await nextTurn();
        }
      } finally {
        await writer.finish();
      }
      return {
        articles: done,
        tags: tagIds.length,
        authors: authorIds.length,
        sections: sectionIds.length,
        elapsedMs: Date.now() - started,
      };
    },
  };
}
