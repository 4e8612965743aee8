/**
 * The wire queue's upkeep on both engines (ADR 0061): items older than WIRE_RETENTION_DAYS that
 * no story came from are forgotten in bounded batches through the queue's index, with their
 * search entries; a feed's entries, which carry no version, are filed as a newer version when
 * their copy changes and skipped when it does not.
 */
import { sql, type Kysely } from 'kysely';
import { actorFor } from '../src/domain/account/user.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSearchQuery } from '../src/domain/search/search-query.js';
import { wireRecordsOfText } from '../src/domain/wire/wire-test-reading.js';
import { makeDraftFromWire } from '../src/services/wire/draft-from-wire.js';
import { forgetOldWireItems } from '../src/services/wire/forget-old-wire.js';
import { receiveWireItem, receiveWireItems } from '../src/services/wire/receive-wire-item.js';
import { newsroomClient } from './newsroom-client.js';
import { explain, type Statement } from './query-plans.js';
import { startTestApp, type TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';
import { openWireDesk, wireItem } from './wire-items.js';

const NOW = '2026-12-07T00:00:00.000Z';
const daysAgo = (days: number) => new Date(Date.parse(NOW) - days * 86_400_000).toISOString();
/** Recent items the retention must walk past without reading: more than a plan may touch. */
const RECENT_ITEMS = 12_000;

const feed = (entry: string) => `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Gulf Wire</title>
<item><guid>gw-2001</guid>${entry}</item>
</channel></rss>`;

describe.each(ENGINES)('the wire queue’s upkeep on $engine', ({ engine, create }) => {
  let t: TestApp;
  let recording: Statement[] | undefined;
  const api = newsroomClient(() => t);

  beforeAll(async () => {
    t = await startTestApp({ DATELINE_NOW: NOW }, await create(), {
      onQuery: (text, parameters) => recording?.push({ sql: text, parameters }),
    });
    await openWireDesk(t, api);
  });

  afterAll(async () => {
    await t?.close();
  });

  const receive = async (fields: Parameters<typeof wireItem>[0]) =>
    (await receiveWireItem(t.app.newsroom, wireItem(fields))).id;
  const held = (id: number) => t.app.storage.stores.wire.findById(id);

  it('forgets old items no story came from, in batches, and keeps recent ones and those used', async () => {
    const old = [];
    for (let n = 0; n < 5; n += 1)
      old.push(await receive({ sentAt: daysAgo(40 + n), headline: `Zanzibar ferry ${n}` }));
    const used = await receive({ sentAt: daysAgo(90), headline: 'Story made of it' });
    const recent = await receive({ sentAt: daysAgo(29), headline: 'Still in the queue' });
    const writer = await t.app.storage.stores.users.findByEmail('writer@paper.example');
    await makeDraftFromWire(t.app.newsroom, actorFor(writer!, 'session'), used);

    // Two to a batch: three batches take the five, the story's item is walked past each time.
    expect(await forgetOldWireItems(t.app.newsroom, 30, 2)).toBe(5);
    for (const id of old) expect(await held(id)).toBeUndefined();
    expect(await held(used)).toBeDefined();
    expect(await held(recent)).toBeDefined();
    const found = await t.app.storage.stores.wire.list({
      clauses: parseSearchQuery('zanzibar'),
      limit: 10,
      offset: 0,
    });
    expect(found).toEqual({ items: [], total: 0 });
    expect(await forgetOldWireItems(t.app.newsroom, 30)).toBe(0);
  });

  it('reads only the old end of the queue through its index, however many items are recent', async () => {
    const db = t.app.storage.kysely as unknown as Kysely<unknown>;
    const recent = daysAgo(1);
    await sql`INSERT INTO wire_items (uri, version, agency, headline, dateline, body_html,
        bylines, subjects, photos, sent_at, format, received_at)
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${RECENT_ITEMS})
      SELECT 'bulk-' || i, 1, 'Bulk', 'Recent', '', '<p>x</p>', '[]', '[]', '[]', ${recent},
        'ninjs', ${recent} FROM n`.execute(db);
    await receive({ sentAt: daysAgo(45) });
    await t.app.storage.refreshStatistics();
    recording = [];
    expect(await forgetOldWireItems(t.app.newsroom, 30)).toBe(1);
    const selects = recording.filter((s) => /^\s*select\b/i.test(s.sql));
    recording = undefined;
    expect(selects.length).toBeGreaterThan(0);
    for (const statement of selects) {
      const { plan, problems } = await explain(db, engine, statement, RECENT_ITEMS / 2);
      if (process.env.PLANS_DEBUG) console.info(`${statement.sql}\n${plan}`);
      expect(problems, `${statement.sql}\n${plan}`).toEqual([]);
      if (engine === 'sqlite') expect(plan).toMatch(/USING (COVERING )?INDEX wire_items_newest/);
    }
  });

  it('files a changed feed entry as the next version, with its diff, and skips an unchanged one', async () => {
    const first = feed(
      '<title>Dam opens</title><pubDate>Sun, 06 Dec 2026 08:00:00 GMT</pubDate><description>The dam opened.</description>',
    );
    const queued = await receiveWireItems(t.app.newsroom, await wireRecordsOfText('rss', first));
    const [{ id } = { id: 0 }] = queued.queued;
    expect(queued.queued).toHaveLength(1);

    // The feed rebuilt with a new date and the same copy: nothing new for the desk.
    const restamped = first.replace('08:00:00', '09:00:00');
    const again = await receiveWireItems(t.app.newsroom, await wireRecordsOfText('rss', restamped));
    expect(again.skipped).toEqual([
      { id, ref: 'gw-2001', reason: 'duplicate: this version is already in the wire queue' },
    ]);

    const changed = feed(
      '<title>Dam opens early</title><pubDate>Sun, 06 Dec 2026 10:00:00 GMT</pubDate><description>The dam opened at dawn.</description>',
    );
    const updated = await receiveWireItems(t.app.newsroom, await wireRecordsOfText('rss', changed));
    expect(updated.updated).toEqual([{ id }]);
    const item = await held(id);
    expect(item).toMatchObject({ version: 2, headline: 'Dam opens early' });
    expect(item?.previous).toMatchObject({ version: 1, headline: 'Dam opens' });

    // An earlier copy arriving late is older, not a third version.
    const late = await receiveWireItems(t.app.newsroom, await wireRecordsOfText('rss', first));
    expect(late.skipped[0]?.reason).toMatch(/^older/);
    expect((await held(id))?.version).toBe(2);
  });
});
