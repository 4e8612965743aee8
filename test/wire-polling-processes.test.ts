/**
 * The wire poller in two `dateline serve` processes on one PostgreSQL database, as two
 * instances behind a load balancer run it: a feed and a drop folder configured once are read
 * by one of them only — the agency's server asked once, each dropped file read and moved once,
 * each item queued once. Uses the built command (`npm run build`).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wireRecordsOfFile } from '../src/adapters/import/wire-file-records.js';
import { startInstance, type Instance, type Signed } from './serve-instance.js';
import { createPostgresDatabase, type TestDatabase } from './test-databases.js';

const FIXTURES = 'test/fixtures/imports';
const FEED = readFileSync(join(FIXTURES, 'feeds', 'rssparser-guardian.rss'));
const FEED_ITEMS = 55;
const DROPPED = [
  'iptc-LISTING_1_A_NewsML-G2_News_Item.xml',
  'iptc-LISTING_2_NewsML-G2_Text_Document.xml',
  'iptc-LISTING_22_Sports_story_in_NewsML-G2NITF.xml',
];

/** The stories in the dropped files, each counted once by its uri. */
async function droppedUris() {
  const uris = new Set<string>();
  for (const name of DROPPED)
    for await (const record of wireRecordsOfFile(join(FIXTURES, 'newsml-nitf', name), {}))
      if ('item' in record) uris.add(record.item.uri);
  return uris.size;
}

const until = async (check: () => boolean | Promise<boolean>, ms: number) => {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
};

interface Listed {
  sources: { name: string; lastSuccessAt: string | null; lastError: string | null }[];
}

describe('the wire poller in two server processes on one PostgreSQL database', () => {
  let database: TestDatabase;
  let mediaDir: string;
  let dropRoot: string;
  let agency: Server;
  let agencyUrl = '';
  let asked = 0;
  let instances: Instance[] = [];
  let chief: Signed;

  beforeAll(async () => {
    agency = createServer((_request, response) => {
      asked += 1;
      response.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"g1"' }).end(FEED);
    });
    await new Promise<void>((resolve) => agency.listen(0, '127.0.0.1', resolve));
    agencyUrl = `http://127.0.0.1:${(agency.address() as AddressInfo).port}/world.rss`;
    database = await createPostgresDatabase();
    mediaDir = mkdtempSync(join(tmpdir(), 'dateline-wire-media-'));
    dropRoot = mkdtempSync(join(tmpdir(), 'dateline-wire-drop-'));
    const env = { WIRE_DROP_ROOT: dropRoot, WIRE_POLL_SECONDS: '1', OUTBOUND_ALLOW: '127.0.0.1' };
    instances = await Promise.all([
      startInstance(database.url, mediaDir, env),
      startInstance(database.url, mediaDir, env),
    ]);
    chief = await instances[0]!.setUp({
      email: 'chief@paper.example',
      name: 'Chief Editor',
      password: 'correct horse battery staple 2026!',
    });
  }, 120_000);

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await new Promise((resolve) => agency.close(resolve));
    await database?.drop();
    rmSync(mediaDir, { recursive: true, force: true });
    rmSync(dropRoot, { recursive: true, force: true });
  });

  it('reads each source once, and queues each item once', async () => {
    const folder = join(dropRoot, 'agencies');
    mkdirSync(folder);
    for (const name of DROPPED)
      copyFileSync(join(FIXTURES, 'newsml-nitf', name), join(folder, name));
    const [first, second] = instances as [Instance, Instance];
    const source = { agency: 'Reuters', intervalMinutes: 60, enabled: true };
    await first.ok(chief, 'POST', '/api/admin/wire-sources', {
      ...source,
      name: 'Guardian world',
      kind: 'feed',
      location: agencyUrl,
    });
    await second.ok(chief, 'POST', '/api/admin/wire-sources', {
      ...source,
      name: 'Agencies drop',
      kind: 'drop-folder',
      location: 'agencies',
    });

    const polled = await until(async () => {
      const { sources } = await first.ok<Listed>(chief, 'GET', '/api/admin/wire-sources');
      return sources.every((s) => s.lastSuccessAt !== null);
    }, 30_000);
    expect(polled, `${first.log()}\n${second.log()}`).toBe(true);
    // Both pollers look again every second: a few more rounds must read nothing more, since
    // neither source is due again for an hour.
    await new Promise((resolve) => setTimeout(resolve, 3_000));

    expect(asked).toBe(1);
    expect(readdirSync(join(folder, 'done')).sort()).toEqual([...DROPPED].sort());
    const expected = FEED_ITEMS + (await droppedUris());
    const { total } = await second.ok<{ total: number }>(chief, 'GET', '/api/admin/wire');
    expect(total).toBe(expected);
    // What the two processes say they brought adds up to the queue: nothing came twice.
    const brought = [first.log(), second.log()]
      .join('\n')
      .matchAll(/wire: source \d+ brought (\d+) item/g);
    expect([...brought].reduce((sum, [, n]) => sum + Number(n), 0)).toBe(expected);
  }, 60_000);
});
