/**
 * SQLite plans with ANALYZE's per-index averages and never its per-value samples (ADR 0039,
 * ADR 0067): with samples, a month whose range held one was read by skipping across the
 * sections' index and sorting, so whether a page's plan passed depended on the day it ran.
 */
import { CompiledQuery, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain } from '../../../test/query-plans.js';
import { createSqliteDatabase, type TestDatabase } from '../../../test/test-databases.js';
import { listedArticles, pageOfIds } from '../article-rows.js';
import { openStorage, type OpenedStorage } from '../open-storage.js';

const NOW = new Date('2026-12-07T15:00:00Z');

describe('the SQLite planner statistics', () => {
  let database: TestDatabase;
  let storage: OpenedStorage;

  const samples = async () => {
    const { rows } = await storage.kysely.executeQuery<{ n: number }>(
      CompiledQuery.raw('select count(*) as n from sqlite_stat4'),
    );
    return rows[0]?.n;
  };

  /** The plan of each month's second page of the date archive, by month. */
  async function monthPlans() {
    const { rows } = await storage.kysely.executeQuery<{ month: string }>(
      CompiledQuery.raw(`select distinct substr(published_at, 1, 7) as month from articles
        where status = 'published' order by 1`),
    );
    const plans = new Map<string, string>();
    for (const { month } of rows) {
      const [year, number] = month.split('-').map(Number) as [number, number];
      const published = {
        from: new Date(Date.UTC(year, number - 1, 1)),
        until: new Date(Date.UTC(year, number, 1)),
      };
      const list = listedArticles(storage.kysely, NOW, { published });
      const statement = pageOfIds(storage.kysely, list, { limit: 20, offset: 20 }).compile();
      const db = storage.kysely as unknown as Kysely<unknown>;
      const { plan, problems } = await explain(db, 'sqlite', statement);
      expect(problems, `${month}\n${plan}`).toEqual([]);
      plans.set(month, plan);
    }
    return plans;
  }

  beforeAll(async () => {
    database = createSqliteDatabase();
    storage = openStorage(database.url);
    await storage.migrate();
    await storage.archive.seed({ articles: 10_000, sections: 12, now: NOW });
  }, 120_000);

  afterAll(async () => {
    await storage?.close();
    await database?.drop();
  });

  it('keeps the averages and drops the samples when refreshed', async () => {
    await storage.refreshStatistics();
    expect(await samples()).toBe(0);
    const { rows } = await storage.kysely.executeQuery<{ idx: string }>(
      CompiledQuery.raw("select idx from sqlite_stat1 where tbl = 'articles'"),
    );
    expect(rows.map((r) => r.idx)).toContain('articles_published_visible');
  });

  it('reads every month of the date archive in order from one index, with one plan', async () => {
    await storage.refreshStatistics();
    const plans = await monthPlans();
    expect(plans.size).toBeGreaterThan(24);
    expect(new Set(plans.values()).size).toBe(1);
    expect([...plans.values()][0]).toMatch(/COVERING INDEX articles_published_visible/);
  });

  it('forgets the samples of an ANALYZE run by hand when the database is next opened', async () => {
    await storage.kysely.executeQuery(CompiledQuery.raw('ANALYZE'));
    expect(await samples()).toBeGreaterThan(0);
    await storage.close();
    storage = openStorage(database.url);
    expect(await samples()).toBe(0);
    expect(new Set((await monthPlans()).values()).size).toBe(1);
  });
});
