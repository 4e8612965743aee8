import { sql, type ExpressionBuilder, type Kysely, type Selectable } from 'kysely';
import { searchableText } from '../domain/search/fold-text.js';
import type { SearchClause } from '../domain/search/search-query.js';
import { wireParagraphs } from '../domain/wire/wire-copy.js';
import type { WireItem } from '../domain/wire/wire-item.js';
import type {
  ArticleFromWire,
  QueuedWireItem,
  WireQueueQuery,
  WireStore,
} from '../services/ports.js';
import type { Engine } from './engine.js';
import { tsQuery } from './postgres/postgres-story-search.js';
import type { DatabaseSchema, WireItemsTable } from './schema.js';
import { fromDbTime, toDbTime } from './schema.js';
import { fts5Query } from './sqlite/sqlite-story-search.js';

type Row = Selectable<WireItemsTable>;

/** The links of the item `w` to the articles made from it, for an EXISTS. */
const madeInto = (eb: ExpressionBuilder<DatabaseSchema & { w: WireItemsTable }, 'w'>) =>
  eb
    .selectFrom('wire_item_articles as l')
    .select('l.article_id')
    .whereRef('l.wire_item_id', '=', 'w.id');

const columnsOf = (item: WireItem) => ({
  uri: item.uri,
  version: item.version,
  agency: item.agency,
  urgency: item.urgency,
  headline: item.headline,
  dateline: item.dateline,
  body_html: item.bodyHtml,
  bylines: JSON.stringify(item.bylines),
  subjects: JSON.stringify(item.subjects),
  photos: JSON.stringify(item.photos),
  sent_at: item.sentAt,
  first_created_at: item.firstCreatedAt,
  language: item.language,
  format: item.format,
});

const itemOf = (row: Row): QueuedWireItem => ({
  id: row.id,
  uri: row.uri,
  version: row.version,
  agency: row.agency,
  urgency: row.urgency,
  headline: row.headline,
  dateline: row.dateline,
  bodyHtml: row.body_html,
  bylines: JSON.parse(row.bylines) as string[],
  subjects: JSON.parse(row.subjects) as string[],
  photos: JSON.parse(row.photos) as QueuedWireItem['photos'],
  sentAt: row.sent_at,
  firstCreatedAt: row.first_created_at,
  language: row.language,
  format: row.format,
  receivedAt: fromDbTime(row.received_at),
  updatedAt: row.updated_at === null ? null : fromDbTime(row.updated_at),
  previous:
    row.previous_version === null
      ? null
      : {
          version: row.previous_version,
          headline: row.previous_headline ?? '',
          bodyHtml: row.previous_body_html ?? '',
        },
  sourceId: row.source_id,
});

/** The folded headline and body, as both engines index them (domain/search). */
const indexedText = (item: WireItem) => ({
  headline: searchableText(item.headline),
  body: searchableText(wireParagraphs(item.bodyHtml).join(' ')),
});

/** Where the engines differ: how an item's entry is written and how a query finds items. */
interface WireSearch {
  index(db: Kysely<DatabaseSchema>, id: number, item: WireItem): Promise<void>;
  /** Drops the items' entries; PostgreSQL's go with their items (ON DELETE CASCADE). */
  forget(db: Kysely<DatabaseSchema>, ids: number[]): Promise<void>;
  matching(clauses: SearchClause[]): ReturnType<typeof sql<{ id: number }>>;
  /** How many items meet the clauses. */
  count(db: Kysely<DatabaseSchema>, clauses: SearchClause[]): Promise<number>;
}

const countOf = (rows: { n: number | string }[]) => Number(rows[0]?.n ?? 0);

const sqliteWireSearch: WireSearch = {
  async index(db, id, item) {
    const text = indexedText(item);
    await sql`DELETE FROM wire_search WHERE rowid = ${id}`.execute(db);
    await sql`INSERT INTO wire_search (rowid, headline, body)
      VALUES (${id}, ${text.headline}, ${text.body})`.execute(db);
  },
  async forget(db, ids) {
    await sql`DELETE FROM wire_search WHERE rowid IN (${sql.join(ids)})`.execute(db);
  },
  matching: (clauses) =>
    sql<{ id: number }>`SELECT rowid FROM wire_search
      WHERE wire_search MATCH ${fts5Query(clauses)}`,
  async count(db, clauses) {
    const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM wire_search
      WHERE wire_search MATCH ${fts5Query(clauses)}`.execute(db);
    return countOf(rows);
  },
};

const postgresWireSearch: WireSearch = {
  async index(db, id, item) {
    const text = indexedText(item);
    await sql`INSERT INTO wire_search (wire_item_id, document)
      VALUES (${id}, to_tsvector('simple', ${`${text.headline} ${text.body}`}))
      ON CONFLICT (wire_item_id) DO UPDATE SET document = excluded.document`.execute(db);
  },
  forget: () => Promise.resolve(),
  matching: (clauses) =>
    sql<{ id: number }>`SELECT wire_item_id FROM wire_search
      WHERE document @@ to_tsquery('simple', ${tsQuery(clauses)})`,
  async count(db, clauses) {
    const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM wire_search
      WHERE document @@ to_tsquery('simple', ${tsQuery(clauses)})`.execute(db);
    return countOf(rows);
  },
};

