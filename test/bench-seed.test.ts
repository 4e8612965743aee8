/**
 * `dateline bench-seed`, as the bench runs it: into DATABASE_URL, on both engines, then the
 * reference paper and article on top.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStorage } from '../src/storage/open-storage.js';
import { cliSandbox, type CliSandbox } from './cli-sandbox.js';
import { referencePath } from './reference-data.js';
import { expectStoryCopiesInStep } from './story-copies.js';
import { ENGINES, type TestDatabase } from './test-databases.js';

describe.each(ENGINES)('dateline bench-seed on $engine', ({ create }) => {
  let sandbox: CliSandbox;
  let database: TestDatabase;
  const dateline = (...args: string[]) => sandbox.run(args);

  beforeEach(async () => {
    sandbox = cliSandbox();
    database = await create();
    sandbox.env.DATABASE_URL = database.url;
  });

  afterEach(async () => {
    sandbox.remove();
    await database.drop();
  });

  it('loads an archive of every story state, refuses to load it twice unless told to append', async () => {
    const run = await dateline('bench-seed', '--articles', '3000', '--sections', '5', '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      articles: 3000,
      sections: 5,
      tags: 60,
      authors: 20,
    });
    expect(run.stderr).toMatch(/3000\/3000 articles, \d+ rows\/s/);

    const again = await dateline('bench-seed', '--articles', '10');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already has 3000 articles; pass --append');

    const appended = await dateline(
      'bench-seed',
      '--articles',
      '500',
      '--sections',
      '5',
      '--append',
      '--json',
    );
    expect(appended.code, appended.stderr).toBe(0);

    const storage = openStorage(database.url);
    try {
      const db = storage.kysely;
      const states = await db
        .selectFrom('articles')
        .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
        .groupBy('status')
        .execute();
      const byStatus = Object.fromEntries(states.map((s) => [s.status, Number(s.count)]));
      expect(Object.values(byStatus).reduce((a, b) => a + b, 0)).toBe(3500);
      for (const status of ['draft', 'in_review', 'scheduled', 'published', 'unpublished'])
        expect(byStatus[status], status).toBeGreaterThan(0);
      const slugs = await db
        .selectFrom('articles')
        .select((eb) => eb.fn.count<number>('slug').distinct().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(slugs.n)).toBe(3500);
      // Appending reuses the sections, topics and bylines: still five sections.
      const sections = await db.selectFrom('sections').select('id').execute();
      expect(sections).toHaveLength(5);
      const killed = await db
        .selectFrom('articles')
        .select('id')
        .where('killed_at', 'is not', null)
        .execute();
      expect(killed.length).toBeGreaterThan(0);
      const corrected = await db.selectFrom('corrections').select('id').execute();
      expect(corrected.length).toBeGreaterThan(0);
      // The loader writes the links' copies of their story's visibility itself (ADR 0042).
      await expectStoryCopiesInStep(db);
    } finally {
      await storage.close();
    }

    // The bench then sets up the reference paper and imports its article on top.
    const settings = await dateline('settings', 'apply', referencePath('seed', 'publication.json'));
    expect(settings.code, settings.stderr).toBe(0);
    const imported = await dateline('import', '--json', referencePath('seed', 'article.json'));
    expect(imported.code, imported.stderr).toBe(0);
    const report = JSON.parse(imported.stdout) as { imported: { id: number }[] };
    expect(report.imported[0]?.id).toBe(3501);
  }, 120_000);

  it('answers a missing or bad --articles with usage help', async () => {
    const missing = await dateline('bench-seed');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--articles N is required');
    const bad = await dateline('bench-seed', '--articles', 'lots');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--articles: give a whole number');
    const help = await dateline('--help');
    expect(help.stderr).toContain('bench-seed --articles N');
  });
});
