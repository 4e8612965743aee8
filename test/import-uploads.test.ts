/**
 * Imports uploaded in the newsroom, on both engines: editors and the chief may upload, read and
 * list them, writers and contributors may not; the file is streamed to disk and imported in
 * the background, its progress and then its report read back through the API; bad files get a
 * 4xx or a failed item with the reason, never a 500; a server that stops stops its imports
 * between stories and says so; a run whose server died is interrupted.
 */
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor } from '../src/domain/account/user.js';
import { importsUnderWay } from '../src/services/imports-under-way.js';
import { startImport } from '../src/services/start-import.js';
import { multipartBody } from './multipart-body.js';
import { newsroomClient, type Browser } from './newsroom-client.js';
import { startTestApp, type TestApp } from './test-app.js';
import { ENGINES, type TestDatabase } from './test-databases.js';

const SAMPLE = readFileSync('test/fixtures/imports/wxr/migrate-sample.xml');
const G2 = readFileSync(
  'test/fixtures/imports/newsml-nitf/iptc-LISTING_1_A_NewsML-G2_News_Item.xml',
);

/** A WordPress export of `count` short posts, their titles and slugs starting with `name`. */
function wordPressExport(name: string, count: number) {
  const posts = Array.from(
    { length: count },
    (_, n) => `<item><title>${name} ${n}</title><wp:post_id>${n + 1}</wp:post_id>
<content:encoded><![CDATA[<p>Words ${n}.</p>]]></content:encoded><wp:status>publish</wp:status>
<wp:post_type>post</wp:post_type><wp:post_name>${name}-${n}</wp:post_name></item>`,
  );
  return Buffer.from(`<?xml version="1.0"?><rss version="2.0"
xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>${name}</title><link>https://${name}.example</link>${posts.join('')}</channel></rss>`);
}

interface RunView {
  id: number;
  status: string;
  fileName: string;
  format: string;
  formatName: string;
  sizeBytes: number;
  bytesRead: number;
  startedBy: { id: number; name: string | null };
  counts: Record<'imported' | 'updated' | 'queued' | 'skipped' | 'failed' | 'missing', number>;
  error: string | null;
  report: {
    imported: { id: number; url: string }[];
    updated: { id: number; url: string }[];
    queued: { id: number; updated?: true }[];
    skipped: { item: string; reason: string }[];
    failed: { item: string | number; error: string }[];
    missing: { item: string; url: string; error: string }[];
  } | null;
}

