import { setImmediate as nextTurn } from 'node:timers/promises';
import { sql, type Kysely, type Transaction } from 'kysely';
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

/**
 * Connections indexing a batch at once on PostgreSQL, which parses each story's words in the
 * backend that inserts it: one backend was the whole seed's bottleneck (a core, with the rest
 * of the machine idle).
 */
const POSTGRES_INDEX_LANES = 2;

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

/**
 * Lets a transaction's new GIN entries gather in the index's pending list up to 256 MB before
 * they are merged, sorted, in one pass. At the default 4 MB a merge came every few hundred
 * stories and read pages all over an index that outgrew the server's buffers (951 MB at 700k
 * stories), so each batch took longer than the one before.
 */
async function collectIndexEntries(trx: Transaction<DatabaseSchema>) {
  await sql`SET LOCAL gin_pending_list_limit = '256MB'`.execute(trx);
  await sql`SET LOCAL work_mem = '256MB'`.execute(trx);
}

interface SearchIndexer {
  /** Batches indexed at once: one on SQLite, which has one writer. */
  lanes: number;
  index(batch: TableRows[]): Promise<void>;
}

/** Puts a written batch's stories in the search index, a share per lane, each in a transaction. */
function searchIndexer(db: Kysely<DatabaseSchema>, engine: Engine): SearchIndexer {
  const search = searchDialectOf(engine);
  const lanes = engine === 'postgres' ? POSTGRES_INDEX_LANES : 1;
  return {
    lanes,
    async index(batch) {
      const ids = batch[0]?.rows.map((row) => row[0] as number) ?? [];
      const share = Math.ceil(ids.length / lanes);
      await Promise.all(
        Array.from({ length: lanes }, (_, lane) =>
          db.transaction().execute(async (trx) => {
            if (engine === 'postgres') await collectIndexEntries(trx);
            await indexNewStories(trx, search, ids.slice(lane * share, (lane + 1) * share));
          }),
        ),
      );
    },
  };
}

/**
 * Writes the batches and indexes each. With more than one lane (PostgreSQL) a batch is indexed
 * while the next is copied in, on connections of their own; on SQLite each batch is indexed
 * before the next is written. `indexed` hears each batch's story count once it is searchable.
 */
async function writeAndIndex(
  batches: Iterable<TableRows[]>,
  writer: BulkWriter,
  indexer: SearchIndexer,
  indexed: (stories: number) => void,
) {
  let indexing: Promise<void> = Promise.resolve();
  try {
    for (const batch of batches) {
      if (indexer.lanes === 1) await indexing;
      await writer.write(batch);
      await indexing;
      indexing = indexer.index(batch).then(() => indexed(batch[0]?.rows.length ?? 0));
      // Awaited before the next batch's index; this only keeps a failure in between from
      // counting as unhandled.
      indexing.catch(() => undefined);
      // SQLite's writes are synchronous: without a turn of the event loop per batch, a process
      // seeding 100k stories answers nothing else for minutes (a test runner's worker missed
      // its runner's replies and failed a passing run).
      await nextTurn();
    }
    await indexing;
  } finally {
    await indexing.catch(() => undefined);
    await writer.finish();
  }
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
  const indexer = searchIndexer(db, engine);
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
      let done = 0;
      await writeAndIndex(archiveBatches(plan, BATCH), await openWriter(), indexer, (stories) => {
        done += stories;
        progress?.({ articles: done, of: options.articles, elapsedMs: Date.now() - started });
      });
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
