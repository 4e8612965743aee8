/**
 * The breaking-news banner on a real port, both engines: an editor sets it and every kept page
 * shows it on the next request, and loses it when it is removed or expires (no event); bad
 * input is refused naming the field; the audit trail says who set and removed it; the Content
 * API's settings carry it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleDraftSchema } from '../src/domain/article/article-draft.js';
import type { Actor } from '../src/domain/roles/role.js';
import { createArticle } from '../src/services/articles/create-article.js';
import { transitionArticle } from '../src/services/articles/transition-article.js';
import { CDN_PURGE_JOB } from '../src/services/cdn/cdn-purge-listener.js';
import { paragraphs } from './article-desk.js';
import { newsroomClient, type Browser } from './newsroom-client.js';
import { movableClock, startOnPort, type Answer } from './page-cache-server.js';
import type { TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';

const BANNER = 'Storm warning: coastal roads close at 6 pm';
const text = (answer: Answer) => answer.body.toString('utf8');
const bannerIn = (answer: Answer) => /<section class="breaking-news"/.test(text(answer));

describe.each(ENGINES)('the breaking-news banner on $engine', (engine) => {
  let t: TestApp;
  let get: Awaited<ReturnType<typeof startOnPort>>['get'];
  let editor: Browser;
  let chief: Browser;
  let editorActor: Actor;
  const ids = { section: 0, story: 0, draft: 0 };
  const time = movableClock('2026-12-06T08:00:00Z');
  const api = newsroomClient(() => t);
  const set = (body: object, as = editor) =>
    api.call({ method: 'PUT', url: '/api/admin/breaking-news', body, as });
  const remove = (as = editor) =>
    api.call({ method: 'DELETE', url: '/api/admin/breaking-news', as });
  /** Every kind of reader page, each asked twice: the second answer comes from memory. */
  const PAGES = ['/', '/oman', '/oman/harbour-reopens', '/search?q=harbour'];

  const story = async (headline: string, publish: boolean) => {
    const { id } = await createArticle(
      t.app.newsroom,
      editorActor,
      articleDraftSchema.parse({
        headline,
        sectionId: ids.section,
        body: paragraphs(`${headline}.`),
      }),
    );
    if (publish) await transitionArticle(t.app.newsroom, editorActor, id, { to: 'published' });
    return id;
  };

  beforeAll(async () => {
    ({ t, get } = await startOnPort({}, engine, time.clock));
    ({ id: ids.section } = await t.app.storage.stores.sections.create({
      slug: 'oman',
      name: 'Oman',
      description: '',
      position: 0,
    }));
    t.app.publication.invalidate();
    await api.addUser('editor@paper.example', 'editor');
    await api.addUser('chief@paper.example', 'editor_in_chief');
    editor = await api.signIn('editor@paper.example');
    chief = await api.signIn('chief@paper.example');
    const user = await t.app.storage.stores.users.findByEmail('editor@paper.example');
    editorActor = { userId: user!.id, role: 'editor', credential: 'session', authorId: null };
    ids.story = await story('Harbour reopens', true);
    ids.draft = await story('Budget leaks', false);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('shows on every kept page at once when set, and leaves them at once when removed', async () => {
    for (const path of PAGES) {
      expect(bannerIn(await get(path))).toBe(false);
      if (!path.startsWith('/search')) expect((await get(path)).hit, path).toBe(true);
    }
    const answer = await set({ text: BANNER, link: '/oman/harbour-reopens' });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({
      banner: { text: BANNER, link: '/oman/harbour-reopens' },
    });

    for (const path of PAGES) {
      const first = await get(path);
      expect(first.hit, path).toBe(false);
      expect(text(first), path).toContain(
        `<section class="breaking-news" aria-label="Breaking news">`,
      );
      expect(text(first)).toContain(`<a href="/oman/harbour-reopens">${BANNER}</a>`);
      const second = await get(path);
      if (!path.startsWith('/search')) expect(second.hit, path).toBe(true);
      expect(bannerIn(second), path).toBe(true);
      // Browsers ask again each time, so the banner's removal reaches them at once.
      expect(second.headers['cache-control'], path).toMatch(/^public, max-age=0, s-maxage=3600/);
    }
    const missing = await get('/no-such-page');
    expect(missing.status).toBe(404);
    expect(bannerIn(missing)).toBe(true);

    expect((await remove()).json()).toEqual({ banner: null });
    for (const path of PAGES) {
      const first = await get(path);
      expect(first.hit, path).toBe(false);
      expect(bannerIn(first), path).toBe(false);
      expect(bannerIn(await get(path)), path).toBe(false);
      expect(first.headers['cache-control'], path).toMatch(/^public, max-age=60,/);
    }
  });

  it('comes down at its expiry with no event, and the CDN is purged then', async () => {
    time.set('2026-12-06T09:00:00Z');
    const expiresAt = new Date('2026-12-06T09:30:00Z');
    await set({ text: BANNER, expiresAt: expiresAt.toISOString() });
    time.set('2026-12-06T09:29:30Z');
    expect(bannerIn(await get('/oman'))).toBe(true);
    time.set('2026-12-06T09:29:59Z');
    const before = await get('/oman');
    expect([before.hit, bannerIn(before)]).toEqual([true, true]);
    time.set('2026-12-06T09:30:00Z');
    const after = await get('/oman');
    expect([after.hit, bannerIn(after)]).toEqual([false, false]);
    expect((await api.call({ url: '/api/admin/breaking-news', as: editor })).json()).toEqual({
      banner: null,
    });

    // The CDN keeps pages an hour: a purge of every page waits for the expiry.
    const { jobs } = t.app.storage.stores;
    const kinds = { only: [CDN_PURGE_JOB] };
    while (await jobs.claim(new Date(expiresAt.getTime() - 1), 60_000, kinds));
    const atExpiry = await jobs.claim(expiresAt, 60_000, kinds);
    expect(atExpiry?.payload).toEqual({ keys: ['site'] });
  });

  it('shows for three hours unless told, links a picked story to its page and escapes its text', async () => {
    time.set('2026-12-06T10:00:00Z');
    const answer = await set({ text: 'Roads <b>closed</b> & flooded', articleId: ids.story });
    expect(answer.json()).toMatchObject({
      banner: {
        link: '/oman/harbour-reopens',
        articleId: ids.story,
        expiresAt: '2026-12-06T13:00:00.000Z',
        setBy: { name: 'editor' },
      },
    });
    const page = text(await get('/'));
    expect(page).toContain('Roads &lt;b&gt;closed&lt;/b&gt; &amp; flooded');
    expect(page).not.toContain('<b>closed</b>');
  });

  it('refuses what readers must not be shown, naming the field at fault', async () => {
    const cases: [object, string][] = [
      [{ text: '' }, 'text'],
      [{ text: '   ' }, 'text'],
      [{ text: 'x'.repeat(161) }, 'text'],
      [{ text: 'Two\nlines' }, 'text'],
      [{ text: BANNER, link: 'javascript:alert(1)' }, 'link'],
      [{ text: BANNER, link: '//evil.example/page' }, 'link'],
      [{ text: BANNER, link: '/\\evil.example' }, 'link'],
      [{ text: BANNER, link: 'ftp://files.example/x' }, 'link'],
      [{ text: BANNER, link: 'https://me:secret@paper.example/' }, 'link'],
      [{ text: BANNER, link: 'roads close' }, 'link'],
      [{ text: BANNER, link: '/oman/x', articleId: ids.story }, 'link'],
      [{ text: BANNER, articleId: ids.draft }, 'articleId'],
      [{ text: BANNER, articleId: 999_999 }, 'articleId'],
      [{ text: BANNER, expiresAt: '2026-12-06T09:00:00Z' }, 'expiresAt'],
      [{ text: BANNER, expiresAt: '2026-12-14T10:00:00Z' }, 'expiresAt'],
      [{ text: BANNER, expiresAt: 'tonight' }, 'expiresAt'],
      [{ text: BANNER, colour: 'red' }, 'colour'],
    ];
    for (const [body, field] of cases) {
      const answer = await set(body);
      expect(answer.statusCode, JSON.stringify(body)).toBe(400);
      expect(answer.json<{ field: string }>().field, JSON.stringify(body)).toBe(field);
    }
    const shown = await set({ text: BANNER, link: 'https://weather.example/oman?day=1#map' });
    expect(shown.json()).toMatchObject({
      banner: { link: 'https://weather.example/oman?day=1#map' },
    });
  });

  it('takes no change from a browser without its CSRF token', async () => {
    const refused = await api.call({
      method: 'PUT',
      url: '/api/admin/breaking-news',
      body: { text: 'Forged' },
      as: editor,
      csrf: null,
    });
    expect(refused.statusCode).toBe(403);
    expect(text(await get('/'))).not.toContain('Forged');
  });

  it('notes in the audit trail who set the banner and who took it down', async () => {
    await set({ text: 'Audited banner' });
    await remove(chief);
    // Removing none is no change: nothing more is noted.
    await remove(chief);
    const entries = await t.app.storage.stores.audit.list({
      event: 'breaking_news',
      limit: 2,
      offset: 0,
    });
    expect(entries.map((e) => [e.event, e.actor.email, e.details.text])).toEqual([
      ['breaking_news.removed', 'chief@paper.example', 'Audited banner'],
      ['breaking_news.set', 'editor@paper.example', 'Audited banner'],
    ]);
  });

  it('is in the Content API’s settings while it shows, its link made absolute', async () => {
    const created = await api.call({
      method: 'POST',
      url: '/api/admin/content-keys',
      as: chief,
      body: { name: 'App' },
    });
    const { secret } = created.json<{ secret: string }>();
    const read = async () =>
      (
        await t.server.inject({
          url: '/api/content/settings',
          headers: { authorization: `Bearer ${secret}`, host: 'paper.example' },
        })
      ).json<{ settings: { breaking: unknown } }>().settings.breaking;
    expect(await read()).toBeNull();
    await set({ text: BANNER, link: '/oman', expiresAt: '2026-12-06T12:00:00Z' });
    expect(await read()).toEqual({
      text: BANNER,
      url: 'https://paper.example/oman',
      expiresAt: '2026-12-06T12:00:00.000Z',
    });
    await remove();
    expect(await read()).toBeNull();
  });
});