describe.each(ENGINES)('imports uploaded in the newsroom on $engine', ({ create }) => {
  let t: TestApp;
  let database: TestDatabase;
  const { call, signIn, addUser } = newsroomClient(() => t);
  const as: Record<string, Browser> = {};

  const upload = (
    who: Browser | undefined,
    name: string,
    bytes: Uint8Array,
    csrf?: string | null,
  ) => {
    const { body, headers } = multipartBody({ name, bytes });
    return t.server.inject({
      method: 'POST',
      url: '/api/admin/imports',
      payload: body,
      remoteAddress: '192.0.2.1',
      headers: {
        ...headers,
        ...(who && { cookie: who.cookie }),
        ...(who && csrf !== null && { 'x-csrf-token': csrf ?? who.csrfToken }),
      },
    });
  };

  /** Polls the run as the page does, until it is no longer running. */
  const finished = async (id: number, who = as.editor) => {
    const seen: RunView[] = [];
    for (let tries = 0; tries < 600; tries += 1) {
      const response = await call({ url: `/api/admin/imports/${id}`, as: who });
      expect(response.statusCode, response.body).toBe(200);
      const { run } = response.json<{ run: RunView }>();
      seen.push(run);
      if (run.status !== 'running') return { run, seen };
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`import ${id} still running`);
  };

  const started = async (name: string, bytes: Uint8Array) => {
    const response = await upload(as.editor, name, bytes);
    expect(response.statusCode, response.body).toBe(202);
    return response.json<{ run: RunView }>().run;
  };

  beforeAll(async () => {
    database = await create();
    t = await startTestApp({ IMPORT_UPLOAD_MAX_MB: '1' }, database);
    for (const role of ['contributor', 'writer', 'editor', 'editor_in_chief'] as const) {
      await addUser(`${role}@paper.example`, role);
      as[role] = await signIn(`${role}@paper.example`);
    }
  });

  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  it('lets editors and the chief import, and refuses writers and contributors', async () => {
    for (const role of ['contributor', 'writer'] as const) {
      const refused = await upload(as[role], 'sample.xml', SAMPLE);
      expect(refused.statusCode, role).toBe(403);
      expect((await call({ url: '/api/admin/imports', as: as[role] })).statusCode).toBe(403);
      expect((await call({ url: '/api/admin/imports/1', as: as[role] })).statusCode).toBe(403);
    }
    expect((await upload(undefined, 'sample.xml', SAMPLE)).statusCode).toBe(401);
    const list = await call({ url: '/api/admin/imports', as: as.editor_in_chief });
    expect(list.statusCode).toBe(200);
    expect(list.json<{ runs: RunView[] }>().runs).toEqual([]);
  });

  it('refuses an upload without the session’s CSRF token', async () => {
    const response = await upload(as.editor, 'sample.xml', SAMPLE, null);
    expect(response.statusCode).toBe(403);
  });

  it('imports a WordPress export in the background and reports each item', async () => {
    const run = await started('migrate-sample.xml', SAMPLE);
    expect(run).toMatchObject({
      fileName: 'migrate-sample.xml',
      format: 'wxr',
      formatName: 'WordPress export (WXR)',
      sizeBytes: SAMPLE.length,
      startedBy: { name: 'editor' },
      // Answered as soon as the file is on disk: the import goes on in the background.
      status: 'running',
      report: null,
    });
    const { run: done } = await finished(run.id);
    expect(done.status).toBe('finished');
    expect(done.bytesRead).toBe(SAMPLE.length);
    expect(done.counts).toMatchObject({ imported: 4, updated: 0, queued: 0, failed: 0 });
    const report = done.report!;
    expect(report.imported).toHaveLength(4);
    expect(report.skipped.map((s) => s.reason).join(' ')).toMatch(/customcpt/);
    expect(report.missing[0]).toMatchObject({
      url: expect.stringContaining('images.unsplash.com') as string,
    });
    const story = await t.app.storage.stores.articles.findBySlug('basic-post');
    expect(report.imported.map((s) => s.id)).toContain(story?.id);

    const again = await finished((await started('migrate-sample.xml', SAMPLE)).id);
    expect(again.run.counts.imported).toBe(0);
    expect(again.run.counts.skipped).toBeGreaterThanOrEqual(4);

    const list = await call({ url: '/api/admin/imports', as: as.editor_in_chief });
    const { runs, maxBytes } = list.json<{ runs: RunView[]; maxBytes: number }>();
    expect(maxBytes).toBe(1024 * 1024);
    expect(runs.map((r) => r.id)).toEqual([again.run.id, run.id]);
    expect(runs[1]).toMatchObject({ status: 'finished', counts: done.counts, report: null });
  });

  it('queues agency copy on the wire desk', async () => {
    const { run } = await finished((await started('listing-1.xml', G2)).id);
    expect(run).toMatchObject({ status: 'finished', format: 'newsml-g2' });
    expect(run.counts.queued).toBe(1);
    const [queued] = run.report!.queued;
    const item = await call({ url: `/api/admin/wire/${queued?.id}`, as: as.editor });
    expect(item.statusCode).toBe(200);
  });

  it('refuses empty, unreadable and too large files with the reason, never a 500', async () => {
    const cases: [string, Uint8Array, number, RegExp][] = [
      ['empty.xml', new Uint8Array(), 400, /empty\.xml is empty/],
      ['notes.txt', Buffer.from('Dear editor, …'), 400, /notes\.txt is neither JSON nor XML/],
      ['broken.json', Buffer.from('{"headline": '), 400, /broken\.json is not valid JSON/],
      ['page.html', Buffer.from('<html><body>hi</body></html>'), 400, /page\.html is XML, but not/],
      [
        'huge.xml',
        Buffer.alloc(1024 * 1024 + 1, 32),
        413,
        /huge\.xml is larger than 1\.0 MB, the most an import may be/,
      ],
    ];
    for (const [name, bytes, status, message] of cases) {
      const response = await upload(as.editor, name, bytes);
      expect(response.statusCode, name).toBe(status);
      expect(response.json<{ error: string }>().error, name).toMatch(message);
    }
    const noFile = await call({
      method: 'POST',
      url: '/api/admin/imports',
      as: as.editor,
      body: {},
    });
    expect(noFile.statusCode).toBe(400);
  });

  it('reports a file cut short, and an article naming a file on the server, as failed items', async () => {
    const cut = SAMPLE.subarray(0, Math.floor(SAMPLE.length * 0.6));
    const short = await finished((await started('cut.xml', cut)).id);
    expect(short.run.status).toBe('finished');
    expect(short.run.report!.failed.map((f) => f.error).join(' ')).toMatch(/cut short/);

    const article = {
      headline: 'A story with a photo from the server',
      section: 'News',
      body: ['Words.'],
      leadImage: { file: '/etc/passwd', alt: 'x', caption: 'x' },
    };
    const json = Buffer.from(JSON.stringify(article));
    const { run } = await finished((await started('story.json', json)).id);
    expect(run.counts).toMatchObject({ imported: 0, failed: 1 });
    expect(run.report!.failed[0]?.error).toMatch(/cannot name files on the server/);
  });

  it('notes its progress while it runs: bytes read and items filed, readable from the database', async () => {
    // Stories are counted as their batch commits (100 at most, ADR 0060): three batches here.
    const count = 250;
    const file = wordPressExport('progress', count);
    const user = await t.app.storage.stores.users.findByEmail('editor@paper.example');
    const deps = { ...t.app.imports, progressEveryMs: 5 };
    const { run, finished } = await startImport(deps, actorFor(user!, 'session'), {
      name: 'progress.xml',
      stream: Readable.from([file]),
    });
    const seen: { status: string; bytesRead: number; imported: number }[] = [];
    let done = false;
    void finished.then(() => (done = true));
    while (!done) {
      const now = await t.app.storage.stores.importRuns.find(run.id);
      seen.push({ status: now!.status, bytesRead: now!.bytesRead, imported: now!.counts.imported });
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const midway = seen.filter(
      (s) => s.status === 'running' && s.imported > 0 && s.imported < count,
    );
    expect(midway.length, JSON.stringify(seen)).toBeGreaterThan(0);
    expect(midway.every((s) => s.bytesRead > 0 && s.bytesRead <= file.length)).toBe(true);
    const end = await t.app.storage.stores.importRuns.find(run.id);
    expect(end).toMatchObject({ status: 'finished', bytesRead: file.length });
    expect(end?.counts.imported).toBe(count);
  });

  it('stops between stories when the server stops, and says so; uploading again finishes it', async () => {
    const count = 250;
    const file = wordPressExport('stopping', count);
    const user = await t.app.storage.stores.users.findByEmail('editor@paper.example');
    const underWay = importsUnderWay();
    const deps = { ...t.app.imports, underWay };
    const { run } = await startImport(deps, actorFor(user!, 'session'), {
      name: 'stopping.xml',
      stream: Readable.from([file]),
    });
    await underWay.stop();
    expect(underWay.count()).toBe(0);
    const stopped = await t.app.storage.stores.importRuns.find(run.id);
    expect(stopped).toMatchObject({ status: 'failed' });
    expect(stopped?.error).toMatch(/server stopped before the file was done: upload it again/);
    expect(stopped!.counts.imported).toBeLessThan(count);
    const again = await finished((await started('stopping.xml', file)).id);
    expect(again.run.status).toBe('finished');
    expect(again.run.counts.imported + again.run.counts.skipped).toBe(count);
    expect(again.run.counts.imported).toBe(count - stopped!.counts.imported);
  });

  it('shows a run whose server stopped as interrupted', async () => {
    const { importRuns } = t.app.storage.stores;
    const longAgo = new Date(t.app.clock.now().getTime() - 5 * 60_000);
    const user = await t.app.storage.stores.users.findByEmail('editor@paper.example');
    const run = await importRuns.start(
      { startedBy: user!.id, fileName: 'big.xml', format: 'wxr', sizeBytes: 1000 },
      longAgo,
    );
    const seen = await call({ url: `/api/admin/imports/${run.id}`, as: as.editor });
    expect(seen.json<{ run: RunView }>().run).toMatchObject({
      status: 'interrupted',
      startedBy: { name: 'editor' },
    });
  });
});
