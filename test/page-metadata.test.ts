/**
 * What reader pages tell search engines, link previews and feed readers: NewsArticle and
 * BreadcrumbList JSON-LD, OpenGraph and Twitter cards, canonical addresses, feed links and the
 * CDN cache headers, on the reference article and every other kind of page.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaffMember } from './staff-fixtures.js';
import {
  loadReferenceArticle,
  REFERENCE_ARTICLE_PATH,
  startTestApp,
  type TestApp,
} from './test-app.js';

const ORIGIN = 'https://observer.example';
const ARTICLE_URL = `${ORIGIN}${REFERENCE_ARTICLE_PATH}`;

type Json = Record<string, unknown>;

/** Every JSON-LD block of a page, parsed. */
const jsonLdOf = (html: string): Json[] =>
  [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map(
    (match) => JSON.parse(match[1] ?? '{}') as Json,
  );
const blockOf = (html: string, type: string) => jsonLdOf(html).find((b) => b['@type'] === type);

/** The content of every <meta property|name="…"> with this key, in order. */
const metaValues = (html: string, key: string) =>
  [...html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)">/g)]
    .filter((match) => match[1] === key)
    .map((match) => (match[2] ?? '').replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
const metaValue = (html: string, key: string) => metaValues(html, key)[0];

const feedLinksOf = (html: string) =>
  [...html.matchAll(/<link rel="alternate" type="([^"]+)" title="[^"]*" href="([^"]+)">/g)].map(
    (match) => `${match[1]} ${match[2]}`,
  );
const siteFeeds = [
  'application/rss+xml /rss.xml',
  'application/atom+xml /atom.xml',
  'application/feed+json /feed.json',
];
const feedsUnder = (path: string) => [
  `application/rss+xml ${path}/rss.xml`,
  `application/atom+xml ${path}/atom.xml`,
  `application/feed+json ${path}/feed.json`,
];

