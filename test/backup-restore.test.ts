/**
 * `dateline backup` and `restore` on both engines: a seeded paper backed up and restored into
 * an empty database has the same articles, settings and accounts, and renders the same page.
 * A restore over content needs --force; PostgreSQL without pg_dump says what to install.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseArchive } from '../src/app.js';
import { restoreCommand } from '../src/cli/backup-command.js';
import { seedDemo } from '../src/cli/seed-demo-command.js';
import { readConfig } from '../src/config/config.js';
import type { App } from '../src/app.js';
import { addStaffMember } from './staff-fixtures.js';
import { startTestApp, type TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';
import { expectStoryCopiesInStep } from './story-copies.js';

const ENV = {
  DATELINE_NOW: '2026-12-01T08:00:00Z',
  // The demo's masthead weather must not reach out of the machine.
  OPEN_METEO_BASE_URL: 'http://127.0.0.1:9',
};

const quiet = { out: () => undefined, err: () => undefined };

const archiveOf = (databaseUrl: string) =>
  databaseArchive(readConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' }));

async function contentOf(app: App) {
  const ids = await app.storage.stores.articles.listIds(0, 1000);
  const users = await app.storage.stores.users.list();
  return {
    articles: ids.length,
    headlines: await Promise.all(
      ids.map(async (id) => (await app.storage.stores.articles.findById(id))?.headline),
    ),
    users: users.map((user) => user.email),
    settings: (await app.publication.current()).settings,
  };
}

async function pageOf(t: TestApp, url: string) {
  const response = await t.server.inject({ method: 'GET', url });
  expect(response.statusCode).toBe(200);
  return response.body;
}

describe.each(ENGINES)('backup and restore on $engine', ({ create }) => {
  let source: TestApp;
  let dir: string;
  let file: string;
  let articleUrl: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dateline-backup-'));
    source = await startTestApp(ENV, await create());
    expect(await seedDemo(source.app, quiet)).toBe(0);
    await addStaffMember(source.app.storage, 'editor', 'editor@example.com');
    const [first] = await source.app.storage.stores.articles.listIds(0, 1);
    const article = await source.app.storage.stores.articles.findById(first!);
    articleUrl = `/${article!.section.slug}/${article!.slug}`;
    file = join(dir, 'paper.backup');
    await archiveOf(source.app.config.databaseUrl).backup(file);
  });

  afterAll(async () => {
    await source?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores into an empty database: same articles, settings, accounts and page', async () => {
    const target = await create();
    expect(
      await restoreCommand(archiveOf(target.url), quiet, [file], { force: false, json: false }),
    ).toBe(0);
    const restored = await startTestApp({ ...ENV, MEDIA_DIR: source.app.config.mediaDir }, target);
    try {
      const before = await contentOf(source.app);
      expect(before.articles).toBeGreaterThan(10);
      expect(await contentOf(restored.app)).toEqual(before);
      expect(await pageOf(restored, articleUrl)).toBe(await pageOf(source, articleUrl));
      expect(await pageOf(restored, '/')).toBe(await pageOf(source, '/'));
      // The triggers' copies and the months' summary travel with the rows, counted once.
      await expectStoryCopiesInStep(restored.app.storage.kysely);
    } finally {
      await restored.close();
    }
  });

  it('refuses to restore over content unless forced', async () => {
    const target = await create();
    const other = await startTestApp(ENV, target);
    await addStaffMember(other.app.storage, 'editor', 'someone@example.com');
    await other.server.close();
    await other.app.close();
    const archive = archiveOf(target.url);
    try {
      await expect(
        restoreCommand(archive, quiet, [file], { force: false, json: false }),
      ).rejects.toThrow(/already has .* add --force/);
      expect(await restoreCommand(archive, quiet, [file], { force: true, json: false })).toBe(0);
      const again = await startTestApp(ENV, target);
      try {
        const emails = (await again.app.storage.stores.users.list()).map((user) => user.email);
        expect(emails).toEqual(['editor@example.com']);
      } finally {
        await again.close();
      }
    } finally {
      await target.drop().catch(() => undefined);
    }
  });
});
