/**
 * Every fixture (real files from other projects' test suites: WordPress and Ghost exports, and
 * agency copy as feeds, NewsML-G2, NITF and ninjs) goes through the built `dateline import
 * --json`, on both engines: none crashes it,
 * the exit code agrees with the report, every failure says why, and chosen stories land as
 * they were written and are readable on the reader site.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSandbox, type CliSandbox, type Run } from './cli-sandbox.js';
import { startTestApp, type TestApp } from './test-app.js';
import { ENGINES, type TestDatabase } from './test-databases.js';

interface Report {
  imported: { id: number; url: string }[];
  queued: unknown[];
  updated: { id: number; url: string }[];
  skipped: { item: string; reason: string }[];
  failed: { item: string | number; error: string }[];
  missing: { item: string; url: string; error: string }[];
}

const folder = (kind: string) => join(import.meta.dirname, 'fixtures', 'imports', kind);
const filesOf = (kind: string, ending: string) =>
  readdirSync(folder(kind))
    .filter((name) => name.endsWith(ending))
    .map((name) => join(folder(kind), name));

const EXPORTS = [...filesOf('wxr', '.xml'), ...filesOf('ghost', '.json')];
const AGENCY_FILES = ['newsml-nitf', 'ninjs', 'feeds'].flatMap((kind) =>
  filesOf(kind, '').filter((file) => !file.endsWith('.md')),
);

/** What every run must show, whatever the file held. */
function expectAnHonestReport(run: Run, report: Report) {
  expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(run.code).toBe(report.failed.length === 0 ? 0 : 1);
  for (const failure of report.failed) {
    expect(String(failure.item)).not.toBe('');
    expect(failure.error.length, JSON.stringify(failure)).toBeGreaterThan(10);
  }
  for (const photo of report.missing) expect(photo.error, photo.url).not.toBe('');
}

describe.each(ENGINES)(
  'every fixture export through `dateline import` on $engine',
  ({ create }) => {
    let sandbox: CliSandbox;
    let database: TestDatabase;
    let reader: TestApp | undefined;

    const importing = async (...files: string[]) => {
      const run = await sandbox.run(['import', '--json', ...files]);
      const report = JSON.parse(run.stdout) as Report;
      expectAnHonestReport(run, report);
      return { run, report };
    };

    beforeAll(async () => {
      sandbox = cliSandbox();
      database = await create();
      sandbox.env.DATABASE_URL = database.url;
    });

    afterAll(async () => {
      await reader?.close();
      await database?.drop();
      sandbox?.remove();
    });

    it('queues the items of every agency file on the wire desk, or fails each with a reason', async () => {
      const { report } = await importing(...AGENCY_FILES);
      expect(report.imported).toEqual([]);
      expect(report.queued.length).toBeGreaterThan(200);
      expect(report.queued.length + report.skipped.length + report.failed.length).toBeGreaterThan(
        AGENCY_FILES.length,
      );
    });

    it('imports each file, or fails item by item with a reason', async () => {
      for (const file of EXPORTS) {
        const { report } = await importing(file);
        expect(report.queued).toEqual([]);
        const accounted =
          report.imported.length +
          report.updated.length +
          report.skipped.length +
          report.failed.length;
        expect(accounted, file).toBeGreaterThan(0);
      }
      // 21 `dateline import` processes one after another: 45 s at a load average of 4 here.
    }, 240_000);

    it('lands the chosen stories as written, readable on the reader site, old addresses redirected', async () => {
      // A second run of the same files: the stories are all there already, and stay one each.
      const chosen = [
        join(folder('wxr'), 'migrate-sample.xml'),
        join(folder('ghost'), 'ghost-v4_export.json'),
      ];
      const { report } = await importing(...chosen);
      expect(report.imported).toEqual([]);
      reader = await startTestApp({}, database);
      const { stores } = reader.app.storage;
      const basic = await stores.articles.findBySlug('basic-post');
      expect(basic).toMatchObject({
        headline: 'Basic Post',
        status: 'published',
        section: { name: 'Company News' },
        publishedAt: new Date('2013-06-07T03:00:44Z'),
      });
      expect(basic?.tags.map((tag) => tag.name)).toEqual(['Has Images', 'Programming']);
      expect(basic?.bylines.map((author) => author.name)).toEqual(['Hermione Granger']);
      const draft = await stores.articles.findBySlug('draft-post');
      expect(draft).toMatchObject({ status: 'draft', section: { name: 'Company News' } });

      const ghost = await stores.articles.findBySlug('integrations');
      expect(ghost).toMatchObject({
        headline: 'Setting up apps and custom integrations',
        section: { name: 'Getting Started' },
        publishedAt: new Date('2021-03-24T04:34:09Z'),
      });
      expect(ghost?.bylines.map((author) => author.name)).toEqual(['Ghost']);

      const page = await reader.server.inject('/company-news/basic-post');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Basic Post');
      expect(page.body).toContain('Hermione Granger');
      const old = await reader.server.inject('/blog/basic-post.html');
      expect(old.statusCode).toBe(301);
      expect(old.headers.location).toBe('/company-news/basic-post');
      const ghostPage = await reader.server.inject('/getting-started/integrations');
      expect(ghostPage.statusCode).toBe(200);
      expect(ghostPage.body).not.toMatch(/<script(?![^>]*application\/ld\+json)[^>]*>[^<]*alert/);
    });
  },
);
