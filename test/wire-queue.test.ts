/**
 * The wire queue on both engines: agency items filed, repeats dropped, newer versions marking
 * the item and the stories made from it, older ones ignored; the desk's list (agency, urgency,
 * search, pages), an item with its diff, and a draft made of it through the newsroom's own
 * write path, over HTTP with each role.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireItem } from '../src/domain/wire/wire-item.js';
import {
  receiveWireItem,
  receiveWireItems,
  WIRE_UPDATE_ALERT,
} from '../src/services/wire/receive-wire-item.js';
import { jpegPhoto } from './media-fixtures.js';
import { newsroomClient, type Browser } from './newsroom-client.js';
import { startTestApp, type TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';
import { openWireDesk, wireItem, type DraftFromWire } from './wire-items.js';

/** An agency's photo server on loopback: one photo at /wire/lead.jpg, nothing else. */
async function startPhotoServer() {
  const { bytes } = await jpegPhoto({ width: 640, height: 400 });
  const server: Server = createServer((request, response) => {
    if (request.url === '/wire/lead.jpg')
      response.writeHead(200, { 'content-type': 'image/jpeg' }).end(bytes);
    else response.writeHead(404).end('not here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

interface DeskDraft {
  draft: { lead: { mediaId: number; caption: string; credit: string; alt: string } | null };
  notes: { text: string }[];
}

interface Listed {
  items: { id: number; headline: string; agency: string; urgency: number | null }[];
  total: number;
  agencies: string[];
}

describe.each(ENGINES)('the wire queue on $engine', ({ create }) => {
  let t: TestApp;
  const api = newsroomClient(() => t);
  const as = {} as Record<'editor' | 'writer' | 'contributor', Browser>;
  let sectionId = 0;
  let photos: Awaited<ReturnType<typeof startPhotoServer>>;
  const receive = (item: WireItem) => receiveWireItem(t.app.newsroom, item);
  const list = async (query: string, by = as.editor) => {
    const answer = await api.call({ url: `/api/admin/wire?${query}`, as: by });
    expect(answer.statusCode, answer.body).toBe(200);
    return answer.json<Listed>();
  };
  const read = (id: number, by = as.editor) => api.call({ url: `/api/admin/wire/${id}`, as: by });
  const draft = (id: number, by = as.editor, body: object = {}) =>
    api.call({ method: 'POST', url: `/api/admin/wire/${id}/draft`, as: by, body });

  beforeAll(async () => {
    photos = await startPhotoServer();
    // The agency's photo server is on this machine: the outbound rules must let it be reached.
    t = await startTestApp({ OUTBOUND_ALLOW: '127.0.0.1' }, await create());
    const desk = await openWireDesk(t, api);
    sectionId = desk.sectionId;
    Object.assign(as, desk.as);
  });

  afterAll(async () => {
    await t?.close();
    await photos?.close();
  });

  it('files a new item and drops a repeat of the same version', async () => {
    const item = wireItem({ agency: 'Repeat Wire' });
    const first = await receive(item);
    const again = await receive({ ...item, headline: 'The same version, sent twice' });
    expect(first.outcome).toBe('queued');
    expect(again).toEqual({ outcome: 'duplicate', id: first.id });
    const listed = await list('agency=Repeat%20Wire');
    expect(listed.total).toBe(1);
    expect(listed.items[0]?.headline).toBe(item.headline);
  });

  it('takes a newer version in place of the item, with a diff, and tells the desk of every story made from it until it catches up', async () => {
    const v1 = wireItem({ headline: 'Ceasefire talks stall in Geneva' });
    const { id } = await receive(v1);
    const made = await draft(id);
    expect(made.statusCode, made.body).toBe(201);
    const articleId = made.json<{ id: number }>().id;

    const v2 = {
      ...v1,
      version: 2,
      headline: 'Ceasefire talks resume in Geneva',
      bodyHtml: '<p>Talks on the harbour resumed on Sunday.</p><p>Officials said much more.</p>',
    };
    expect(await receive(v2)).toEqual({ outcome: 'updated', id });

    const item = (await read(id)).json<{
      version: number;
      headline: string;
      updatedAt: string | null;
      changes: { previousVersion: number; headline: { op: string; text: string }[] };
      articles: { id: number; madeFromVersion: number; behind: boolean }[];
    }>();
    expect(item.version).toBe(2);
    expect(item.updatedAt).not.toBeNull();
    expect(item.changes.previousVersion).toBe(1);
    expect(item.changes.headline).toEqual([
      { op: 'same', text: 'Ceasefire talks ' },
      { op: 'removed', text: 'stall' },
      { op: 'added', text: 'resume' },
      { op: 'same', text: ' in Geneva' },
    ]);
    expect(item.articles).toEqual([
      { id: articleId, headline: v1.headline, madeFromVersion: 1, behind: true },
    ]);
    const alerts = await t.app.storage.stores.alerts.open();
    const alert = alerts.find((a) => a.articleId === articleId);
    expect(alert?.kind).toBe(WIRE_UPDATE_ALERT);
    expect(alert?.message).toContain(
      'Reuters sent version 2 of “Ceasefire talks resume in Geneva”',
    );

    const caughtUp = (by: Browser, article = articleId) =>
      api.call({
        method: 'POST',
        url: `/api/admin/wire/${id}/articles/${article}/caught-up`,
        as: by,
      });
    expect((await caughtUp(as.writer)).statusCode).toBe(403);
    expect((await caughtUp(as.editor, 999_999)).statusCode).toBe(404);
    const answer = await caughtUp(as.editor);
    expect(answer.json()).toEqual({ madeFromVersion: 2 });
    const after = (await read(id)).json<{ articles: { behind: boolean }[] }>();
    expect(after.articles).toEqual([
      expect.objectContaining({ madeFromVersion: 2, behind: false }),
    ]);
    const open = await t.app.storage.stores.alerts.open();
    expect(open.some((a) => a.articleId === articleId && a.kind === WIRE_UPDATE_ALERT)).toBe(false);
  });

  it('files an item sent twice at the same moment once', async () => {
    const item = wireItem({ agency: 'Race Wire' });
    const outcomes = await Promise.all([receive(item), receive(item), receive(item)]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['duplicate', 'duplicate', 'queued']);
    expect(new Set(outcomes.map((o) => o.id)).size).toBe(1);
    expect((await list('agency=Race%20Wire')).total).toBe(1);
  });

  it('ignores an older version arriving after a newer one', async () => {
    const newest = wireItem({ version: 3, headline: 'Third take' });
    const { id } = await receive(newest);
    expect(await receive({ ...newest, version: 2, headline: 'Second take' })).toEqual({
      outcome: 'older',
      id,
    });
    const item = (await read(id)).json<{ version: number; headline: string; updatedAt: null }>();
    expect(item).toMatchObject({ version: 3, headline: 'Third take', updatedAt: null });
  });

  it('reports each record of a batch: queued, updated, skipped and failed with the reason', async () => {
    const item = wireItem({ agency: 'Batch Wire' });
    const report = await receiveWireItems(t.app.newsroom, [
      { item },
      { item },
      { item: { ...item, version: 2 } },
      { item: wireItem({ agency: 'Batch Wire', headline: '  ' }) },
      { item: wireItem({ agency: 'Batch Wire', sentAt: 'yesterday' }) },
      { failed: 'not well-formed XML at line 3', ref: 'item 6' },
      wireItem({ agency: 'Batch Wire' }),
    ]);
    const id = report.queued[0]?.id;
    expect(report.queued).toHaveLength(2);
    expect(report.updated).toEqual([{ id }]);
    expect(report.skipped).toEqual([
      { id, ref: item.uri, reason: 'duplicate: this version is already in the wire queue' },
    ]);
    expect(report.failed.map((f) => f.error)).toEqual([
      'headline: must not be empty',
      'sentAt: must be an ISO 8601 time',
      'not well-formed XML at line 3',
    ]);
    expect((await list('agency=Batch%20Wire')).total).toBe(2);
  });

  it('lists newest first, filtered by agency and urgency, a page at a time', async () => {
    for (let n = 0; n < 32; n++) {
      const minute = String(n).padStart(2, '0');
      await receive(
        wireItem({
          agency: 'Paging Wire',
          urgency: (n % 5) + 1,
          headline: `Paged item ${n}`,
          sentAt: `2026-12-05T10:${minute}:00Z`,
        }),
      );
    }
    await receive(
      wireItem({ agency: 'Paging Wire', urgency: null, sentAt: '2026-12-05T11:00:00Z' }),
    );
    const first = await list('agency=Paging%20Wire');
    const second = await list('agency=Paging%20Wire&page=2');
    expect(first.total).toBe(33);
    expect(first.items).toHaveLength(30);
    expect(first.items.slice(1, 3).map((i) => i.headline)).toEqual([
      'Paged item 31',
      'Paged item 30',
    ]);
    expect(second.items.map((i) => i.headline)).toEqual([
      'Paged item 2',
      'Paged item 1',
      'Paged item 0',
    ]);
    expect(first.agencies).toContain('Paging Wire');
    const urgent = await list('agency=Paging%20Wire&urgency=2');
    expect(urgent.total).toBe(14);
    expect(urgent.items.every((i) => i.urgency !== null && i.urgency <= 2)).toBe(true);
  });

  it('finds items by words in the headline or body, whatever their accents', async () => {
    const border = await receive(
      wireItem({
        agency: 'Search Wire',
        headline: 'Trucks queue at Cilvegözü crossing',
        bodyHtml: '<p>Drivers waited for two days.</p>',
      }),
    );
    const body = await receive(
      wireItem({
        agency: 'Search Wire',
        headline: 'Port news',
        bodyHtml: '<p>The cilvegozu road reopened.</p>',
      }),
    );
    await receive(
      wireItem({ agency: 'Search Wire', headline: 'Unrelated', bodyHtml: '<p>Rain.</p>' }),
    );
    const found = await list('agency=Search%20Wire&q=Cilvegozu');
    expect(found.items.map((i) => i.id).sort()).toEqual([border.id, body.id].sort());
    expect((await list('q=%22waited%20for%20two%20days%22')).items.map((i) => i.id)).toEqual([
      border.id,
    ]);
    expect((await list('q=drivers%20rain')).total).toBe(0);
    // Counted by the index alone when words are the only filter: the same answer.
    expect((await list('q=cilvegozu')).total).toBe(2);
  });

  it('makes a draft with headline, dateline, body, tags and sign-off, and notes the photos', async () => {
    const { id } = await receive(
      wireItem({
        headline: 'Oman opens new port',
        dateline: 'SOHAR',
        agency: 'AFP',
        bodyHtml: '<p onclick="steal()">The port opened.</p><script>alert(1)</script>',
        subjects: ['Shipping', 'shipping', 'Economy'],
        bylines: ['Jane Reporter'],
        photos: [
          {
            href: 'photos/p1.jpg',
            caption: 'Cranes at dawn',
            credit: 'AFP',
            alt: '',
          },
        ],
      }),
    );
    const made = await draft(id, as.writer);
    expect(made.statusCode, made.body).toBe(201);
    const article = await api.call({
      url: `/api/admin/articles/${made.json<{ id: number }>().id}`,
      as: as.writer,
    });
    const desk = article.json<DraftFromWire>();
    expect(desk.status).toBe('draft');
    expect(desk.draft).toMatchObject({
      headline: 'Oman opens new port',
      dateline: 'SOHAR',
      signOff: 'AFP',
      tags: ['Shipping', 'Economy'],
      sectionId,
    });
    expect(JSON.stringify(desk.draft.body)).not.toMatch(/script|onclick|alert/);
    expect(JSON.stringify(desk.draft.body)).toContain('The port opened.');
    expect(desk.notes[0]?.text).toContain(
      'The first photo could not be fetched: its address is not a URL.',
    );
    expect(desk.notes[0]?.text).toContain('Photo offered: photos/p1.jpg — Cranes at dawn (AFP)');
    expect(desk.notes[0]?.text).toContain('Agency bylines: Jane Reporter.');
  });

  it('makes the first photo the lead, with caption, credit and alt, when the agency’s server gives it', async () => {
    const lead = { caption: 'Cranes at dawn', credit: 'AFP', alt: 'Cranes over the quay' };
    const second = {
      href: `${photos.base}/wire/second.jpg`,
      caption: 'The quay',
      credit: 'AFP',
      alt: '',
    };
    const { id } = await receive(
      wireItem({ photos: [{ href: `${photos.base}/wire/lead.jpg`, ...lead }, second] }),
    );
    const made = await draft(id, as.writer);
    expect(made.statusCode, made.body).toBe(201);
    const desk = (
      await api.call({
        url: `/api/admin/articles/${made.json<{ id: number }>().id}`,
        as: as.writer,
      })
    ).json<DeskDraft>();
    expect(desk.draft.lead).toMatchObject(lead);
    const photo = await t.app.storage.stores.media.findById(desk.draft.lead!.mediaId);
    expect(photo).toMatchObject({ originalName: 'lead.jpg', width: 640, height: 400, ...lead });
    expect(desk.notes[0]?.text).not.toContain('lead.jpg');
    expect(desk.notes[0]?.text).toContain(`Photo offered: ${second.href} — The quay (AFP)`);
  });

  it('files the draft without a lead, saying why, when the photo cannot be fetched', async () => {
    const href = `${photos.base}/wire/gone.jpg`;
    const { id } = await receive(
      wireItem({ photos: [{ href, caption: 'Gone', credit: 'AFP', alt: '' }] }),
    );
    const made = await draft(id, as.writer);
    expect(made.statusCode, made.body).toBe(201);
    const desk = (
      await api.call({
        url: `/api/admin/articles/${made.json<{ id: number }>().id}`,
        as: as.writer,
      })
    ).json<DeskDraft>();
    expect(desk.draft.lead).toBeNull();
    expect(desk.notes[0]?.text).toContain(
      "The first photo could not be fetched: the agency's server answered 404.",
    );
    expect(desk.notes[0]?.text).toContain(`Photo offered: ${href} — Gone (AFP)`);
  });

  it('shows agency copy only as the text the sanitizer keeps', async () => {
    const { id } = await receive(
      wireItem({
        bodyHtml:
          '<p onmouseover="x()">Calm <img src=x onerror="y()"> day</p><script>z()</script><p>Second.</p>',
      }),
    );
    const { paragraphs } = (await read(id)).json<{ paragraphs: string[] }>();
    // The photo becomes a block of its own between the paragraph's two halves, without its handler.
    expect(paragraphs).toEqual(['Calm', 'day', 'Second.']);
  });

  it('refuses contributors the wire and its drafts, and bad requests with the field named', async () => {
    const { id } = await receive(wireItem());
    expect((await api.call({ url: '/api/admin/wire', as: as.contributor })).statusCode).toBe(403);
    expect((await read(id, as.contributor)).statusCode).toBe(403);
    expect((await draft(id, as.contributor)).statusCode).toBe(403);
    expect((await read(id, as.writer)).statusCode).toBe(200);
    const urgency = await api.call({ url: '/api/admin/wire?urgency=12', as: as.editor });
    expect(urgency.statusCode).toBe(400);
    expect(urgency.body).toContain('urgency');
    expect((await read(2_000_000)).statusCode).toBe(404);
    expect((await draft(2_000_000)).statusCode).toBe(404);
  });

  it('files no article and no link when the draft cannot be made', async () => {
    const { id } = await receive(wireItem({ headline: 'Nowhere to file' }));
    const refused = await draft(id, as.editor, { sectionId: 999_999 });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('sectionId');
    expect((await read(id)).json<{ articles: unknown[] }>().articles).toEqual([]);
    expect(await t.app.storage.stores.articles.findBySlug('nowhere-to-file')).toBeUndefined();
  });
});