export class KyselyWireStore implements WireStore {
  private readonly search: WireSearch;

  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    engine: Engine,
  ) {
    this.search = engine === 'sqlite' ? sqliteWireSearch : postgresWireSearch;
  }

  async findByUri(uri: string): Promise<QueuedWireItem | undefined> {
    const row = await this.db
      .selectFrom('wire_items')
      .selectAll()
      .where('uri', '=', uri)
      .executeTakeFirst();
    return row && itemOf(row);
  }

  async findById(id: number): Promise<QueuedWireItem | undefined> {
    const row = await this.db
      .selectFrom('wire_items')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && itemOf(row);
  }

  async add(item: WireItem, receivedAt: Date, sourceId: number | null): Promise<number> {
    const { id } = await this.db
      .insertInto('wire_items')
      .values({ ...columnsOf(item), received_at: toDbTime(receivedAt), source_id: sourceId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.search.index(this.db, id, item);
    return id;
  }

  async replace(id: number, item: WireItem, receivedAt: Date): Promise<void> {
    await this.db
      .updateTable('wire_items')
      .set((eb) => ({
        previous_version: eb.ref('version'),
        previous_headline: eb.ref('headline'),
        previous_body_html: eb.ref('body_html'),
        ...columnsOf(item),
        received_at: toDbTime(receivedAt),
        updated_at: toDbTime(receivedAt),
      }))
      .where('id', '=', id)
      .execute();
    await this.search.index(this.db, id, item);
  }

  /** The items the query's filters keep, as a query to select from. */
  private matching(query: WireQueueQuery) {
    let filtered = this.db.selectFrom('wire_items');
    if (query.agency !== undefined) filtered = filtered.where('agency', '=', query.agency);
    if (query.maxUrgency !== undefined)
      filtered = filtered.where('urgency', '<=', query.maxUrgency);
    if (query.clauses && query.clauses.length > 0)
      filtered = filtered.where(sql<boolean>`id IN (${this.search.matching(query.clauses)})`);
    return filtered;
  }

  private async count(query: WireQueueQuery): Promise<number> {
    const wordsOnly = query.agency === undefined && query.maxUrgency === undefined;
    // Words alone are counted in the index itself, without a lookup per item found.
    if (wordsOnly && query.clauses && query.clauses.length > 0)
      return this.search.count(this.db, query.clauses);
    const row = await this.matching(query)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async list(query: WireQueueQuery): Promise<{ items: QueuedWireItem[]; total: number }> {
    // The page's ids first: sorting ids, not whole bodies, keeps a wide search's sort small.
    const [page, total] = await Promise.all([
      this.matching(query)
        .select('id')
        .orderBy('sent_at', 'desc')
        .orderBy('id', 'desc')
        .limit(query.limit)
        .offset(query.offset)
        .execute(),
      this.count(query),
    ]);
    const ids = page.map((row) => row.id);
    if (ids.length === 0) return { items: [], total };
    const rows = await this.db
      .selectFrom('wire_items')
      .selectAll()
      .where('id', 'in', ids)
      .execute();
    const byId = new Map(rows.map((row) => [row.id, row]));
    return { items: ids.flatMap((id) => (byId.has(id) ? [itemOf(byId.get(id)!)] : [])), total };
  }

  async agencies(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('wire_items')
      .select('agency')
      .distinct()
      .orderBy('agency')
      .execute();
    return rows.map((row) => row.agency);
  }

  async linkArticle(wireItemId: number, articleId: number, version: number, now: Date) {
    await this.db
      .insertInto('wire_item_articles')
      .values({
        wire_item_id: wireItemId,
        article_id: articleId,
        made_from_version: version,
        created_at: toDbTime(now),
      })
      .onConflict((oc) =>
        oc.columns(['wire_item_id', 'article_id']).doUpdateSet({ made_from_version: version }),
      )
      .execute();
  }

  async articlesMadeFrom(wireItemId: number): Promise<ArticleFromWire[]> {
    const rows = await this.db
      .selectFrom('wire_item_articles as w')
      .innerJoin('articles as a', 'a.id', 'w.article_id')
      .select(['w.article_id', 'w.made_from_version', 'a.headline'])
      .where('w.wire_item_id', '=', wireItemId)
      .orderBy('w.created_at')
      .orderBy('w.article_id')
      .execute();
    return rows.map((row) => ({
      articleId: row.article_id,
      madeFromVersion: row.made_from_version,
      headline: row.headline,
    }));
  }

  async forgetUnusedSentBefore(before: Date, limit: number): Promise<number> {
    // Walks the queue's own order (wire_items_newest) from its oldest end, so a run reads
    // the items it forgets and the old ones kept for their stories, never the whole queue.
    const rows = await this.db
      .selectFrom('wire_items as w')
      .select('w.id')
      .where('w.sent_at', '<', before.toISOString())
      .where((eb) => eb.not(eb.exists(madeInto(eb))))
      .orderBy('w.sent_at')
      .orderBy('w.id')
      .limit(limit)
      .execute();
    const ids = rows.map((row) => row.id);
    if (ids.length === 0) return 0;
    const gone = await this.db
      .deleteFrom('wire_items as w')
      .where('w.id', 'in', ids)
      .where((eb) => eb.not(eb.exists(madeInto(eb))))
      .returning('id')
      .execute();
    if (gone.length > 0)
      await this.search.forget(
        this.db,
        gone.map((row) => row.id),
      );
    return gone.length;
  }
}
