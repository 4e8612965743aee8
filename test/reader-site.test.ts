import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySettings } from '../src/services/apply-settings.js';
import { publicationSettingsSchema } from '../src/domain/publication/publication-settings.js';
import { importArticles } from '../src/services/import-articles.js';
import { saveArticle } from '../src/services/articles/save-article.js';
import { transitionArticle } from '../src/services/articles/transition-article.js';
import { startReplayServer, type ReplayServer } from './replay-server.js';
import { addStaffMember } from './staff-fixtures.js';
import { referencePath, readReferenceJson } from './reference-data.js';
import {
  loadReferenceArticle,
  REFERENCE_ARTICLE_PATH,
  startTestApp,
  type TestApp,
} from './test-app.js';

const text = (html: string) =>
  html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

const waitFor = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 100 && !(await check()); i++) await new Promise((r) => setTimeout(r, 20));
};

describe('the reference article page', () => {
  let weather: ReplayServer;
  let t: TestApp;
  let html: string;

  beforeAll(async () => {
    const owm = readReferenceJson('vectors', 'weather-owm-muscat.json') as {
      sample_response: unknown;
    };
    weather = await startReplayServer({ '/data/2.5/weather': { body: owm.sample_response } });
    t = await startTestApp({
      DATELINE_NOW: '2024-04-24T08:00:00Z',
      OPENWEATHERMAP_API_KEY: 'test-key',
      OPENWEATHERMAP_BASE_URL: weather.baseUrl,
    });
    const report = await loadReferenceArticle(t.app);
    expect(report).toEqual({ imported: [{ id: 1, url: REFERENCE_ARTICLE_PATH }], failed: [] });
    // The first page starts the weather fetch in the background and never waits for it.
    await t.server.inject(REFERENCE_ARTICLE_PATH);
    await waitFor(async () =>
      (await t.server.inject(REFERENCE_ARTICLE_PATH)).body.includes('scattered clouds'),
    );
    html = (await t.server.inject(REFERENCE_ARTICLE_PATH)).body;
  });

  afterAll(async () => {
    await t?.close();
    await weather?.close();
  });

  it('reads exactly like the reference masthead, in Muscat time, with the paper’s −1 Hijri adjustment', () => {
    const dateBar = /<p class="masthead-date">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
    expect(text(dateBar)).toBe('Wednesday, April 24, 2024 | Shawwal 14, 1445 H');
  });

  it('shows the weather, the label and the editor-in-chief', () => {
    const page = text(html);
    expect(page).toContain('scattered clouds');
    expect(page).toContain('OMAN');
    expect(page).toMatch(/high 33°C \/ low 33°C/);
    expect(page).toContain('Editor in Chief: Abdullah bin Salim Al Shueili');
    expect(weather.requests[0]?.searchParams.get('units')).toBe('metric');
  });

  it('shows section, headline, one caption with its credit, and alt text as its own attribute', () => {
    expect(html).toContain('<p class="kicker"><a href="/world">World</a></p>');
    expect(html).toContain(
      '<h1>Turkiye, Russia, Iran, Syria hold &quot;constructive talks&quot;</h1>',
    );
    const caption =
      'Negotiators and officials attend a meeting of defence ministers of Russia, Iran, Syria and Turkey in Moscow, Russia.';
    expect(count(html, caption)).toBe(1);
    expect(html).toMatch(
      /<figcaption>Negotiators[^<]*<span class="credit"> — Reuters<\/span><\/figcaption>/,
    );
    expect(html).toContain('alt="Delegations seated at a long meeting table in Moscow"');
    expect(html).toMatch(/<img [^>]*fetchpriority="high"/);
    expect(html).toMatch(/<source type="image\/webp" srcset="\/media\/[^"]+ 480w/);
  });

  it('puts the dateline in capitals before the first paragraph and the sign-off after the last', () => {
    expect(html).toContain('<p><span class="dateline">ANKARA:</span> The defence ministers');
    expect(count(html, '<span class="dateline">')).toBe(1);
    const body = /<div class="story-body">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
    expect(count(body, '<p>')).toBe(14);
    expect(html).toMatch(
      /foreign ministers&#39; meeting\.<\/p><\/div><p class="sign-off">— Agencies<\/p>/,
    );
  });

  it('shows when it was published, in the publication’s time zone, and no update that did not happen', () => {
    expect(html).toContain(
      'Published <a href="/2024/04/24/"><time datetime="2024-04-24T02:00:00.000Z">24 April 2024 at 06:00</time></a>',
    );
    expect(html).not.toContain('Updated');
  });

  it('has named text size buttons, share links, back to top and home', () => {
    expect(html).toContain('A−<span class="visually-hidden"> Decrease text size</span>');
    expect(html).toContain('A+<span class="visually-hidden"> Increase text size</span>');
    const url = encodeURIComponent(`http://localhost:80${REFERENCE_ARTICLE_PATH}`);
    for (const service of [
      'https://wa.me/',
      'https://x.com/intent/post',
      'https://www.facebook.com/sharer',
      'https://www.linkedin.com/sharing',
      'https://t.me/share',
      'mailto:',
    ]) {
      expect(html).toContain(service);
    }
    expect(html).toContain(url);
    expect(html).toContain('data-copy-link');
    expect(html).toMatch(/<a href="#top">.*Back to top<\/a>/);
    expect(html).toMatch(/<a href="\/">.*Home<\/a>/);
  });

  it('is an accessible document: language, skip link, landmarks, one h1', () => {
    expect(html).toMatch(/^<!DOCTYPE html><html lang="en">/);
    expect(html).toContain('<a class="skip-link" href="#main">');
    expect(html).toContain('<main id="main"');
    expect(html).toContain('<nav class="sections" aria-label="Sections">');
    expect(count(html, '<h1')).toBe(1);
  });

  it('sends a strict content security policy and stays small', async () => {
    const response = await t.server.inject(REFERENCE_ARTICLE_PATH);
    expect(response.headers['content-security-policy']).toMatch(
      /script-src 'sha256-[^']+' 'sha256-[^']+'/,
    );
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(Buffer.byteLength(response.body)).toBeLessThan(50_000);
  });

  it('carries the masthead on the home page, the section front and the 404 page', async () => {
    for (const [path, status] of [
      ['/', 200],
      ['/world', 200],
      ['/world/no-such-story', 404],
      ['/no-such-section', 404],
    ] as const) {
      const response = await t.server.inject(path);
      expect(response.statusCode, path).toBe(status);
      expect(text(response.body), path).toContain('Wednesday, April 24, 2024 | Shawwal 14, 1445 H');
    }
  });

  it('describes the article to search engines as a NewsArticle', () => {
    const block = /<script type="application\/ld\+json">(.*?)<\/script>/.exec(html)?.[1] ?? '{}';
    const data = JSON.parse(block) as Record<string, unknown>;
    expect(data).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Turkiye, Russia, Iran, Syria hold "constructive talks"',
      datePublished: '2024-04-24T02:00:00.000Z',
      dateline: 'ANKARA',
      articleSection: 'World',
      publisher: {
        '@type': 'NewsMediaOrganization',
        name: 'The Daily Observer (test publication)',
      },
    });
    expect(data.correction).toBeUndefined();
  });

  it('sends an article requested under the wrong section to its own address', async () => {
    const response = await t.server.inject(
      '/sport/turkiye-russia-iran-syria-hold-constructive-talks',
    );
    expect(response.statusCode).toBe(301);
    expect(response.headers.location).toBe(REFERENCE_ARTICLE_PATH);
  });
});