describe('page metadata', () => {
  let t: TestApp;
  let html: string;
  let ids: { section: number; author: number; tag: number };

  beforeAll(async () => {
    t = await startTestApp({ DATELINE_NOW: '2024-04-24T08:00:00Z', PUBLIC_URL: ORIGIN });
    await loadReferenceArticle(t.app);
    // The reference story as a staff writer's, with a topic and a correction.
    const { stores, kysely } = t.app.storage;
    const author = await stores.authors.create({
      slug: 'salma-al-harthy',
      name: 'Salma Al Harthy',
      kind: 'staff',
      bio: 'Diplomatic correspondent.',
    });
    const [tag] = await stores.tags.findOrCreate(['Diplomacy']);
    await kysely
      .insertInto('article_authors')
      .values({ article_id: 1, author_id: author.id, position: 0 })
      .execute();
    await kysely
      .insertInto('article_tags')
      .values({ article_id: 1, tag_id: tag?.id ?? 0, position: 0 })
      .execute();
    const editor = await addStaffMember(t.app.storage, 'editor', 'meta@paper.example');
    await stores.corrections.add(
      1,
      {
        kind: 'correction',
        text: 'The talks were held in Moscow, not Ankara.',
        createdAt: new Date('2024-04-24T07:00:00Z'),
      },
      editor.userId,
    );
    const article = await stores.articles.findById(1);
    ids = { section: article?.section.id ?? 0, author: author.id, tag: tag?.id ?? 0 };
    html = (await t.server.inject(REFERENCE_ARTICLE_PATH)).body;
  });

  afterAll(() => t?.close());

  it('describes the reference article with every NewsArticle property the issue lists', () => {
    const article = blockOf(html, 'NewsArticle') as Json & { image: string[] };
    expect(article).toMatchObject({
      '@context': 'https://schema.org',
      headline: 'Turkiye, Russia, Iran, Syria hold "constructive talks"',
      datePublished: '2024-04-24T02:00:00.000Z',
      dateModified: expect.stringMatching(/^2024-04-24T\d\d:\d\d:\d\d\.\d{3}Z$/) as unknown,
      articleSection: 'World',
      dateline: 'ANKARA',
      isAccessibleForFree: true,
      author: [
        {
          '@type': 'Person',
          name: 'Salma Al Harthy',
          url: `${ORIGIN}/author/salma-al-harthy`,
        },
      ],
      publisher: {
        '@type': 'NewsMediaOrganization',
        name: 'The Daily Observer (test publication)',
        url: `${ORIGIN}/`,
        logo: { '@type': 'ImageObject', url: `${ORIGIN}/logo.png`, width: 512, height: 512 },
      },
      correction: [
        {
          '@type': 'CorrectionComment',
          text: 'The talks were held in Moscow, not Ankara.',
          datePublished: '2024-04-24T07:00:00.000Z',
        },
      ],
    });
    expect(article.description).toMatch(/^The defence ministers/);
    expect(article.image).toHaveLength(3);
    const [wide, standard, square] = article.image;
    expect(wide).toMatch(new RegExp(`^${ORIGIN}/media/.+/16x9-[^/]+\\.jpg$`));
    expect(standard).toMatch(new RegExp(`^${ORIGIN}/media/.+/4x3-[^/]+\\.jpg$`));
    expect(square).toMatch(new RegExp(`^${ORIGIN}/media/.+/1x1-[^/]+\\.jpg$`));
  });

  it('gives the article its breadcrumbs: home, section, story', () => {
    expect(blockOf(html, 'BreadcrumbList')?.itemListElement).toEqual([
      {
        '@type': 'ListItem',
        position: 1,
        name: 'The Daily Observer (test publication)',
        item: `${ORIGIN}/`,
      },
      { '@type': 'ListItem', position: 2, name: 'World', item: `${ORIGIN}/world` },
      {
        '@type': 'ListItem',
        position: 3,
        name: 'Turkiye, Russia, Iran, Syria hold "constructive talks"',
        item: ARTICLE_URL,
      },
    ]);
  });

  it('gives link previews the story, its lead photo’s social crop and its article facts', () => {
    const headline = 'Turkiye, Russia, Iran, Syria hold "constructive talks"';
    expect(html).toContain(`<link rel="canonical" href="${ARTICLE_URL}">`);
    expect(metaValue(html, 'og:site_name')).toBe('The Daily Observer (test publication)');
    expect(metaValue(html, 'og:type')).toBe('article');
    expect(metaValue(html, 'og:title')).toBe(headline);
    expect(metaValue(html, 'og:description')).toMatch(/^The defence ministers/);
    expect(metaValue(html, 'og:url')).toBe(ARTICLE_URL);
    expect(metaValue(html, 'og:locale')).toBe('en');
    expect(metaValue(html, 'og:image')).toMatch(
      new RegExp(`^${ORIGIN}/media/.+/social-[^/]+-1200\\.jpg$`),
    );
    expect(metaValue(html, 'og:image:width')).toBe('1200');
    expect(metaValue(html, 'og:image:height')).toBe('628');
    const alt = 'Delegations seated at a long meeting table in Moscow';
    expect(metaValue(html, 'og:image:alt')).toBe(alt);
    expect(metaValue(html, 'article:published_time')).toBe('2024-04-24T02:00:00.000Z');
    expect(metaValue(html, 'article:modified_time')).toMatch(/^2024-04-24T/);
    expect(metaValue(html, 'article:section')).toBe('World');
    expect(metaValues(html, 'article:tag')).toEqual(['Diplomacy']);
    expect(metaValues(html, 'article:author')).toEqual([`${ORIGIN}/author/salma-al-harthy`]);
    expect(metaValue(html, 'twitter:card')).toBe('summary_large_image');
    expect(metaValue(html, 'twitter:title')).toBe(headline);
    expect(metaValue(html, 'twitter:description')).toMatch(/^The defence ministers/);
    expect(metaValue(html, 'twitter:image')).toBe(metaValue(html, 'og:image'));
    expect(metaValue(html, 'twitter:image:alt')).toBe(alt);
  });

  it('serves the social crop it names as a 1200 × 628 JPEG', async () => {
    const path = (metaValue(html, 'og:image') ?? '').slice(ORIGIN.length);
    const response = await t.server.inject(path);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/jpeg');
    const { width, height } = await sharp(response.rawPayload).metadata();
    expect([width, height]).toEqual([1200, 628]);
  });

  it('serves the publisher logo as a 512 × 512 PNG', async () => {
    const response = await t.server.inject('/logo.png');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    const { format, width, height } = await sharp(response.rawPayload).metadata();
    expect([format, width, height]).toEqual(['png', 512, 512]);
  });

  it('links the article page to its section’s feeds and the site’s', () => {
    expect(feedLinksOf(html)).toEqual([...feedsUnder('/world'), ...siteFeeds]);
  });

  it('links only feeds that answer, in the type the link announces', async () => {
    const pages = ['/', '/world', '/topic/diplomacy', '/author/salma-al-harthy'];
    for (const page of pages) {
      for (const link of feedLinksOf((await t.server.inject(page)).body)) {
        const [type = '', path = ''] = link.split(' ');
        const feed = await t.server.inject(path);
        expect(feed.statusCode, `${page} → ${path}`).toBe(200);
        expect(feed.headers['content-type'], `${page} → ${path}`).toMatch(
          new RegExp(`^${type.replace('+', '\\+')}`),
        );
      }
    }
  });

  it('describes the home page as a WebSite with a search action that works', async () => {
    const home = (await t.server.inject('/')).body;
    expect(home).toContain(`<link rel="canonical" href="${ORIGIN}/">`);
    expect(metaValue(home, 'og:type')).toBe('website');
    expect(feedLinksOf(home)).toEqual(siteFeeds);
    const site = blockOf(home, 'WebSite');
    expect(site).toMatchObject({
      url: `${ORIGIN}/`,
      potentialAction: {
        '@type': 'SearchAction',
        target: { urlTemplate: `${ORIGIN}/search?q={search_term_string}` },
        'query-input': 'required name=search_term_string',
      },
    });
    const search = await t.server.inject('/search?q=constructive');
    expect(search.statusCode).toBe(200);
    expect(search.body).toContain(REFERENCE_ARTICLE_PATH);
  });

  it('gives section, topic and author pages their own title, canonical, card and structured data', async () => {
    const pages = [
      { path: '/world', type: 'CollectionPage', og: 'website', title: 'World', feeds: '/world' },
      {
        path: '/topic/diplomacy',
        type: 'CollectionPage',
        og: 'website',
        title: 'Diplomacy',
        feeds: '/topic/diplomacy',
      },
      {
        path: '/author/salma-al-harthy',
        type: 'ProfilePage',
        og: 'profile',
        title: 'Salma Al Harthy',
        feeds: '/author/salma-al-harthy',
      },
    ];
    for (const page of pages) {
      const body = (await t.server.inject(page.path)).body;
      expect(body, page.path).toContain(`<title>${page.title} — The Daily Observer`);
      expect(body, page.path).toContain(`<link rel="canonical" href="${ORIGIN}${page.path}">`);
      expect(metaValue(body, 'og:type'), page.path).toBe(page.og);
      expect(metaValue(body, 'og:title'), page.path).toBe(page.title);
      expect(metaValue(body, 'og:url'), page.path).toBe(`${ORIGIN}${page.path}`);
      expect(blockOf(body, page.type), page.path).toMatchObject({ url: `${ORIGIN}${page.path}` });
      expect(feedLinksOf(body), page.path).toEqual([...feedsUnder(page.feeds), ...siteFeeds]);
    }
    const author = blockOf((await t.server.inject('/author/salma-al-harthy')).body, 'ProfilePage');
    expect(author?.mainEntity).toMatchObject({ '@type': 'Person', name: 'Salma Al Harthy' });
    const section = (await t.server.inject('/world')).body;
    expect(blockOf(section, 'BreadcrumbList')?.itemListElement).toHaveLength(2);
  });

  it('tags each page for the CDN with the keys of what it shows', async () => {
    const cases = [
      {
        path: REFERENCE_ARTICLE_PATH,
        keys: [
          'site',
          'article-1',
          `section-${ids.section}`,
          `tag-${ids.tag}`,
          `author-${ids.author}`,
          // Its foot lists the section's newest: a new story there changes it.
          `section-list-${ids.section}`,
        ],
      },
      // Lists: what they are of (its name, its list), then every story they show.
      { path: '/', keys: ['site', 'home', 'article-1'] },
      {
        path: '/world',
        keys: ['site', `section-${ids.section}`, `section-list-${ids.section}`, 'article-1'],
      },
      {
        path: '/topic/diplomacy',
        keys: ['site', `tag-${ids.tag}`, `tag-list-${ids.tag}`, 'article-1'],
      },
      {
        path: '/author/salma-al-harthy',
        keys: ['site', `author-${ids.author}`, `author-list-${ids.author}`, 'article-1'],
      },
      { path: '/search?q=talks', keys: ['site', 'latest'] },
    ];
    for (const { path, keys } of cases) {
      const { headers } = await t.server.inject(path);
      expect(headers['cache-control'], path).toBe(
        'public, max-age=60, s-maxage=3600, stale-while-revalidate=86400',
      );
      expect(headers['surrogate-key'], path).toBe(keys.join(' '));
      expect(headers['cache-tag'], path).toBe(keys.join(','));
    }
  });

  it('lets the CDN keep a missing page a minute, and never keeps a bad request', async () => {
    const missing = await t.server.inject('/world/no-such-story');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['cache-control']).toBe(
      'public, max-age=0, s-maxage=60, stale-while-revalidate=0',
    );
    expect(missing.headers['surrogate-key']).toBe('site latest');
    expect(missing.body).toContain('<meta name="robots" content="noindex">');
    const bad = await t.server.inject({ url: '/world?page=0', headers: { accept: 'text/html' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['cache-control']).toBe('no-store');
    expect(bad.headers['surrogate-key']).toBeUndefined();
  });
});
