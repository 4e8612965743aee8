/**
 * Feeds (RSS, Atom, JSON Feed) and sitemaps through HTTP, on both engines: what they list,
 * their dates, photos and escaping, and that embargoed, draft and killed stories never show.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BodyDocument } from '../src/domain/body/body-document.js';
import { applySettings } from '../src/services/apply-settings.js';
import { publicationSettingsSchema } from '../src/domain/publication/publication-settings.js';
import { killArticle } from '../src/services/articles/transition-article.js';
import { loadPublicationSettings } from '../src/services/publication-cache.js';
import type { NewArticle } from '../src/services/ports.js';
import { mediaRecord } from '../src/services/fakes/media-record.js';
import { addStaffMember } from './staff-fixtures.js';
import { startTestApp, type TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';

const NOW = '2024-04-24T08:00:00Z';
const ORIGIN = 'https://news.example';
const HEADLINE = 'Oil & gas <talks> resume\u0007 in Muscat';
const ESCAPED_HEADLINE = 'Oil &amp; gas &lt;talks&gt; resume in Muscat';

const body = (...texts: string[]): BodyDocument => ({
  type: 'doc',
  content: [
    ...texts.map((text) => ({
      type: 'paragraph' as const,
      content: [{ type: 'text' as const, text }],
    })),
    { type: 'embed', attrs: { provider: 'youtube', url: 'https://youtu.be/dQw4w9WgXcQ' } },
  ],
});

const items = (xml: string, tag: string) => xml.split(`<${tag}>`).slice(1);
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);

describe.each(ENGINES)('feeds and sitemaps on $engine', ({ create }) => {
  let t: TestApp;
  let killedId: number;
  let leadPath: string;
  const get = (url: string, headers: Record<string, string> = {}) =>
    t.server.inject({ url, headers });

  beforeAll(async () => {
    t = await startTestApp({ DATELINE_NOW: NOW, PUBLIC_URL: ORIGIN }, await create());
    const { stores } = t.app.storage;
    await applySettings(
      { stores, clock: t.app.clock },
      publicationSettingsSchema.parse({
        name: 'The Gulf Ledger',
        timezone: 'Asia/Muscat',
        locale: 'en-GB',
        embeds: { allowedProviders: ['youtube'] },
      }),
    );
    const world = await stores.sections.create({
      slug: 'world',
      name: 'World',
      description: '',
      position: 1,
    });
    const oman = await stores.sections.create({
      slug: 'oman',
      name: 'Oman',
      description: '',
      position: 2,
    });
    t.app.publication.invalidate();
    const jane = await stores.authors.create({
      slug: 'jane-doe',
      name: 'Jane Doe',
      kind: 'staff',
      bio: '',
    });
    const [energy] = await stores.tags.findOrCreate(['Energy']);
    const photo = await stores.media.create(
      mediaRecord({
        originalName: 'rig.jpg',
        width: 2400,
        height: 1600,
        caption: 'The rig',
        credit: 'Ledger Photo',
      }),
      new Date(NOW),
    );
    const story = (fields: Partial<NewArticle> & { slug: string }): NewArticle => ({
      sectionId: oman.id,
      headline: fields.slug,
      standfirst: '',
      dateline: '',
      body: body('A paragraph.'),
      lead: null,
      signOff: '',
      status: 'published',
      publishedAt: new Date('2024-04-01T00:00:00Z'),
      seoTitle: '',
      seoDescription: '',
      authorIds: [],
      tagIds: [],
      ...fields,
    });
    const created = new Date('2024-03-01T00:00:00Z');
    // 55 older stories in Oman, every 12 hours back from the 23rd: late March and April.
    for (let i = 0; i < 55; i++) {
      const publishedAt = new Date(Date.parse('2024-04-23T00:00:00Z') - i * 12 * 3600_000);
      await stores.articles.create(story({ slug: `filler-${i}`, publishedAt }), created);
    }
    await stores.articles.create(
      story({
        slug: 'oil-talks',
        sectionId: world.id,
        headline: HEADLINE,
        standfirst: 'Talks on the pipeline resumed.',
        body: body('The first paragraph.', 'The second paragraph.'),
        lead: {
          mediaId: photo.id,
          caption: 'The rig at dawn',
          credit: 'Ledger Photo',
          alt: 'A rig',
        },
        publishedAt: new Date('2024-04-24T06:00:00Z'),
        authorIds: [jane.id],
        tagIds: [energy!.id],
      }),
      created,
    );
    leadPath = '/world/oil-talks';
    await stores.articles.create(
      story({
        slug: 'embargoed-budget',
        publishedAt: new Date('2024-04-24T09:00:00Z'),
        authorIds: [jane.id],
      }),
      created,
    );
    await stores.articles.create(
      story({ slug: 'draft-story', status: 'draft', publishedAt: null }),
      created,
    );
    killedId = await stores.articles.create(
      story({
        slug: 'doomed-story',
        sectionId: world.id,
        publishedAt: new Date('2024-04-24T05:00:00Z'),
      }),
      created,
    );
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('the site feed', () => {
    it('serves RSS 2.0 with the newest 50 visible stories, dates in RFC 822 and the lead photo', async () => {
      const response = await get('/rss.xml');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
      expect(response.headers['cache-control']).toMatch(/public, max-age=300, s-maxage=3600/);
      expect(String(response.headers['surrogate-key'])).toContain('feeds');
      expect(String(response.headers['surrogate-key'])).toContain('article-');
      const rss = response.body;
      expect(rss).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0"/);
      const entries = items(rss, 'item');
      expect(entries).toHaveLength(50);
      expect(entries[0]).toContain(`<title>${ESCAPED_HEADLINE}</title>`);
      expect(entries[0]).toContain(`<link>${ORIGIN}${leadPath}</link>`);
      expect(entries[0]).toContain('<pubDate>Wed, 24 Apr 2024 06:00:00 +0000</pubDate>');
      expect(entries[0]).toMatch(
        /<guid isPermaLink="false">tag:news\.example,2024-03-01:article\/\d+<\/guid>/,
      );
      expect(entries[0]).toMatch(
        new RegExp(
          `<enclosure url="${ORIGIN}/media/[0-9a-f]{2}/[0-9a-f]{32}/original-1280\\.jpg" type="image/jpeg" length="0"/>`,
        ),
      );
      expect(entries[0]).toContain('<media:credit>Ledger Photo</media:credit>');
      expect(entries[0]).toContain(
        '<media:description type="plain">The rig at dawn</media:description>',
      );
      expect(entries[0]).toContain('<dc:creator>Jane Doe</dc:creator>');
      expect(entries[0]).toContain('<category>World</category><category>Energy</category>');
      // The story killed at the end of this suite is still up: it comes second (05:00).
      expect(entries[1]).toContain('doomed-story');
      expect(rss).not.toContain('embargoed-budget');
      expect(rss).not.toContain('draft-story');
      expect(rss).not.toContain('\u0007');
    });

    it('carries the whole text, embeds as links and never as frames', async () => {
      const first = items((await get('/rss.xml')).body, 'item')[0]!;
      expect(first).toContain('<description>Talks on the pipeline resumed.</description>');
      expect(first).toContain('<content:encoded>&lt;p&gt;The first paragraph.&lt;/p&gt;');
      expect(first).toContain('youtu');
      expect(first).not.toContain('iframe');
    });

    it('serves Atom 1.0 with RFC 3339 dates and the photo as an enclosure link', async () => {
      const response = await get('/atom.xml');
      expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
      const entries = items(response.body, 'entry');
      expect(entries).toHaveLength(50);
      expect(entries[0]).toContain('<published>2024-04-24T06:00:00Z</published>');
      expect(entries[0]).toContain(`<title type="text">${ESCAPED_HEADLINE}</title>`);
      expect(entries[0]).toMatch(
        /<link rel="enclosure" type="image\/jpeg" href="https:\/\/news\.example\/media\//,
      );
      expect(entries[0]).toContain(
        `<author><name>Jane Doe</name><uri>${ORIGIN}/author/jane-doe</uri></author>`,
      );
      expect(response.body).toContain(
        `<link rel="self" type="application/atom+xml" href="${ORIGIN}/atom.xml"/>`,
      );
    });

    it('serves JSON Feed 1.1 with the image, an attachment and the categories', async () => {
      const response = await get('/feed.json');
      expect(response.headers['content-type']).toBe('application/feed+json; charset=utf-8');
      const feed = response.json<{
        version: string;
        feed_url: string;
        items: Record<string, unknown>[];
      }>();
      expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
      expect(feed.feed_url).toBe(`${ORIGIN}/feed.json`);
      expect(feed.items).toHaveLength(50);
      const [first] = feed.items;
      expect(first).toMatchObject({
        url: `${ORIGIN}${leadPath}`,
        date_published: '2024-04-24T06:00:00Z',
        summary: 'Talks on the pipeline resumed.',
        tags: ['World', 'Energy'],
        authors: [{ name: 'Jane Doe', url: `${ORIGIN}/author/jane-doe` }],
      });
      expect(first!.title).toBe('Oil & gas <talks> resume\u0007 in Muscat');
      expect(String(first!.image)).toMatch(/^https:\/\/news\.example\/media\/.*\.jpg$/);
      expect(first!.attachments).toEqual([expect.objectContaining({ mime_type: 'image/jpeg' })]);
      expect(String(first!.content_html)).toContain('<p>The first paragraph.</p>');
    });

    it('answers 304 to a poller that already has this version', async () => {
      const first = await get('/rss.xml');
      const etag = String(first.headers.etag);
      expect(first.headers['last-modified']).toBeDefined();
      const again = await get('/rss.xml', { 'if-none-match': etag });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
    });
  });

  describe('feeds of a section, a topic and an author', () => {
    it('keep to the section', async () => {
      const oman = items((await get('/oman/rss.xml')).body, 'item');
      expect(oman).toHaveLength(50);
      expect(oman.every((item) => item.includes('<category>Oman</category>'))).toBe(true);
      const world = (await get('/world/feed.json')).json<{ items: { url: string }[] }>();
      expect(world.items.map((i) => i.url)).toEqual([
        `${ORIGIN}${leadPath}`,
        `${ORIGIN}/world/doomed-story`,
      ]);
      expect((await get('/world/atom.xml')).body).toContain(`href="${ORIGIN}/world/atom.xml"`);
    });

    it('keep to the topic and to the author, embargo kept', async () => {
      const topic = items((await get('/topic/energy/atom.xml')).body, 'entry');
      expect(topic).toHaveLength(1);
      const author = (await get('/author/jane-doe/feed.json')).json<{ items: { url: string }[] }>();
      expect(author.items.map((i) => i.url)).toEqual([`${ORIGIN}${leadPath}`]);
    });

    it('answer 404 for what does not exist, and leave article pages alone', async () => {
      expect((await get('/nowhere/rss.xml')).statusCode).toBe(404);
      expect((await get('/topic/nothing/feed.json')).statusCode).toBe(404);
      expect((await get('/author/nobody/atom.xml')).statusCode).toBe(404);
      const page = await get(leadPath);
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
    });
  });

  it('gives summaries only when the publication turns full text off', async () => {
    const deps = { stores: t.app.storage.stores, clock: t.app.clock };
    const settings = await loadPublicationSettings(deps.stores);
    await applySettings(deps, { ...settings, feeds: { fullText: false } });
    t.app.publication.invalidate();
    try {
      const rss = (await get('/rss.xml')).body;
      expect(rss).not.toContain('<content:encoded>');
      const feed = (await get('/feed.json')).json<{ items: Record<string, unknown>[] }>();
      expect(feed.items[0]).toMatchObject({ content_text: 'Talks on the pipeline resumed.' });
      expect(feed.items[0]!.content_html).toBeUndefined();
    } finally {
      await applySettings(deps, settings);
      t.app.publication.invalidate();
    }
    expect((await get('/rss.xml')).body).toContain('<content:encoded>');
  });

  describe('sitemaps', () => {
    it('index the months, sections, topics and authors, each with lastmod', async () => {
      const response = await get('/sitemap.xml');
      expect(response.headers['content-type']).toBe('application/xml; charset=utf-8');
      expect(locs(response.body)).toEqual([
        `${ORIGIN}/sitemaps/articles-2024-03.xml`,
        `${ORIGIN}/sitemaps/articles-2024-04.xml`,
        `${ORIGIN}/sitemaps/sections.xml`,
        `${ORIGIN}/sitemaps/tags.xml`,
        `${ORIGIN}/sitemaps/authors.xml`,
      ]);
      expect(
        items(response.body, 'sitemap').every((s) =>
          /<lastmod>\d{4}-\d\d-\d\dT[\d:]+Z<\/lastmod>/.test(s),
        ),
      ).toBe(true);
    });

    it('list a month’s visible stories with lastmod and the lead photo', async () => {
      const april = (await get('/sitemaps/articles-2024-04.xml')).body;
      expect(april).toContain('xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"');
      const urls = locs(april);
      expect(urls).toContain(`${ORIGIN}${leadPath}`);
      expect(urls.some((u) => u?.includes('embargoed') || u?.includes('draft'))).toBe(false);
      const lead = items(april, 'url').find((u) => u.includes(leadPath))!;
      expect(lead).toContain('<lastmod>2024-04-24T06:00:00Z</lastmod>');
      expect(lead).toMatch(
        /<image:image><image:loc>https:\/\/news\.example\/media\/.*original-1280\.jpg<\/image:loc><\/image:image>/,
      );
      const march = locs((await get('/sitemaps/articles-2024-03.xml')).body);
      expect(march.length + urls.length).toBe(57);
    });

    it('list the home page and section fronts, topics and authors', async () => {
      expect(locs((await get('/sitemaps/sections.xml')).body)).toEqual([
        `${ORIGIN}/`,
        `${ORIGIN}/world`,
        `${ORIGIN}/oman`,
      ]);
      expect(locs((await get('/sitemaps/tags.xml')).body)).toEqual([`${ORIGIN}/topic/energy`]);
      expect(locs((await get('/sitemaps/authors.xml')).body)).toEqual([
        `${ORIGIN}/author/jane-doe`,
      ]);
    });

    it('answer 404 for a month without stories or a name never given', async () => {
      expect((await get('/sitemaps/articles-2023-01.xml')).statusCode).toBe(404);
      expect((await get('/sitemaps/articles-2024-04-2.xml')).statusCode).toBe(404);
      expect((await get('/sitemaps/passwords.xml')).statusCode).toBe(404);
    });

    it('give Google News the last 48 hours with the publication’s name and language', async () => {
      const news = (await get('/news-sitemap.xml')).body;
      const urls = locs(news);
      expect(urls[0]).toBe(`${ORIGIN}${leadPath}`);
      // Since 08:00 on the 22nd: the two stories of the 24th and fillers of the 22nd (12:00), 23rd.
      expect(urls).toHaveLength(4);
      expect(news).toContain(
        '<news:publication><news:name>The Gulf Ledger</news:name><news:language>en</news:language></news:publication>',
      );
      expect(news).toContain('<news:publication_date>2024-04-24T06:00:00Z</news:publication_date>');
      expect(news).toContain(`<news:title>${ESCAPED_HEADLINE}</news:title>`);
    });

    it('are named in robots.txt with absolute URLs', async () => {
      const robots = await get('/robots.txt');
      expect(robots.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(robots.body).toContain(`Sitemap: ${ORIGIN}/sitemap.xml\n`);
      expect(robots.body).toContain(`Sitemap: ${ORIGIN}/news-sitemap.xml\n`);
    });
  });

  it('drops a killed story from every feed and sitemap at once', async () => {
    expect((await get('/world/rss.xml')).body).toContain('doomed-story');
    const chief = await addStaffMember(t.app.storage, 'editor_in_chief', 'chief@news.example');
    await killArticle(t.app.newsroom, chief, killedId);
    for (const url of [
      '/rss.xml',
      '/world/atom.xml',
      '/feed.json',
      '/sitemaps/articles-2024-04.xml',
      '/news-sitemap.xml',
    ]) {
      expect((await get(url)).body, url).not.toContain('doomed-story');
    }
  });
});
