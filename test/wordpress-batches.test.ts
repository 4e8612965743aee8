/**
 * A WordPress export goes in a batch of stories to a transaction (ADR 0060), each story still
 * all-or-nothing: a bad one is rolled back alone and its neighbours stay; an import cut short
 * mid-batch is finished by running it again; two imports of one file at once file each story
 * once.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wxrStories } from '../src/adapters/import/wxr-file.js';
import { invalid } from '../src/domain/errors.js';
import type { Storage } from '../src/services/ports.js';
import { importForeignStories } from '../src/services/import-foreign-stories.js';
import { cliSandbox } from './cli-sandbox.js';
import { startTestApp, type TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';

const post = (n: number, words: string) =>
  `<item><title>Story ${n}</title><link>https://old.example/${n}/</link>` +
  `<dc:creator>desk</dc:creator><content:encoded><![CDATA[<p>${words} ${n}.</p>]]></content:encoded>` +
  `<wp:post_id>${n}</wp:post_id><wp:post_date_gmt>2019-05-01 08:30:00</wp:post_date_gmt>` +
  `<wp:post_name>story-${n}</wp:post_name><wp:status>publish</wp:status>` +
  `<wp:post_type>post</wp:post_type>` +
  `<category domain="category" nicename="s"><![CDATA[Section ${n % 3}]]></category></item>`;

/** An export of `count` posts from post `first` on, each test's posts its own. */
const exportOf = (first: number, count: number, words: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" ` +
  `xmlns:content="http://purl.org/rss/1.0/modules/content/" ` +
  `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">` +
  `<channel><title>Old Gazette</title><link>https://old.example</link>` +
  `<wp:author><wp:author_login>desk</wp:author_login><wp:author_display_name>The Desk</wp:author_display_name></wp:author>` +
  Array.from({ length: count }, (_, i) => post(first + i, words)).join('\n') +
  `</channel></rss>`;

/** The storage with its `failAt`th unit of work throwing `error` once the unit has written. */
function failingUnit(storage: Storage, failAt: number, error: () => Error): Storage {
  let units = 0;
  return {
    ...storage,
    batch: (work) =>
      storage.batch((batch) =>
        work({
          unit: (unitWork) =>
            batch.unit(async (stores) => {
              const done = await unitWork(stores);
              if (++units === failAt) throw error();
              return done;
            }),
        }),
      ),
  };
}

describe.each(ENGINES)('WordPress stories in batches on $engine', ({ create }) => {
  let t: TestApp;
  let dir: string;
  let databaseUrl: string;

  beforeAll(async () => {
    const database = await create();
    databaseUrl = database.url;
    t = await startTestApp({}, database);
    dir = mkdtempSync(join(tmpdir(), 'dateline-batches-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const fileOf = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  const importWith = (storage: Storage, file: string) =>
    importForeignStories({ ...t.app.importDeps(dir), storage }, wxrStories(file));

  const count = async (table: 'articles' | 'article_revisions' | 'events' | 'import_sources') => {
    const row = await t.app.storage.kysely
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };

  it('rolls back a story that fails in the middle of a batch alone; its neighbours go in', async () => {
    const before = await count('articles');
    const file = fileOf('five.xml', exportOf(1, 5, 'The harbour reopened'));
    const failing = failingUnit(t.app.storage, 3, () => invalid('refused by the test', 'item'));
    const report = await importWith(failing, file);
    expect(report.imported).toHaveLength(4);
    expect(report.failed).toEqual([
      { item: '#3 "Story 3"', error: 'refused by the test', field: 'item' },
    ]);
    expect(await count('articles')).toBe(before + 4);
    expect(await count('article_revisions')).toBe(before + 4);
    expect(await count('import_sources')).toBe(before + 4);
    const events = await t.app.storage.kysely
      .selectFrom('events')
      .select('article_id')
      .where('type', '=', 'article.published')
      .execute();
    expect(events.map((e) => e.article_id).sort()).toEqual(report.imported.map((s) => s.id).sort());
    const again = await importWith(t.app.storage, file);
    expect(again.imported).toHaveLength(1);
    expect(again.skipped).toHaveLength(4);
    expect(await count('articles')).toBe(before + 5);
  });

  it('finishes on a second run an import cut short in the middle of a batch', async () => {
    const before = await count('articles');
    const file = fileOf('cut-short.xml', exportOf(1001, 130, 'The ferry sailed'));
    const cut = failingUnit(t.app.storage, 110, () => new Error('the power went'));
    await expect(importWith(cut, file)).rejects.toThrow('the power went');
    // The first batch was committed; the one cut short left nothing, not even its stories.
    const kept = (await count('articles')) - before;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(110);
    expect(await count('import_sources')).toBe(before + kept);
    const rerun = await importWith(t.app.storage, file);
    expect(rerun.failed).toEqual([]);
    expect(rerun.skipped).toHaveLength(kept);
    expect(rerun.imported).toHaveLength(130 - kept);
    expect(await count('articles')).toBe(before + 130);
    expect(await count('import_sources')).toBe(before + 130);
  });

  it('files each story once when two imports of one file run at once', async () => {
    const before = await count('articles');
    const file = fileOf('twice.xml', exportOf(2001, 150, 'Two desks filed'));
    const sandbox = cliSandbox();
    sandbox.env.DATABASE_URL = databaseUrl;
    try {
      const runs = await Promise.all([
        sandbox.run(['import', '--json', file]),
        sandbox.run(['import', '--json', file]),
      ]);
      const reports = runs.map((run) => {
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        return JSON.parse(run.stdout) as { imported: unknown[]; skipped: unknown[] };
      });
      expect(reports.map((r) => r.imported.length + r.skipped.length)).toEqual([150, 150]);
      expect(reports[0]!.imported.length + reports[1]!.imported.length).toBe(150);
      expect(await count('articles')).toBe(before + 150);
      expect(await count('import_sources')).toBe(before + 150);
    } finally {
      sandbox.remove();
    }
  });
});
