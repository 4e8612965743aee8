/**
 * One draft of several wire items (ADR 0061), over HTTP on both engines: the lead's headline
 * and dateline, the bodies in the order chosen, every subject as a tag, "Agencies" as the
 * sign-off when the agencies differ, a link to every item (so a newer version of any marks the
 * story behind), a note naming the sources; refused per role and for bad choices, nothing
 * half-written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireItem } from '../src/domain/wire/wire-item.js';
import { receiveWireItem, WIRE_UPDATE_ALERT } from '../src/services/wire/receive-wire-item.js';
import { newsroomClient, type Browser } from './newsroom-client.js';
import { startTestApp, type TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';
import { openWireDesk, wireItem, type DraftFromWire } from './wire-items.js';

interface DeskItem {
  articles: { id: number; madeFromVersion: number; behind: boolean }[];
}

describe.each(ENGINES)('one draft of several wire items on $engine', ({ create }) => {
  let t: TestApp;
  const api = newsroomClient(() => t);
  const as = {} as Record<'editor' | 'writer' | 'contributor', Browser>;
  const receive = async (item: WireItem) => (await receiveWireItem(t.app.newsroom, item)).id;
  const merge = (body: object, by = as.writer) =>
    api.call({ method: 'POST', url: '/api/admin/wire/drafts', as: by, body });
  const article = async (id: number) =>
    (await api.call({ url: `/api/admin/articles/${id}`, as: as.editor })).json<DraftFromWire>();
  const item = async (id: number) =>
    (await api.call({ url: `/api/admin/wire/${id}`, as: as.editor })).json<DeskItem>();

  beforeAll(async () => {
    t = await startTestApp({}, await create());
    Object.assign(as, (await openWireDesk(t, api)).as);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('makes one draft of two agencies’ items, signed "Agencies", linked to both', async () => {
    const talks = wireItem({
      agency: 'Reuters',
      headline: 'Ankara talks end without a deal',
      dateline: 'ANKARA',
      bodyHtml: '<p>Talks in Ankara ended on Tuesday.</p>',
      subjects: ['Diplomacy', 'Turkey'],
    });
    const reaction = wireItem({
      agency: 'AFP',
      headline: 'Brussels regrets the outcome',
      dateline: 'BRUSSELS',
      bodyHtml: '<p>BRUSSELS (AFP) — The EU regretted it.</p><script>x()</script>',
      subjects: ['diplomacy', 'EU'],
    });
    const ids = [await receive(talks), await receive(reaction)];
    const made = await merge({ itemIds: ids });
    expect(made.statusCode, made.body).toBe(201);
    const { id } = made.json<{ id: number }>();
    const desk = await article(id);
    expect(desk.status).toBe('draft');
    expect(desk.draft).toMatchObject({
      headline: talks.headline,
      dateline: 'ANKARA',
      signOff: 'Agencies',
      tags: ['Diplomacy', 'Turkey', 'EU'],
    });
    const body = JSON.stringify(desk.draft.body);
    expect(body.indexOf('Talks in Ankara')).toBeLessThan(body.indexOf('The EU regretted it.'));
    expect(body).not.toMatch(/BRUSSELS|script/);
    expect(desk.notes[0]?.text).toContain('Merged from 2 wire items, the first as the lead:');
    expect(desk.notes[0]?.text).toContain(`2. AFP, version 1 of ${reaction.uri}`);
    for (const itemId of ids)
      expect((await item(itemId)).articles).toEqual([
        { id, headline: talks.headline, madeFromVersion: 1, behind: false },
      ]);

    // A newer version of the second item marks the merged story behind, and says so.
    await receive({ ...reaction, version: 2, bodyHtml: '<p>The EU regretted it deeply.</p>' });
    expect((await item(ids[1]!)).articles[0]?.behind).toBe(true);
    expect((await item(ids[0]!)).articles[0]?.behind).toBe(false);
    const alerts = await t.app.storage.stores.alerts.open();
    expect(alerts.some((a) => a.articleId === id && a.kind === WIRE_UPDATE_ALERT)).toBe(true);
  });

  it('signs off with the agency’s name when every item is that agency’s', async () => {
    const ids = [
      await receive(wireItem({ agency: 'Reuters' })),
      await receive(wireItem({ agency: 'Reuters' })),
    ];
    const made = await merge({ itemIds: ids }, as.editor);
    expect(made.statusCode, made.body).toBe(201);
    expect((await article(made.json<{ id: number }>().id)).draft.signOff).toBe('Reuters');
  });

  it('refuses contributors, and choices that are empty, repeated, too many or unknown, naming why', async () => {
    const id = await receive(wireItem());
    const other = await receive(wireItem());
    expect((await merge({ itemIds: [id, other] }, as.contributor)).statusCode).toBe(403);
    for (const [body, said] of [
      [{ itemIds: [] }, 'itemIds: choose at least one wire item'],
      [{ itemIds: [id, id] }, 'itemIds: each wire item may be chosen once'],
      [{ itemIds: Array.from({ length: 11 }, (_, n) => id + n) }, 'choose at most 10'],
      [{ itemIds: ['one'] }, 'itemIds'],
      [{}, 'itemIds'],
    ] as const) {
      const refused = await merge(body);
      expect(refused.statusCode, JSON.stringify(body)).toBe(400);
      expect(refused.body).toContain(said);
    }
    const unknown = await merge({ itemIds: [id, 2_000_000] });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('Wire item 2000000 not found');
  });

  it('files no article and no link when the draft cannot be made', async () => {
    const ids = [
      await receive(wireItem({ headline: 'Merged nowhere' })),
      await receive(wireItem({ agency: 'AFP' })),
    ];
    const refused = await merge({ itemIds: ids, sectionId: 999_999 }, as.editor);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('sectionId');
    for (const itemId of ids) expect((await item(itemId)).articles).toEqual([]);
    expect(await t.app.storage.stores.articles.findBySlug('merged-nowhere')).toBeUndefined();
  });
});
