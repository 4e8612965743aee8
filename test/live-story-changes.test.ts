/**
 * A live story changes only on purpose: saves, autosaves and restores of a published story wait
 * as its next version, unseen on the page, the feed and the Content API, until an editor
 * publishes them with one explicit move; that move purges the CDN like any publish.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleDesk, paragraphs } from './article-desk.js';
import { contentClient, contentKeyOf } from './content-api-world.js';
import { newsroomClient, PROXY, type Browser } from './newsroom-client.js';
import { startPurgeReceiver, type PurgeReceiver } from './purge-receiver.js';
import { startTestApp, type TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';

const TK = 'TK CHECK FIGURE WITH DESK';

describe.each(ENGINES)('changes to a live story on $engine', ({ create }) => {
  let t: TestApp;
  let receiver: PurgeReceiver;
  let editor: Browser;
  let writer: Browser;
  let key: string;
  let section: { id: number; slug: string };
  const client = newsroomClient(() => t);
  const { call, signIn, addUser } = client;
  const desk = articleDesk(
    () => t,
    client,
    () => section,
    () => editor,
  );
  const { expectCall, draft, move, readerPathOf, publishedNow } = desk;
  /** The article as the editor opens it, with what waits to go live. */
  const open = async (as: Browser, id: number) =>
    (await desk.open(as, id)) as Awaited<ReturnType<typeof desk.open>> & {
      updatedAt: string;
      pendingChanges: boolean;
      pending: { diff: string; inReview: boolean; savedBy: { name: string } | null } | null;
    };
  const content = contentClient(() => t);

  beforeAll(async () => {
    receiver = await startPurgeReceiver();
    t = await startTestApp(
      { TRUSTED_PROXIES: PROXY, PUBLIC_URL: 'https://news.example', CDN_PURGE_URL: receiver.url },
      await create(),
    );
    await addUser('chief@paper.example', 'editor_in_chief');
    await addUser('editor@paper.example', 'editor');
    await addUser('writer@paper.example', 'writer');
    editor = await signIn('editor@paper.example');
    writer = await signIn('writer@paper.example');
    key = (await contentKeyOf(client, await signIn('chief@paper.example'))).secret;
    section = (
      await expectCall(
        { method: 'POST', url: '/api/admin/sections', as: editor, body: { name: 'Business' } },
        201,
      )
    ).json();
  });

  afterAll(async () => {
    await t?.close();
    await receiver?.close();
  });

  const save = (as: Browser, id: number, body: object) =>
    expectCall({ method: 'PATCH', url: `/api/admin/articles/${id}`, as, body }, 200);

  /** Everything a reader or a partner's app sees of the story, in one string. */
  const whatReadersSee = async (id: number) => {
    const page = await call({ url: await readerPathOf(id) });
    expect(page.statusCode).toBe(200);
    const feed = await call({ url: '/rss.xml' });
    const api = await content(`/api/content/articles/${id}`, key);
    expect(api.statusCode, api.body).toBe(200);
    return [page.body, feed.body, api.body].join('\n');
  };

  const purgesAfterJobs = async () => {
    const before = receiver.purged().length;
    await t.app.jobs.runDue();
    return receiver.purged().slice(before);
  };

  it('keeps saves and autosaves of a live story off the page, the feed and the Content API until an editor publishes them', async () => {
    const id = await publishedNow(
      'Oil output holds steady',
      'Output stays at one million barrels.',
    );
    await purgesAfterJobs();
    const updatedAt = (await open(editor, id)).updatedAt;
    const autosaved = await save(editor, id, {
      revision: 1,
      autosave: true,
      body: paragraphs(`Output stays at ${TK} barrels.`),
    });
    expect(autosaved.json()).toEqual({ revision: 2, pendingChanges: true });
    await save(editor, id, { revision: 2, headline: 'Oil output rises' });
    const seen = await whatReadersSee(id);
    expect(seen).toContain('Oil output holds steady');
    expect(seen).not.toContain(TK);
    expect(seen).not.toContain('Oil output rises');
    expect(await purgesAfterJobs()).toEqual([]);

    const opened = await open(editor, id);
    expect(opened).toMatchObject({
      revision: 3,
      updatedAt,
      draft: { headline: 'Oil output rises' },
      pendingChanges: true,
      pending: { revision: 3, liveRevision: 1, inReview: false },
    });
    expect(opened.pending?.savedBy?.name).toBeTruthy();
    const diff = (await expectCall({ url: opened.pending!.diff, as: editor }, 200)).json<{
      changes: { label: string; paragraphs: { parts: { op: string; text: string }[] }[] }[];
    }>();
    expect(diff.changes.map((change) => change.label)).toEqual(['Headline', 'Body']);
    const parts = diff.changes.flatMap((change) => change.paragraphs.flatMap((p) => p.parts));
    expect(parts).toContainEqual({ op: 'added', text: TK });

    expect((await move(editor, id, { to: 'published' })).json()).toMatchObject({
      status: 'published',
      pendingChanges: false,
    });
    const after = await whatReadersSee(id);
    expect(after).toContain('Oil output rises');
    expect(after).toContain(TK);
    expect((await open(editor, id)).pendingChanges).toBe(false);
    expect(await t.app.storage.stores.events.count(id, 'article.updated')).toBe(1);
    expect((await purgesAfterJobs()).flat()).toContain(`article-${id}`);
  });

  it('refuses to publish changes a live story does not have, naming the field', async () => {
    const id = await publishedNow('Port traffic climbs', 'Ships queue at the port.');
    const refused = await move(editor, id, { to: 'published' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ field: 'to' });
  });

  it('sends a writer’s change to their own live story to the editors, unseen by readers', async () => {
    const { id } = await draft(writer, 'Bank opens new branch', 'The branch opens on Sunday.');
    expect((await move(writer, id, { to: 'published' })).statusCode).toBe(200);
    await save(writer, id, { revision: 1, headline: 'Bank opens two branches' });
    const asked = await move(writer, id, { to: 'published' });
    expect(asked.statusCode).toBe(200);
    expect(asked.json()).toMatchObject({ pendingChanges: true, inReview: true });
    expect(await whatReadersSee(id)).not.toContain('Bank opens two branches');
    expect((await open(editor, id)).pending).toMatchObject({ inReview: true });

    await move(editor, id, { to: 'published' });
    expect(await whatReadersSee(id)).toContain('Bank opens two branches');
    expect((await open(editor, id)).pending).toBeNull();
  });

  it('makes a restored revision of a live story its next version, not the live one', async () => {
    const id = await publishedNow('Tender awarded', 'The tender went to a local firm.');
    await save(editor, id, { revision: 1, headline: 'Tender awarded to Muscat firm' });
    await move(editor, id, { to: 'published' });
    expect(await whatReadersSee(id)).toContain('Tender awarded to Muscat firm');

    const restored = await expectCall(
      {
        method: 'POST',
        url: `/api/admin/articles/${id}/revisions/1/restore`,
        as: editor,
        body: { revision: 2 },
      },
      200,
    );
    expect(restored.json()).toEqual({ revision: 3, pendingChanges: true });
    const seen = await whatReadersSee(id);
    expect(seen).toContain('Tender awarded to Muscat firm');
    expect((await open(editor, id)).draft.headline).toBe('Tender awarded');

    await move(editor, id, { to: 'published' });
    expect(await whatReadersSee(id)).not.toContain('Tender awarded to Muscat firm');
  });

  it('still prints a correction to a live story at once, leaving its waiting changes unseen', async () => {
    const id = await publishedNow('Fuel prices set', 'Petrol stays at 229 baisa.');
    await save(editor, id, { revision: 1, headline: 'Fuel prices set, desk to confirm' });
    await expectCall(
      {
        method: 'POST',
        url: `/api/admin/articles/${id}/corrections`,
        as: editor,
        body: { text: 'The price is 239 baisa.' },
      },
      201,
    );
    const seen = await whatReadersSee(id);
    expect(seen).toContain('The price is 239 baisa.');
    expect(seen).not.toContain('desk to confirm');
    expect((await open(editor, id)).pendingChanges).toBe(true);
  });

  it('keeps a live story at its address until its new slug is published', async () => {
    const id = await publishedNow('Airport road widened', 'Four lanes each way.');
    const oldPath = await readerPathOf(id);
    await save(editor, id, { revision: 1, slug: 'airport-road-six-lanes' });
    expect((await call({ url: oldPath })).statusCode).toBe(200);
    const newPath = `/${section.slug}/airport-road-six-lanes`;
    expect((await call({ url: newPath })).statusCode).toBe(404);
    await move(editor, id, { to: 'published' });
    expect((await call({ url: newPath })).statusCode).toBe(200);
    // Readers' old links and search engines follow the story to its new address.
    const old = await call({ url: oldPath });
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe(newPath);
  });
});
