/**
 * The page cache on a real port: kept pages come back from memory in the encoding asked for,
 * 304 to a client whose copy is current; a change drops exactly the pages that show it, and
 * nothing else; the masthead's new day and a story's set expiry need no event.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleDraftSchema } from '../src/domain/article/article-draft.js';
import { publicationSettingsSchema } from '../src/domain/publication/publication-settings.js';
import type { Actor } from '../src/domain/roles/role.js';
import { applySettings } from '../src/services/apply-settings.js';
import { createArticle } from '../src/services/articles/create-article.js';
import { saveArticle } from '../src/services/articles/save-article.js';
import { transitionArticle } from '../src/services/articles/transition-article.js';
import { editAuthorProfile } from '../src/services/authors/edit-author-profile.js';
import { curateFront } from '../src/services/curate-front.js';
import { changeSection } from '../src/services/sections/manage-sections.js';
import { paragraphs } from './article-desk.js';
import { addStaffMember } from './staff-fixtures.js';
import { movableClock, startOnPort, type Answer } from './page-cache-server.js';
import type { TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';

describe.each(ENGINES)('the page cache on $engine', (engine) => {
  let t: TestApp;
  let get: Awaited<ReturnType<typeof startOnPort>>['get'];
  let editor: Actor;
  const time = movableClock('2024-04-24T08:00:00Z');
  const ids = { a: 0, b: 0, authorA: 0, authorB: 0, storyA: 0, storyB: 0 };

  const publish = async (
    headline: string,
    sectionId: number,
    authorId: number,
    unpublishAt?: Date,
  ) => {
    const { id } = await createArticle(
      t.app.newsroom,
      editor,
      articleDraftSchema.parse({
        headline,
        sectionId,
        bylines: [authorId],
        tags: ['Festivals'],
        body: paragraphs(`${headline}, tonight.`),
      }),
    );
    await transitionArticle(t.app.newsroom, editor, id, { to: 'published', unpublishAt });
    return id;
  };

  const text = (answer: Answer) => answer.body.toString('utf8');

  beforeAll(async () => {
    ({ t, get } = await startOnPort({}, engine, time.clock));
    editor = await addStaffMember(t.app.storage, 'editor', 'cache@paper.example');
    const { stores } = t.app.storage;
    const a = await stores.sections.create({
      slug: 'oman',
      name: 'Oman',
      description: '',
      position: 0,
    });
    const b = await stores.sections.create({
      slug: 'sport',
      name: 'Sport',
      description: '',
      position: 1,
    });
    const authorA = await stores.authors.create({
      slug: 'salma',
      name: 'Salma Al Harthy',
      kind: 'staff',
      bio: '',
    });
    const authorB = await stores.authors.create({
      slug: 'omar',
      name: 'Omar Said',
      kind: 'staff',
      bio: '',
    });
    Object.assign(ids, { a: a.id, b: b.id, authorA: authorA.id, authorB: authorB.id });
    t.app.publication.invalidate();
    ids.storyA = await publish('Muscat festival opens', a.id, authorA.id);
    ids.storyB = await publish('Sohar wins the cup', b.id, authorB.id);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('renders a page once, then answers it from memory with the same headers and body', async () => {
    const first = await get('/oman/muscat-festival-opens');
    expect(first.status).toBe(200);
    expect(first.hit).toBe(false);
    const second = await get('/oman/muscat-festival-opens');
    expect(second.hit).toBe(true);
    expect(text(second)).toBe(text(first));
    for (const name of [
      'content-type',
      'content-security-policy',
      'cache-control',
      'surrogate-key',
      'etag',
      'last-modified',
    ])
      expect(second.headers[name]).toBe(first.headers[name]);
    expect(second.headers['surrogate-key']).toContain(`article-${ids.storyA}`);
  });

  it('sends brotli, gzip or the page as it is, as the client accepts, and headers alone to HEAD', async () => {
    const plain = await get('/oman');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await get('/oman', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.hit).toBe(true);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toContain('Accept-Encoding');
    expect(brotliDecompressSync(br.body).toString('utf8')).toBe(text(plain));
    const gz = await get('/oman', { 'accept-encoding': 'gzip, br;q=0' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString('utf8')).toBe(text(plain));
    const head = await get('/oman', {}, 'HEAD');
    expect(head.hit).toBe(true);
    expect(head.body.byteLength).toBe(0);
    expect(Number(head.headers['content-length'])).toBe(plain.body.byteLength);
  });

  it('answers 304 to a client whose copy is current, by ETag or by date', async () => {
    const page = await get('/sport');
    const byTag = await get('/sport', { 'if-none-match': String(page.headers.etag) });
    expect(byTag.status).toBe(304);
    expect(byTag.body.byteLength).toBe(0);
    const byDate = await get('/sport', {
      'if-modified-since': String(page.headers['last-modified']),
    });
    expect(byDate.status).toBe(304);
    const other = await get('/sport', { 'if-none-match': 'W/"something-else"' });
    expect(other.status).toBe(200);
  });

  it('publishing in one section leaves the other section and unrelated stories cached', async () => {
    for (const path of [
      '/',
      '/oman',
      '/sport',
      '/sport/sohar-wins-the-cup',
      '/oman/muscat-festival-opens',
    ])
      await get(path);
    await publish('Dates harvest begins', ids.a, ids.authorA);
    expect((await get('/sport')).hit).toBe(true);
    expect((await get('/sport/sohar-wins-the-cup')).hit).toBe(true);
    // A story of the same section lists the newest of it at its foot.
    const neighbour = await get('/oman/muscat-festival-opens');
    expect(neighbour.hit).toBe(false);
    expect(text(neighbour)).toContain('Dates harvest begins');
    const front = await get('/oman');
    expect(front.hit).toBe(false);
    expect(text(front)).toContain('Dates harvest begins');
    const home = await get('/');
    expect(home.hit).toBe(false);
    expect(text(home)).toContain('Dates harvest begins');
    expect((await get('/author/salma')).hit).toBe(false);
  });

  it('unpublishing a story drops its page and the lists that showed it, not the others', async () => {
    for (const path of ['/', '/oman', '/sport', '/author/omar', '/oman/muscat-festival-opens'])
      await get(path);
    await transitionArticle(t.app.newsroom, editor, ids.storyA, { to: 'unpublished' });
    expect((await get('/sport')).hit).toBe(true);
    expect((await get('/author/omar')).hit).toBe(true);
    const front = await get('/oman');
    expect(front.hit).toBe(false);
    expect(text(front)).not.toContain('Muscat festival opens');
    expect((await get('/oman/muscat-festival-opens')).status).toBe(404);
    await transitionArticle(t.app.newsroom, editor, ids.storyA, { to: 'published' });
  });

  it('a story moved to another section leaves the front it left and joins the other', async () => {
    const id = await publish('Camel race in Sur', ids.a, ids.authorA);
    // Every story of both sections lists the moved one at its foot, as related or neighbour.
    const unrelated = '/author/omar';
    for (const path of ['/oman', '/sport', unrelated]) await get(path);
    const live = await t.app.storage.stores.articles.findById(id);
    await saveArticle(t.app.newsroom, editor, id, {
      basedOn: live?.revision ?? 0,
      changes: { sectionId: ids.b },
    });
    await transitionArticle(t.app.newsroom, editor, id, { to: 'published' });
    expect((await get(unrelated)).hit).toBe(true);
    const left = await get('/oman');
    expect(left.hit).toBe(false);
    expect(text(left)).not.toContain('Camel race in Sur');
    const joined = await get('/sport');
    expect(joined.hit).toBe(false);
    expect(text(joined)).toContain('Camel race in Sur');
  });

  it('curating the home page drops the home page only', async () => {
    for (const path of ['/', '/oman', '/sport']) await get(path);
    const { stores, publication } = t.app.site;
    await curateFront(
      { stores, clock: time.clock, publication },
      editor,
      { sectionId: null },
      {
        lead: ids.storyB,
        top: [],
      },
    );
    expect((await get('/oman')).hit).toBe(true);
    expect((await get('/sport')).hit).toBe(true);
    expect((await get('/')).hit).toBe(false);
  });

  it('an author’s new name reaches their bylines and page, not other stories', async () => {
    for (const path of ['/sport/sohar-wins-the-cup', '/oman/muscat-festival-opens', '/author/omar'])
      await get(path);
    await editAuthorProfile({ storage: t.app.storage }, editor, ids.authorB, {
      name: 'Omar Al Said',
      bio: '',
      kind: 'staff',
    });
    expect((await get('/oman/muscat-festival-opens')).hit).toBe(true);
    const story = await get('/sport/sohar-wins-the-cup');
    expect(story.hit).toBe(false);
    expect(text(story)).toContain('Omar Al Said');
    expect((await get('/author/omar')).hit).toBe(false);
  });

  it('renaming a section or changing the settings drops every page, feeds and sitemaps too', async () => {
    for (const path of ['/sport/sohar-wins-the-cup', '/rss.xml', '/sitemap.xml']) await get(path);
    const { storage, publication } = t.app;
    await changeSection({ storage, clock: time.clock, publication }, editor, {
      id: ids.b,
      name: 'Sport and Games',
    });
    const story = await get('/sport/sohar-wins-the-cup');
    expect(story.hit).toBe(false);
    expect(text(story)).toContain('Sport and Games');
    expect((await get('/sitemap.xml')).hit).toBe(false);
    await applySettings(
      { stores: storage.stores, clock: time.clock },
      publicationSettingsSchema.parse({ name: 'The Muscat Evening Post', timezone: 'Asia/Muscat' }),
    );
    const after = await get('/sport/sohar-wins-the-cup');
    expect(after.hit).toBe(false);
    expect(text(after)).toContain('The Muscat Evening Post');
  });

  it('keeps a page a minute at most, for changes no instance could announce', async () => {
    time.set('2024-04-24T09:00:00Z');
    await get('/sport');
    expect((await get('/sport')).hit).toBe(true);
    time.set('2024-04-24T09:00:59Z');
    expect((await get('/sport')).hit).toBe(true);
    time.set('2024-04-24T09:01:00Z');
    expect((await get('/sport')).hit).toBe(false);
  });

  it('a page kept yesterday is rendered again once the paper’s day changes', async () => {
    time.set('2024-04-24T19:30:00Z'); // 23:30 in Muscat
    const evening = await get('/sport/sohar-wins-the-cup');
    expect(text(evening)).toContain('April 24, 2024');
    expect((await get('/sport/sohar-wins-the-cup')).hit).toBe(true);
    time.set('2024-04-24T20:00:01Z'); // just after midnight in Muscat
    const morning = await get('/sport/sohar-wins-the-cup');
    expect(morning.hit).toBe(false);
    expect(text(morning)).toContain('April 25, 2024');
  });

  it('a story that comes down at its set time leaves its lists then, with no event', async () => {
    const id = await publish(
      'Night market tonight',
      ids.a,
      ids.authorA,
      new Date('2024-04-25T02:00:00Z'),
    );
    expect(text(await get('/oman'))).toContain('Night market tonight');
    expect((await get('/oman')).hit).toBe(true);
    time.set('2024-04-25T02:00:01Z');
    const front = await get('/oman');
    expect(front.hit).toBe(false);
    expect(text(front)).not.toContain('Night market tonight');
    expect(id).toBeGreaterThan(0);
  });

  it('never keeps search results, the newsroom or answers that are not 200', async () => {
    await get('/search?q=cup');
    expect((await get('/search?q=cup')).hit).toBe(false);
    await get('/no-such-section');
    expect((await get('/no-such-section')).hit).toBe(false);
    await get('/api/content/v1/articles');
    expect((await get('/api/content/v1/articles')).hit).toBe(false);
  });

  it('keeps one page for the same query in another order', async () => {
    await get('/oman?page=1&utm=x');
    expect((await get('/oman?utm=x&page=1')).hit).toBe(true);
  });
});

describe.each(ENGINES)('a bounded or disabled page cache on $engine', (engine) => {
  it('stays under PAGE_CACHE_MB, pushing out the least recently used pages', async () => {
    const time = movableClock('2024-04-24T08:00:00Z');
    const { t, get } = await startOnPort({ PAGE_CACHE_MB: '0.03' }, engine, time.clock);
    try {
      const { stores } = t.app.storage;
      for (const slug of ['one', 'two', 'three', 'four', 'five', 'six'])
        await stores.sections.create({ slug, name: slug, description: '', position: 0 });
      t.app.publication.invalidate();
      for (const slug of ['one', 'two', 'three', 'four', 'five', 'six']) await get(`/${slug}`);
      const stats = t.app.pages.cache.stats();
      expect(stats.evictions).toBeGreaterThan(0);
      expect(stats.bytes).toBeLessThanOrEqual(0.03 * 1024 * 1024);
      expect((await get('/six')).hit).toBe(true);
      expect((await get('/one')).hit).toBe(false);
    } finally {
      await t.close();
    }
  });

  it('keeps nothing with PAGE_CACHE_MB=0', async () => {
    const time = movableClock('2024-04-24T08:00:00Z');
    const { t, get } = await startOnPort({ PAGE_CACHE_MB: '0' }, engine, time.clock);
    try {
      const first = await get('/');
      expect(first.status).toBe(200);
      expect((await get('/')).hit).toBe(false);
      expect(t.app.pages.cache.stats()).toMatchObject({ hits: 0, entries: 0, bytes: 0 });
    } finally {
      await t.close();
    }
  });
});
