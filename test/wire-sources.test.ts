/**
 * The wire's sources on both engines: editors keep them (checked, drop folders only under the
 * drop root), the poller reads a feed from a local agency server with ETag and Last-Modified
 * (a 304 is nothing new), backs off on errors and says so in the health, reads a drop folder's
 * NewsML-G2 file once and moves it aside, and two pollers at once receive each item once.
 */
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { pollWireSources } from '../src/services/wire/poll-wire-sources.js';
import type { WireSourceDeps } from '../src/services/wire/wire-source-deps.js';
import { newsroomClient, type Browser } from './newsroom-client.js';
import { startTestApp, type TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';

const FEED = readFileSync('test/fixtures/imports/feeds/rssparser-guardian.rss');
const FEED_ITEMS = 55;
const G2_FILE = 'test/fixtures/imports/newsml-nitf/iptc-LISTING_1_A_NewsML-G2_News_Item.xml';
const G2_URI = 'urn:newsml:acmenews.com:20161018:US-FINANCE-FED';

/** The fixture feed; under `/desk-<name>/` its stories are that desk's own (guids of their own). */
function feedFor(path: string) {
  const desk = /^\/desk-(\w+)\//.exec(path)?.[1];
  if (!desk) return FEED;
  return FEED.toString().replaceAll(
    'https://www.theguardian.com/',
    `https://www.theguardian.com/${desk}/`,
  );
}

/** An agency's feed server on loopback: answers as `answer` says, and notes every request. */
async function startAgency() {
  const heard: IncomingHttpHeaders[] = [];
  const agency = {
    status: 200,
    etag: '"guardian-1"',
    lastModified: 'Sun, 06 Dec 2026 08:00:00 GMT',
    heard,
    base: '',
    close: () => new Promise((resolve) => server.close(resolve)),
  };
  const server: Server = createServer((request, response) => {
    heard.push(request.headers);
    if (agency.status !== 200) return response.writeHead(agency.status).end('agency trouble');
    if (request.headers['if-none-match'] === agency.etag) return response.writeHead(304).end();
    response
      .writeHead(200, {
        'content-type': 'application/rss+xml',
        etag: agency.etag,
        'last-modified': agency.lastModified,
      })
      .end(feedFor(request.url ?? '/'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  agency.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return agency;
}

interface SourceView {
  id: number;
  location: string;
  nextPollAt: string;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  lastReceived: number | null;
  failures: number;
}

const MINUTE = 60_000;

describe.each(ENGINES)('wire sources on $engine', ({ engine, create }) => {
  let t: TestApp;
  let agency: Awaited<ReturnType<typeof startAgency>>;
  let dropRoot: string;
  const api = newsroomClient(() => t);
  const as = {} as Record<'editor' | 'writer', Browser>;
  const settings = (more: object = {}) => ({
    name: 'Guardian world',
    agency: 'Reuters',
    kind: 'feed',
    location: `${agency.base}/world.rss`,
    intervalMinutes: 15,
    enabled: true,
    ...more,
  });
  const add = (body: object, by = as.editor) =>
    api.call({ method: 'POST', url: '/api/admin/wire-sources', as: by, body });
  const added = async (body: object) => {
    const answer = await add(body);
    expect(answer.statusCode, answer.body).toBe(201);
    return answer.json<{ source: SourceView }>().source;
  };
  const pollNow = async (id: number) => {
    const answer = await api.call({
      method: 'POST',
      url: `/api/admin/wire-sources/${id}/poll`,
      as: as.editor,
    });
    expect(answer.statusCode, answer.body).toBe(200);
    return answer.json<{ source: SourceView }>().source;
  };
  const queued = async () => (await t.app.storage.stores.wire.list({ limit: 1, offset: 0 })).total;
  const turnOffAll = async () => {
    for (const source of await t.app.storage.stores.wireSources.list())
      await t.app.storage.stores.wireSources.remove(source.id);
  };

  beforeAll(async () => {
    agency = await startAgency();
    dropRoot = mkdtempSync(join(tmpdir(), 'dateline-wire-drop-'));
    t = await startTestApp(
      { OUTBOUND_ALLOW: '127.0.0.1', WIRE_DROP_ROOT: dropRoot },
      await create(),
    );
    for (const role of ['editor', 'writer'] as const) {
      await api.addUser(`${role}@paper.example`, role);
      as[role] = await api.signIn(`${role}@paper.example`);
    }
  });

  afterAll(async () => {
    await t.close();
    await agency.close();
    rmSync(dropRoot, { recursive: true, force: true });
  });

  beforeEach(async () => {
    await turnOffAll();
    agency.status = 200;
    agency.heard.length = 0;
  });

  it('lets an editor add, list, change and remove a source, and refuses a writer', async () => {
    const source = await added(settings());
    expect(source).toMatchObject({ failures: 0, lastSuccessAt: null, lastReceived: null });
    expect((await add(settings(), as.writer)).statusCode).toBe(403);
    const listed = await api.call({ url: '/api/admin/wire-sources', as: as.editor });
    expect(listed.json<{ sources: { name: string }[] }>().sources.map((s) => s.name)).toEqual([
      'Guardian world',
    ]);
    const changed = await api.call({
      method: 'PUT',
      url: `/api/admin/wire-sources/${source.id}`,
      as: as.editor,
      body: settings({ name: 'Guardian front', intervalMinutes: 60, enabled: false }),
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      source: { name: 'Guardian front', intervalMinutes: 60, enabled: false },
    });
    const removed = await api.call({
      method: 'DELETE',
      url: `/api/admin/wire-sources/${source.id}`,
      as: as.editor,
    });
    expect(removed.statusCode).toBe(204);
    const again = await api.call({
      method: 'DELETE',
      url: `/api/admin/wire-sources/${source.id}`,
      as: as.editor,
    });
    expect(again.statusCode).toBe(404);
  });

  it('refuses settings it cannot use, naming the field', async () => {
    const refusals: [object, string][] = [
      [{ intervalMinutes: 0 }, 'intervalMinutes'],
      [{ intervalMinutes: 1441 }, 'intervalMinutes'],
      [{ kind: 'telex' }, 'kind'],
      [{ name: '  ' }, 'name'],
      [{ location: 'file:///etc/passwd' }, 'location'],
      [{ location: 'http://169.254.169.254/latest/meta-data' }, 'location'],
    ];
    for (const [change, field] of refusals) {
      const answer = await add(settings(change));
      expect(answer.statusCode, JSON.stringify(change)).toBe(400);
      expect(answer.json(), JSON.stringify(change)).toMatchObject({ field });
    }
    expect(await t.app.storage.stores.wireSources.list()).toEqual([]);
  });

  it('refuses a drop folder outside the drop root, by a climb, an absolute path or a link', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'dateline-not-drop-'));
    symlinkSync(outside, join(dropRoot, 'sneaky'));
    for (const location of ['../../etc', '/etc', outside, 'sneaky', 'sneaky/deeper']) {
      const answer = await add(settings({ kind: 'drop-folder', location }));
      expect(answer.statusCode, location).toBe(400);
      expect(answer.json<{ error: string; field: string }>(), location).toMatchObject({
        field: 'location',
        error: expect.stringMatching(/outside the drop folders’ root/) as unknown,
      });
    }
    expect(existsSync(join(outside, 'deeper'))).toBe(false);
    rmSync(outside, { recursive: true, force: true });
    rmSync(join(dropRoot, 'sneaky'));
  });

  it('receives a feed’s items, then asks with its ETag and Last-Modified and takes a 304 as nothing new', async () => {
    const source = await added(settings());
    const first = await pollNow(source.id);
    expect(first).toMatchObject({ lastReceived: FEED_ITEMS, failures: 0, lastError: null });
    expect(first.lastSuccessAt).not.toBeNull();
    expect(await queued()).toBe(FEED_ITEMS);
    const held = await t.app.storage.stores.wire.list({ limit: 1, offset: 0 });
    expect(held.items[0]).toMatchObject({
      sourceId: source.id,
      agency: expect.any(String) as unknown,
    });
    expect(agency.heard[0]?.['if-none-match']).toBeUndefined();

    const second = await pollNow(source.id);
    expect(agency.heard[1]).toMatchObject({
      'if-none-match': agency.etag,
      'if-modified-since': agency.lastModified,
    });
    expect(second).toMatchObject({ lastReceived: 0, failures: 0, lastError: null });
    expect(await queued()).toBe(FEED_ITEMS);
  });

  it('backs off on errors, doubling the interval, shows the error, and resets on success', async () => {
    const source = await added(settings({ location: `${agency.base}/broken.rss` }));
    let now = new Date(Date.now() + MINUTE);
    const deps: WireSourceDeps = { ...t.app.wireSources, clock: { now: () => now } };
    agency.status = 503;
    const waits: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      await pollWireSources(deps);
      const health = (await t.app.storage.stores.wireSources.find(source.id))!;
      expect(health).toMatchObject({
        failures: attempt + 1,
        lastError: 'the feed answered HTTP 503',
        lastErrorAt: now,
        lastSuccessAt: null,
      });
      waits.push((health.nextPollAt.getTime() - now.getTime()) / MINUTE);
      // Not due before its backoff is over: a poll in between reads nothing.
      const heard = agency.heard.length;
      await pollWireSources({
        ...deps,
        clock: { now: () => new Date(health.nextPollAt.getTime() - 1000) },
      });
      expect(agency.heard.length).toBe(heard);
      now = health.nextPollAt;
    }
    expect(waits).toEqual([30, 60, 120]);
    const listed = await api.call({ url: '/api/admin/wire-sources', as: as.editor });
    expect(listed.json<{ sources: SourceView[] }>().sources[0]).toMatchObject({
      failures: 3,
      lastError: 'the feed answered HTTP 503',
    });

    agency.status = 200;
    await pollWireSources(deps);
    const mended = (await t.app.storage.stores.wireSources.find(source.id))!;
    expect(mended).toMatchObject({ failures: 0, lastSuccessAt: now });
    expect(mended.nextPollAt.getTime() - now.getTime()).toBe(15 * MINUTE);
  });

  it('reads a NewsML-G2 file dropped in a folder once, moving it to done/, and a stray file to failed/ with the reason', async () => {
    const source = await added(
      settings({ kind: 'drop-folder', location: 'reuters', name: 'Reuters drop' }),
    );
    const folder = join(dropRoot, 'reuters');
    copyFileSync(G2_FILE, join(folder, 'fed.xml'));
    writeFileSync(join(folder, 'notes.txt'), 'not agency copy');
    writeFileSync(join(folder, '.still-copying.xml'), '<newsItem');

    const polled = await pollNow(source.id);
    expect(polled).toMatchObject({ lastReceived: 1, failures: 0 });
    expect(polled.lastError).toMatch(/1 item\(s\) refused.*notes\.txt/);
    const item = await t.app.storage.stores.wire.findByUri(G2_URI);
    expect(item).toMatchObject({ agency: 'Reuters', dateline: 'Berlin', sourceId: source.id });
    expect(readdirSync(folder).sort()).toEqual(['.still-copying.xml', 'done', 'failed']);
    expect(readdirSync(join(folder, 'done'))).toEqual(['fed.xml']);
    expect(readdirSync(join(folder, 'failed')).sort()).toEqual([
      'notes.txt',
      'notes.txt.reason.txt',
    ]);
    expect(readFileSync(join(folder, 'failed', 'notes.txt.reason.txt'), 'utf8')).toMatch(
      /neither JSON nor XML/,
    );

    const again = await pollNow(source.id);
    expect(again).toMatchObject({ lastReceived: 0 });
    expect(readdirSync(join(folder, 'done'))).toEqual(['fed.xml']);
  });

  it('polls with two pollers at once, and each item is received once', async () => {
    const desks = ['one', 'two', 'three'];
    for (const desk of desks)
      await added(settings({ name: desk, location: `${agency.base}/desk-${desk}/feed.rss` }));
    const before = await queued();
    // A second instance on the same database, where the engine has several (PostgreSQL).
    const other = engine === 'postgres' ? await createApp(t.app.config, () => undefined) : t.app;
    try {
      const polls = await Promise.all([
        pollWireSources(t.app.wireSources),
        pollWireSources(other.wireSources),
      ]);
      // One holds the lock and polls every due source; the other finds it held, or nothing due.
      expect(polls.flatMap((p) => p ?? [])).toHaveLength(desks.length);
      expect(agency.heard).toHaveLength(desks.length);
      const received = polls.flatMap((p) => p ?? []).reduce((sum, p) => sum + p.received, 0);
      expect(received).toBe(desks.length * FEED_ITEMS);
      expect(await queued()).toBe(before + desks.length * FEED_ITEMS);
      // Polled, the sources are not due again for their interval: a second round reads nothing.
      expect(await pollWireSources(other.wireSources)).toEqual([]);
      expect(agency.heard).toHaveLength(desks.length);
    } finally {
      if (other !== t.app) await other.close();
    }
  });
});
