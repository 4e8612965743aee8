/**
 * No public page or API read scans a table at 100,000 stories, on either engine. The archive is
 * made by bench-seed's own loader; every public URL is requested through the server and each
 * statement it ran is captured by the storage's query listener (so the test follows the code,
 * not a copy of its SQL), then EXPLAINed with the statistics papers plan with (on SQLite, the
 * 100k archive's figures every database is given, ADR 0067; on PostgreSQL, ANALYZE's). The rule
 * is in query-plans.ts.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSchedules } from '../src/services/articles/run-schedules.js';
import { forgetOldWireItems } from '../src/services/wire/forget-old-wire.js';
import { explain, type Statement } from './query-plans.js';
import {
  loadReferenceArticle,
  REFERENCE_ARTICLE_PATH,
  startTestApp,
  type TestApp,
} from './test-app.js';
import { ENGINES } from './test-databases.js';

const ARCHIVE = 100_000;
const SECRET = 'dlc_query-plans-test-key-0123456789abcdef';

/**
 * Known exceptions, each with its reason; their plans are still printed. Topics, authors and
 * the sitemap index read the link tables' indexes and the months' summary (ADR 0042).
 */
const EXCEPTIONS: { url: RegExp; sql?: RegExp; reason: string }[] = [];

describe.each(ENGINES)('query plans at 100k stories on $engine', ({ engine, create }) => {
  let t: TestApp;
  let db: Kysely<unknown>;
  let recording: Statement[] | undefined;
  const pages = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp({}, await create(), {
      onQuery: (text, parameters) => recording?.push({ sql: text, parameters }),
    });
    db = t.app.storage.kysely as unknown as Kysely<unknown>;
    const started = Date.now();
    const report = await t.app.storage.archive.seed({
      articles: ARCHIVE,
      sections: 12,
      now: t.app.clock.now(),
    });
    console.info(`${engine}: seeded ${report.articles} stories in ${Date.now() - started} ms`);
    // The bench adds the reference paper and article on top of the archive: that must work.
    const imported = await loadReferenceArticle(t.app);
    expect(imported.failed).toEqual([]);
    await t.app.storage.refreshStatistics();
    await sql`INSERT INTO content_api_keys (name, key_hash, key_prefix, created_at)
      VALUES ('plans', ${createHash('sha256').update(SECRET).digest('hex')},
        ${SECRET.slice(0, 10)}, ${new Date().toISOString()})`.execute(db);
    pages.set('article', await newestStoryPath(db));
    pages.set('month', await busiestMonth(db));
    pages.set('day', await dayBefore(db));
  }, 900_000);

  afterAll(async () => {
    await t?.close();
  });

  const urls = () => [
    '/',
    '/news',
    '/news?page=2',
    '/news?page=500',
    '/sport',
    pages.get('article') as string,
    // Its foot lists related stories the import chose, and more of its section.
    REFERENCE_ARTICLE_PATH,
    '/topic/bench-topic-1',
    '/topic/bench-topic-1?page=20',
    '/topic/bench-topic-1900',
    '/author/bench-writer-1',
    '/author/bench-writer-1?page=50',
    '/rss.xml',
    '/atom.xml',
    '/feed.json',
    '/news/rss.xml',
    '/topic/bench-topic-1/rss.xml',
    '/author/bench-writer-1/atom.xml',
    '/latest',
    '/latest?page=500',
    pages.get('day') as string,
    `${pages.get('day')}rss.xml`,
    `/${(pages.get('month') as string).replace('-', '/')}/`,
    `/${(pages.get('month') as string).replace('-', '/')}/?page=20`,
    `/${(pages.get('month') as string).replace('-', '/')}/feed.json`,
    '/sitemap.xml',
    `/sitemaps/articles-${pages.get('month')}.xml`,
    '/sitemaps/sections.xml',
    '/sitemaps/tags.xml',
    '/sitemaps/authors.xml',
    '/news-sitemap.xml',
    '/search?q=harbour%20budget',
    '/search?q=Moscow%20talks',
    '/search?q=%22constructive%20talks%22&order=newest',
    '/search?q=Moskow&section=world&from=2024-01-01',
    '/api/content/search?q=Ankara',
    '/api/content/articles',
    '/api/content/articles?section=news&limit=100',
    '/api/content/articles?tag=bench-topic-1',
    '/api/content/articles?author=bench-writer-1',
    '/api/content/articles?since=2020-01-01T00:00:00Z&until=2020-02-01T00:00:00Z',
    '/api/content/articles/1000',
    `/api/content/articles/slug/${(pages.get('article') as string).split('/').pop()}`,
    '/api/content/sections',
    '/api/content/sections/slug/news',
    '/api/content/tags',
    '/api/content/tags/slug/bench-topic-1',
    '/api/content/authors',
    '/api/content/authors/slug/bench-writer-1',
    '/api/content/settings',
  ];

  it('reads no big table from end to end for any public page or API read', async () => {
    const failures: string[] = [];
    let explained = 0;
    for (const url of urls()) {
      recording = [];
      const response = await t.server.inject({
        url,
        headers: url.startsWith('/api/content') ? { authorization: `Bearer ${SECRET}` } : {},
      });
      const statements = recording;
      recording = undefined;
      expect(response.statusCode, `${url}: ${response.body.slice(0, 200)}`).toBe(200);
      for (const statement of statements) {
        if (!/^\s*(select|with)\b/i.test(statement.sql)) continue;
        const exception = EXCEPTIONS.find(
          (e) => e.url.test(url) && (e.sql?.test(statement.sql) ?? true),
        );
        const { plan, problems } = await explain(db, engine, statement);
        explained += 1;
        if (process.env.PLANS_DEBUG) console.info(`${url}\n${statement.sql}\n${plan}\n`);
        if (exception && problems.length > 0)
          console.info(`known exception ${url} (${exception.reason}): ${problems.join('; ')}`);
        if (exception) continue;
        for (const problem of problems)
          failures.push(
            `${url}\n  ${problem}\n  ${statement.sql}\n  ${plan.replace(/\n/g, '\n  ')}`,
          );
      }
    }
    expect(explained).toBeGreaterThan(urls().length);
    expect(failures, failures.join('\n\n')).toEqual([]);
  }, 600_000);

  it('reads no big table from end to end for the scheduler, the job queue or wire retention', async () => {
    // All run every interval on every instance, whatever the traffic (ADR 0047, ADR 0061).
    recording = [];
    await runSchedules({ ...t.app.newsroom, locks: t.app.storage.locks, log: () => undefined });
    await t.app.jobs.runDue(1);
    await forgetOldWireItems(t.app.newsroom, t.app.config.wireRetentionDays);
    const statements = recording;
    recording = undefined;
    const failures: string[] = [];
    for (const statement of statements.filter((s) => /^\s*(select|with)\b/i.test(s.sql))) {
      const { plan, problems } = await explain(db, engine, statement);
      if (process.env.PLANS_DEBUG) console.info(`scheduler\n${statement.sql}\n${plan}\n`);
      for (const problem of problems) failures.push(`${problem}\n  ${statement.sql}\n  ${plan}`);
    }
    expect(statements.some((s) => /unpublish_at/.test(s.sql))).toBe(true);
    expect(statements.some((s) => /from "wire_items"/.test(s.sql))).toBe(true);
    expect(failures, failures.join('\n\n')).toEqual([]);
  }, 120_000);
});

