/**
 * Every SQLite database plans with the same per-index averages, those of a 100k archive, and
 * never with per-value samples (ADR 0039, ADR 0067): with samples, a month whose range held one
 * was read by skipping across the sections' index and sorting, so whether a page's plan passed
 * depended on the day it ran; without any statistics, the scheduler read every published story.
 */
import { CompiledQuery, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain } from '../../../test/query-plans.js';
import { createSqliteDatabase, type TestDatabase } from '../../../test/test-databases.js';
import { listedArticles, pageOfIds } from '../article-rows.js';
import { openStorage, type OpenedStorage } from '../open-storage.js';
import { PLANNER_STATISTICS } from './planner-statistics-100k.js';

const NOW = new Date('2026-12-07T15:00:00Z');

const byTableAndIndex = (
  a: readonly [string, string | null, string],
  b: readonly [string, string | null, string],
) => a[0].localeCompare(b[0]) || String(a[1]).localeCompare(String(b[1]));

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

  const averages = async () =>
    (
      await storage.kysely.executeQuery<{ tbl: string; idx: string | null; stat: string }>(
        CompiledQuery.raw('select tbl, idx, stat from sqlite_stat1 order by tbl, idx'),
      )
    ).rows.map((r) => [r.tbl, r.idx, r.stat]);
  const canned = () => [...PLANNER_STATISTICS].sort(byTableAndIndex);

  it('plans with the averages of a 100k archive, not those of the database it opened', async () => {
    expect(await averages()).toEqual(canned());
    expect(await samples()).toBe(0);
  });

  it('has averages for every index of each table they describe, as the migrations made it', async () => {
    const described = new Set(PLANNER_STATISTICS.map(([table]) => table));
    const { rows } = await storage.kysely.executeQuery<{ tbl_name: string; name: string }>(
      CompiledQuery.raw("select tbl_name, name from sqlite_schema where type = 'index'"),
    );
    const indexes = rows.filter((r) => described.has(r.tbl_name)).map((r) => r.name);
    const known = new Set(PLANNER_STATISTICS.map(([, index]) => index));
    const missing = indexes.filter((index) => !known.has(index));
    expect(missing, 'run `node dist/bench/planner-statistics.js` after a migration').toEqual([]);
  });

  it('reads every month of the date archive in order from one index, with one plan', async () => {
    const plans = await monthPlans();
    expect(plans.size).toBeGreaterThan(24);
    expect(new Set(plans.values()).size).toBe(1);
    expect([...plans.values()][0]).toMatch(/COVERING INDEX articles_published_visible/);
  });

  it('undoes an ANALYZE run by hand when refreshed and when the database is next opened', async () => {
    await storage.kysely.executeQuery(CompiledQuery.raw('ANALYZE'));
    expect(await samples()).toBeGreaterThan(0);
    expect(await averages()).not.toEqual(canned());
    await storage.refreshStatistics();
    expect([await averages(), await samples()]).toEqual([canned(), 0]);
    await storage.kysely.executeQuery(CompiledQuery.raw('ANALYZE'));
    await storage.close();
    storage = openStorage(database.url);
    expect([await averages(), await samples()]).toEqual([canned(), 0]);
    expect(new Set((await monthPlans()).values()).size).toBe(1);
  });
});
