/**
 * Feeds and sitemaps must stay fast at a million articles: every query they run is planned on
 * both engines over 20,000 generated stories, and must start from an index, never a full scan
 * of articles (`SCAN a` on SQLite, `Seq Scan on articles` on PostgreSQL).
 */
import { CompiledQuery, sql, type Kysely, type KyselyPlugin, type QueryId } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, type TestDatabase } from '../../test/test-databases.js';
import { KyselyDiscoveryStore } from './discovery-store.js';
import { openStorage, type OpenedStorage } from './open-storage.js';
import type { DatabaseSchema } from './schema.js';

const STORIES = 20_000;
const asOf = new Date('2024-04-24T08:00:00Z');

async function generateStories(db: Kysely<DatabaseSchema>) {
  await db
    .insertInto('sections')
    .values(
      Array.from({ length: 8 }, (_, i) => ({
        slug: `s${i}`,
        name: `S${i}`,
        description: '',
        position: i,
      })),
    )
    .execute();
  await db
    .insertInto('tags')
    .values(Array.from({ length: 300 }, (_, i) => ({ slug: `t${i}`, name: `T${i}` })))
    .execute();
  await db
    .insertInto('authors')
    .values(
      Array.from({ length: 60 }, (_, i) => ({
        slug: `a${i}`,
        name: `A${i}`,
        kind: 'staff',
        bio: '',
      })),
    )
    .execute();
  const body = JSON.stringify({ type: 'doc', content: [] });
  for (let start = 1; start <= STORIES; start += 500) {
    const ids = Array.from({ length: Math.min(500, STORIES - start + 1) }, (_, i) => start + i);
    await db
      .insertInto('articles')
      .values(
        ids.map((id) => {
          const at = new Date(Date.parse('2019-01-01T00:00:00Z') + id * 2 * 3600_000).toISOString();
          return {
            id,
            slug: `story-${id}`,
            section_id: (id % 8) + 1,
            headline: `Story ${id}`,
            standfirst: '',
            dateline: '',
            body,
            sign_off: '',
            seo_title: '',
            seo_description: '',
            status: id % 10 === 0 ? 'draft' : 'published',
            published_at: id % 10 === 0 ? null : at,
            updated_at: at,
            created_at: at,
          };
        }),
      )
      .execute();
    await db
      .insertInto('article_tags')
      .values(ids.map((id) => ({ article_id: id, tag_id: (id % 300) + 1, position: 0 })))
      .execute();
    await db
      .insertInto('article_authors')
      .values(ids.map((id) => ({ article_id: id, author_id: (id % 60) + 1, position: 0 })))
      .execute();
  }
}

/** Records every query the store runs, compiled, so each can be planned afterwards. */
function recording(db: Kysely<DatabaseSchema>) {
  const queries: CompiledQuery[] = [];
  // Subqueries built from the same Kysely pass through transformQuery too; only a query that
  // returns a result was run, and only it can be EXPLAINed alone.
  const compiled = new Map<QueryId, CompiledQuery>();
  const plugin: KyselyPlugin = {
    transformQuery: ({ node, queryId }) => {
      compiled.set(queryId, db.getExecutor().compileQuery(node, queryId));
      return node;
    },
    transformResult: ({ result, queryId }) => {
      const query = compiled.get(queryId);
      if (query) queries.push(query);
      return Promise.resolve(result);
    },
  };
  return { db: db.withPlugin(plugin), queries };
}