/** The address of the newest story readers can see. */
async function newestStoryPath(db: Kysely<unknown>): Promise<string> {
  const { rows } = await sql<{ slug: string; section: string }>`
    SELECT a.slug, s.slug AS section FROM articles a JOIN sections s ON s.id = a.section_id
    WHERE a.status = 'published' AND a.killed_at IS NULL AND a.unpublish_at IS NULL
      AND a.published_at <= ${new Date().toISOString()}
    ORDER BY a.published_at DESC LIMIT 1`.execute(db);
  return `/${rows[0]?.section}/${rows[0]?.slug}`;
}

/** The month with the most stories, "2024-04". */
async function busiestMonth(db: Kysely<unknown>): Promise<string> {
  const { rows } = await sql<{ month: string }>`
    SELECT substr(published_at, 1, 7) AS month FROM articles WHERE status = 'published'
    GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`.execute(db);
  return rows[0]?.month as string;
}

/** The archive page of the day before the newest story's, "/2024/04/23/": a whole day. */
async function dayBefore(db: Kysely<unknown>): Promise<string> {
  const { rows } = await sql<{ published_at: string }>`
    SELECT max(published_at) AS published_at FROM articles WHERE status = 'published'
      AND published_at <= ${new Date().toISOString()}`.execute(db);
  const day = new Date(Date.parse(rows[0]?.published_at as string) - 86_400_000);
  return `/${day.toISOString().slice(0, 10).replaceAll('-', '/')}/`;
}