describe('the reader site over time', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ DATELINE_NOW: '2024-04-24T08:00:00Z' });
    await loadReferenceArticle(t.app);
  });

  afterAll(() => t?.close());

  it('keeps the old address working when the headline changes', async () => {
    // Retitled as the desk does it: saved as the next version, then published on purpose.
    const editor = await addStaffMember(t.app.storage, 'editor', 'retitle@paper.example');
    const headline = 'Four nations hold talks in Moscow';
    const slug = 'four-nations-hold-talks-in-moscow';
    await saveArticle(t.app.newsroom, editor, 1, {
      basedOn: await t.app.storage.stores.revisions.latestNumber(1),
      changes: { headline, slug },
      kind: 'save',
    });
    expect(await t.server.inject(REFERENCE_ARTICLE_PATH)).toMatchObject({ statusCode: 200 });
    await transitionArticle(t.app.newsroom, editor, 1, { to: 'published' });
    const old = await t.server.inject(REFERENCE_ARTICLE_PATH);
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe('/world/four-nations-hold-talks-in-moscow');
    const moved = await t.server.inject('/world/four-nations-hold-talks-in-moscow');
    expect(moved.statusCode).toBe(200);
    expect(moved.body).toContain('<h1>Four nations hold talks in Moscow</h1>');
  });

  it('shows a correction at the foot of the article and in its metadata', async () => {
    const editor = await addStaffMember(t.app.storage, 'editor', 'desk@paper.example');
    const article = await t.app.storage.stores.articles.findBySlug(
      'four-nations-hold-talks-in-moscow',
    );
    await t.app.storage.stores.corrections.add(
      article?.id ?? 0,
      {
        kind: 'correction',
        text: 'The talks were held on Tuesday, not Monday.',
        createdAt: new Date('2024-04-24T07:00:00Z'),
      },
      editor.userId,
    );
    const page = (await t.server.inject('/world/four-nations-hold-talks-in-moscow')).body;
    expect(page).toMatch(
      /<aside class="corrections"[\s\S]*The talks were held on Tuesday, not Monday\./,
    );
    expect(page).toContain(
      '"correction":[{"@type":"CorrectionComment","text":"The talks were held on Tuesday, not Monday.","datePublished":"2024-04-24T07:00:00.000Z"}]',
    );
  });

  it('keeps an embargoed story off every page until its time', async () => {
    const report = await importArticles(t.app.importDeps(referencePath('seed')), {
      headline: 'Embargoed until Thursday',
      section: 'World',
      body: ['Not yet.'],
      publishedAt: '2024-04-25T06:00:00+04:00',
    });
    const path = report.imported[0]?.url ?? '';
    expect((await t.server.inject(path)).statusCode).toBe(404);
    expect((await t.server.inject('/')).body).not.toContain('Embargoed until Thursday');
    expect((await t.server.inject('/world')).body).not.toContain('Embargoed until Thursday');
  });

  it('escapes what writers type: a headline cannot inject markup', async () => {
    const report = await importArticles(t.app.importDeps(referencePath('seed')), {
      headline: 'Tags like <script>alert(1)</script> stay text',
      section: 'World',
      publishedAt: '2024-04-24T05:00:00+04:00',
      body: '<p onclick="x()">Hi <script>alert(2)</script><a href="javascript:alert(3)">link</a></p>',
      bodyFormat: 'html',
    });
    const page = (await t.server.inject(report.imported[0]?.url ?? '')).body;
    expect(page).toContain('Tags like &lt;script&gt;alert(1)&lt;/script&gt; stay text');
    expect(page).not.toMatch(/<script>alert|onclick=|javascript:/);
  });

  it('pages through a section front and refuses a page that does not exist', async () => {
    const settings = readReferenceJson('seed', 'publication.json') as object;
    await applySettings(
      { stores: t.app.storage.stores, clock: t.app.clock },
      publicationSettingsSchema.parse({ ...settings, articlesPerPage: 5 }),
    );
    const items = Array.from({ length: 7 }, (_, i) => ({
      headline: `Match report ${i + 1}`,
      section: 'Sport',
      body: ['Goal.'],
      publishedAt: `2024-04-2${i % 3}T0${i}:00:00+04:00`,
    }));
    expect((await importArticles(t.app.importDeps(referencePath('seed')), items)).failed).toEqual(
      [],
    );
    t.app.publication.invalidate();
    const first = await t.server.inject('/sport');
    expect(count(first.body, '<li class="card">')).toBe(5);
    expect(first.body).toContain('href="/sport?page=2" rel="next"');
    const second = await t.server.inject('/sport?page=2');
    expect(count(second.body, '<li class="card">')).toBe(2);
    expect(second.body).toContain('href="/sport" rel="prev"');
    expect((await t.server.inject('/sport?page=3')).statusCode).toBe(404);
    const bad = await t.server.inject({ url: '/sport?page=abc', headers: { accept: 'text/html' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('page: must be a whole number from 1');
    const badJson = await t.server.inject({
      url: '/sport?page=0',
      headers: { accept: 'application/json' },
    });
    expect(badJson.json()).toEqual({ error: 'page: must be a whole number from 1', field: 'page' });
  });

  it('counts a long section only ten pages ahead: page 1 of a big archive says "Page 1"', async () => {
    const settings = readReferenceJson('seed', 'publication.json') as object;
    await applySettings(
      { stores: t.app.storage.stores, clock: t.app.clock },
      publicationSettingsSchema.parse({ ...settings, articlesPerPage: 5 }),
    );
    const items = Array.from({ length: 56 }, (_, i) => ({
      headline: `Market report ${i + 1}`,
      section: 'Business',
      body: ['Shares rose.'],
      publishedAt: new Date(Date.UTC(2024, 3, 1, 0, i)).toISOString(),
    }));
    expect((await importArticles(t.app.importDeps(referencePath('seed')), items)).failed).toEqual(
      [],
    );
    t.app.publication.invalidate();
    const text = async (url: string) => (await t.server.inject(url)).body;
    const first = await text('/business');
    expect(first).toContain('<span>Page 1</span>');
    expect(first).toContain('href="/business?page=2" rel="next"');
    expect(await text('/business?page=2')).toContain('<span>Page 2</span>');
    expect(await text('/business?page=3')).toContain('<span>Page 3 of 12</span>');
    const last = await text('/business?page=12');
    expect(last).toContain('<span>Page 12 of 12</span>');
    expect(count(last, '<li class="card">')).toBe(1);
    expect(last).not.toContain('rel="next"');
    expect((await t.server.inject('/business?page=13')).statusCode).toBe(404);
  });

  it('follows a per-month override: Shawwal 1445 began on 10 April 2024 in Oman', async () => {
    const settings = readReferenceJson('seed', 'publication.json') as {
      hijri: object;
    };
    await applySettings(
      { stores: t.app.storage.stores, clock: t.app.clock },
      publicationSettingsSchema.parse({
        ...settings,
        hijri: {
          ...settings.hijri,
          monthStartOverrides: [{ year: 1445, month: 10, startsOn: '2024-04-10' }],
        },
      }),
    );
    t.app.publication.invalidate();
    expect(text((await t.server.inject('/')).body)).toContain(
      'Wednesday, April 24, 2024 | Shawwal 15, 1445 H',
    );
  });

  it('gives every byline and every topic a page of its own, agencies and guests included', async () => {
    const report = await importArticles(t.app.importDeps(referencePath('seed')), {
      headline: 'Port traffic doubles',
      section: 'Business',
      publishedAt: '2024-04-24T07:00:00+04:00',
      body: ['Ships.'],
      bylines: ['Salma Al Harthy', { name: 'Gulf Wire', kind: 'agency' }],
      tags: ['Shipping', 'Ports'],
    });
    const article = (await t.server.inject(report.imported[0]?.url ?? '')).body;
    expect(article).toMatch(
      /By <a href="\/author\/salma-al-harthy">Salma Al Harthy<\/a> and <a href="\/author\/gulf-wire">Gulf Wire<\/a>/,
    );
    expect(article).toContain('<a href="/topic/shipping">Shipping</a>');
    for (const path of ['/author/salma-al-harthy', '/author/gulf-wire', '/topic/ports']) {
      const page = await t.server.inject(path);
      expect(page.statusCode, path).toBe(200);
      expect(page.body, path).toContain('Port traffic doubles');
    }
    expect((await t.server.inject('/author/nobody')).statusCode).toBe(404);
    const clash = await importArticles(t.app.importDeps(referencePath('seed')), {
      headline: 'A section named like a route',
      section: 'Author',
      publishedAt: '2024-04-24T07:00:00+04:00',
      body: ['Text.'],
    });
    expect(clash.imported[0]?.url).toBe('/author-section/a-section-named-like-a-route');
    expect((await t.server.inject(clash.imported[0]?.url ?? '')).statusCode).toBe(200);
    expect((await t.server.inject('/topic/nothing')).statusCode).toBe(404);
  });

  it('renders without the weather widget when the weather service is unreachable', async () => {
    const page = (await t.server.inject('/')).body;
    expect(page).not.toContain('class="weather"');
    expect(page).toContain('Shawwal');
  });
});

describe('when the database fails', () => {
  it('answers 500 with a plain apology page and no internals', async () => {
    const t = await startTestApp();
    try {
      await t.app.storage.close();
      t.app.publication.invalidate();
      const response = await t.server.inject('/');
      expect(response.statusCode).toBe(500);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.body).toContain('Something went wrong on our side');
      expect(response.body).not.toMatch(/Error|at .*\.js|sqlite/i);
    } finally {
      await t.server.close();
    }
  });
});
