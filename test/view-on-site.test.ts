/**
 * "View on site": the admin API gives a story's `publicUrl`, the canonical address of its reader
 * page, for as long as readers can open it, and never an address that would answer 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleDesk } from './article-desk.js';
import { newsroomClient, type Browser } from './newsroom-client.js';
import { startTestApp, type TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';

const SITE = 'https://news.example';

describe.each(ENGINES)('a story’s address on the reader site, on $engine', ({ create }) => {
  let t: TestApp;
  let editor: Browser;
  let section: { id: number; slug: string };
  const client = newsroomClient(() => t);
  const { call, signIn, addUser } = client;
  const desk = articleDesk(
    () => t,
    client,
    () => section,
    () => editor,
  );
  const { expectCall, draft, move } = desk;

  /** What the editor and the articles list say of the story's address. */
  const addressesOf = async (id: number) => {
    const article = await expectCall({ url: `/api/admin/articles/${id}`, as: editor }, 200);
    const list = await expectCall({ url: '/api/admin/articles', as: editor }, 200);
    const entry = list
      .json<{ articles: { id: number; publicUrl: string | null }[] }>()
      .articles.find((a) => a.id === id);
    return [article.json<{ publicUrl: string | null }>().publicUrl, entry?.publicUrl];
  };

  /** The canonical link of the page at an address of the reader site. */
  const canonicalAt = async (url: string) => {
    const page = await call({ url: url.replace(SITE, '') });
    expect(page.statusCode).toBe(200);
    return /<link rel="canonical" href="([^"]+)"/.exec(page.body)?.[1];
  };

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL: SITE }, await create());
    await addUser('editor@paper.example', 'editor');
    editor = await signIn('editor@paper.example');
    const made = await expectCall(
      { method: 'POST', url: '/api/admin/sections', as: editor, body: { name: 'Business' } },
      201,
    );
    section = made.json();
  });

  afterAll(() => t?.close());

  it('gives a published story the canonical address of its page, and a draft none', async () => {
    const { id } = await draft(editor, 'Port traffic doubles', 'Ships queue at Sohar.');
    expect(await addressesOf(id)).toEqual([null, null]);

    expect((await move(editor, id, { to: 'published' })).statusCode).toBe(200);
    const [url, listed] = await addressesOf(id);
    expect(url).toBe(`${SITE}/business/port-traffic-doubles`);
    expect(listed).toBe(url);
    expect(await canonicalAt(url!)).toBe(url);
  });

  it('keeps the live address while a change of slug waits, and moves with it once published', async () => {
    const { id } = await draft(editor, 'Fuel prices hold', 'No change this month.');
    expect((await move(editor, id, { to: 'published' })).statusCode).toBe(200);
    const { revision } = (await desk.open(editor, id)) as { revision: number };
    await expectCall(
      {
        method: 'PATCH',
        url: `/api/admin/articles/${id}`,
        as: editor,
        body: { revision, slug: 'fuel-prices-hold-in-june' },
      },
      200,
    );
    expect((await addressesOf(id))[0]).toBe(`${SITE}/business/fuel-prices-hold`);

    expect((await move(editor, id, { to: 'published' })).statusCode).toBe(200);
    const [url] = await addressesOf(id);
    expect(url).toBe(`${SITE}/business/fuel-prices-hold-in-june`);
    expect(await canonicalAt(url!)).toBe(url);
  });

  it('gives no address to a story readers cannot open: scheduled, unpublished or killed', async () => {
    const later = new Date(Date.now() + 86_400_000).toISOString();
    const scheduled = await draft(editor, 'Budget due tomorrow', 'Figures at noon.');
    expect(
      (await move(editor, scheduled.id, { to: 'scheduled', publishAt: later })).statusCode,
    ).toBe(200);
    expect(await addressesOf(scheduled.id)).toEqual([null, null]);

    const pulled = await draft(editor, 'Bridge opens', 'Traffic flows.');
    expect((await move(editor, pulled.id, { to: 'published' })).statusCode).toBe(200);
    expect((await move(editor, pulled.id, { to: 'unpublished' })).statusCode).toBe(200);
    expect(await addressesOf(pulled.id)).toEqual([null, null]);

    const killed = await draft(editor, 'Wrong figures', 'Retracted.');
    expect((await move(editor, killed.id, { to: 'published' })).statusCode).toBe(200);
    await expectCall(
      { method: 'POST', url: `/api/admin/articles/${killed.id}/kill`, as: editor },
      200,
    );
    expect(await addressesOf(killed.id)).toEqual([null, null]);
  });
});