describe.each(ENGINES)('discovery queries on $engine', ({ engine, create }) => {
  let database: TestDatabase;
  let storage: OpenedStorage;

  beforeAll(async () => {
    database = await create();
    storage = openStorage(database.url);
    await storage.migrate();
    await generateStories(storage.kysely);
    // Statistics make the plans those of a real table.
    await storage.refreshStatistics();
  }, 120_000);

  afterAll(async () => {
    await storage?.close();
    await database?.drop();
  });

  /** The plan of every query `run` makes, one text per query. */
  async function plansOf(run: (store: KyselyDiscoveryStore) => Promise<unknown>) {
    const { db, queries } = recording(storage.kysely);
    await run(new KyselyDiscoveryStore(db));
    expect(queries.length).toBeGreaterThan(0);
    return storage.kysely.connection().execute(async (connection) => {
      // Reading every row can look cheaper on a test-sized table; at a million it is not.
      if (engine === 'postgres') await sql`SET enable_seqscan = off`.execute(connection);
      const plans: string[] = [];
      for (const query of queries) {
        const prefix = engine === 'sqlite' ? 'EXPLAIN QUERY PLAN ' : 'EXPLAIN ';
        const { rows } = await connection.executeQuery(
          CompiledQuery.raw(prefix + query.sql, [...query.parameters]),
        );
        plans.push(rows.map((row) => Object.values(row as object).join(' ')).join('\n'));
      }
      if (engine === 'postgres') await sql`RESET enable_seqscan`.execute(connection);
      return plans;
    });
  }

  const expectIndexedPlans = (plans: string[]) => {
    for (const plan of plans) {
      expect(plan, plan).toMatch(/INDEX|PRIMARY KEY|Index/);
      if (engine === 'sqlite') expect(plan, plan).not.toMatch(/\bSCAN (a|articles)\b/);
      else expect(plan, plan).not.toMatch(/Seq Scan on articles\b/);
    }
  };

  it.each([
    ['the site feed', (s: KyselyDiscoveryStore) => s.listFeedStories({ asOf, limit: 50 })],
    [
      'a section feed',
      (s: KyselyDiscoveryStore) => s.listFeedStories({ asOf, sectionId: 3, limit: 50 }),
    ],
    ['a topic feed', (s: KyselyDiscoveryStore) => s.listFeedStories({ asOf, tagId: 7, limit: 50 })],
    [
      'an author feed',
      (s: KyselyDiscoveryStore) => s.listFeedStories({ asOf, authorId: 5, limit: 50 }),
    ],
    ['the months of the index', (s: KyselyDiscoveryStore) => s.listPublishedMonths(asOf)],
    [
      'the topics’ and authors’ lastmod',
      (s: KyselyDiscoveryStore) =>
        Promise.all([s.latestLinked(asOf, 'tags'), s.latestLinked(asOf, 'authors')]),
    ],
    [
      'a month sitemap',
      (s: KyselyDiscoveryStore) =>
        s.listStoriesBetween({
          from: new Date('2020-03-01T00:00:00Z'),
          until: new Date('2020-04-01T00:00:00Z'),
          asOf,
          limit: 50_000,
          offset: 0,
        }),
    ],
    [
      'the news sitemap',
      (s: KyselyDiscoveryStore) =>
        s.listStoriesBetween({
          from: new Date('2021-04-22T08:00:00Z'),
          until: new Date('2021-04-24T08:00:00Z'),
          asOf,
          limit: 1000,
          offset: 0,
          newestFirst: true,
        }),
    ],
    ['the sections sitemap', (s: KyselyDiscoveryStore) => s.sectionActivity(asOf)],
    ['the topics sitemap', (s: KyselyDiscoveryStore) => s.tagActivity(asOf, 50_000)],
    ['the authors sitemap', (s: KyselyDiscoveryStore) => s.authorActivity(asOf, 50_000)],
  ])('plans %s on indexes, never a full scan of articles', async (_name, run) => {
    const plans = await plansOf(run);
    if (process.env.SHOW_PLANS) console.log(plans.join('\n---\n'));
    expectIndexedPlans(plans);
  });

  it('finds what the generated table holds', async () => {
    const store = new KyselyDiscoveryStore(storage.kysely);
    const months = await store.listPublishedMonths(asOf);
    expect(months.reduce((n, m) => n + m.count, 0)).toBe(STORIES * 0.9);
    expect(await store.listFeedStories({ asOf, tagId: 8, limit: 50 })).toHaveLength(50);
  });
});
