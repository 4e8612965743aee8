/**
 * A WordPress export goes in through the newsroom's write path: posts and pages become stories
 * with their sections, tags, bylines, dates and status; a second import updates instead of
 * duplicating; featured photos are fetched (or reported missing); old addresses redirect.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '../src/cli/import-command.js';
import { jpegPhoto } from './media-fixtures.js';
import { startTestApp, type TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';

interface Report {
  imported: { id: number; url: string }[];
  updated: { id: number; url: string }[];
  skipped: { item: string; reason: string }[];
  failed: { item: string | number; error: string }[];
  missing: { item: string; url: string; error: string }[];
}

interface Post {
  id: number;
  title: string;
  slug?: string;
  link?: string;
  type?: string;
  status?: string;
  category?: string;
  tags?: string[];
  thumbnail?: number;
  url?: string;
  body?: string;
}

const item = (p: Post) => `<item>
  <title>${p.title}</title><link>${p.link ?? ''}</link><dc:creator><![CDATA[hpotter]]></dc:creator>
  <content:encoded><![CDATA[${p.body ?? '<p>Words of the story.</p>'}]]></content:encoded>
  <excerpt:encoded><![CDATA[]]></excerpt:encoded>
  <wp:post_id>${p.id}</wp:post_id><wp:post_date_gmt>2019-05-0${p.id % 9} 08:30:00</wp:post_date_gmt>
  <wp:post_name>${p.slug ?? ''}</wp:post_name><wp:status>${p.status ?? 'publish'}</wp:status>
  <wp:post_type>${p.type ?? 'post'}</wp:post_type>${p.url ? `<wp:attachment_url>${p.url}</wp:attachment_url>` : ''}
  ${p.category ? `<category domain="category" nicename="x"><![CDATA[${p.category}]]></category>` : ''}
  ${(p.tags ?? []).map((t) => `<category domain="post_tag" nicename="t"><![CDATA[${t}]]></category>`).join('')}
  ${p.thumbnail ? `<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>${p.thumbnail}</wp:meta_value></wp:postmeta>` : ''}
</item>`;

const wxr = (posts: Post[]) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
  xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Old Gazette</title>
<wp:author><wp:author_login>hpotter</wp:author_login><wp:author_display_name><![CDATA[Harry Potter]]></wp:author_display_name></wp:author>
${posts.map(item).join('\n')}
</channel></rss>`;

describe.each(ENGINES)('a WordPress export imported on $engine', ({ create }) => {
  let t: TestApp;
  let dir: string;
  let photos: Server;
  let photoOrigin: string;

  const runImport = async (name: string, posts: Post[]) => {
    const file = join(dir, name);
    writeFileSync(file, wxr(posts));
    const out: string[] = [];
    const terminal = { out: (text: string) => out.push(text), err: () => undefined };
    const code = await importFiles(t.app, terminal, [file], true);
    return { code, report: JSON.parse(out.join('')) as Report };
  };
  const revisionsOf = async (id: number) => t.app.storage.stores.revisions.latestNumber(id);

  beforeAll(async () => {
    const { bytes } = await jpegPhoto({ width: 320, height: 200 });
    photos = createServer((request, response) => {
      if (request.url === '/uploads/harbour.jpg')
        response.writeHead(200, { 'content-type': 'image/jpeg' }).end(bytes);
      else response.writeHead(404).end('no such photo');
    });
    await new Promise<void>((done) => photos.listen(0, '127.0.0.1', done));
    photoOrigin = `http://127.0.0.1:${(photos.address() as AddressInfo).port}`;
    dir = mkdtempSync(join(tmpdir(), 'dateline-wxr-'));
    t = await startTestApp({ OUTBOUND_ALLOW: '127.0.0.1' }, await create());
  });

  afterAll(async () => {
    await t?.close();
    await new Promise((done) => photos?.close(done));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const posts = (): Post[] => [
    {
      id: 1,
      title: 'Harbour reopens',
      slug: 'harbour-reopens',
      category: 'Business',
      tags: ['Ports', 'Oman'],
      thumbnail: 9,
      link: 'https://old.example/2019/05/01/harbour-reopens/',
    },
    { id: 2, title: 'Council votes', slug: 'council-votes', category: 'Politics', status: 'draft' },
    { id: 3, title: '', slug: 'no-title', category: 'Politics' },
    {
      id: 4,
      title: 'Harbour reopens again',
      slug: 'harbour-reopens',
      category: 'Business',
      thumbnail: 10,
    },
    { id: 5, title: 'Menu', type: 'nav_menu_item' },
    {
      id: 9,
      title: 'Harbour photo',
      type: 'attachment',
      url: `${photoOrigin}/uploads/harbour.jpg`,
      body: 'Boats at the quay',
    },
    { id: 10, title: 'Gone photo', type: 'attachment', url: `${photoOrigin}/uploads/gone.jpg` },
  ];

  it('files posts as stories with section, tags, byline, date and status; a bad one fails alone', async () => {
    const { code, report } = await runImport('first-half.xml', [
      ...posts().slice(0, 2),
      ...posts().slice(5, 6),
    ]);
    expect(code).toBe(0);
    expect(report.imported.map((i) => i.url)).toEqual([
      '/business/harbour-reopens',
      '/politics/council-votes',
    ]);
    const { stores } = t.app.storage;
    const harbour = await stores.articles.findBySlug('harbour-reopens');
    expect(harbour).toMatchObject({
      headline: 'Harbour reopens',
      status: 'published',
      publishedAt: new Date('2019-05-01T08:30:00Z'),
      section: { name: 'Business' },
    });
    expect(harbour?.tags.map((tag) => tag.name)).toEqual(['Ports', 'Oman']);
    expect(harbour?.bylines.map((a) => a.name)).toEqual(['Harry Potter']);
    // The featured photo came after the post in the file, from a server that had it.
    expect(harbour?.leadImage).toMatchObject({ caption: 'Boats at the quay' });
    expect((await stores.articles.findBySlug('council-votes'))?.status).toBe('draft');
  });

  it('finishes an interrupted import without duplicating: known stories are left, new ones filed', async () => {
    const { code, report } = await runImport('all.xml', posts());
    expect(code).toBe(1);
    expect(report.imported.map((i) => i.url)).toEqual(['/business/harbour-reopens-2']);
    expect(report.updated).toEqual([]);
    expect(report.skipped.map((s) => s.item)).toEqual([
      '#1 "Harbour reopens"',
      '#2 "Council votes"',
      '#5',
    ]);
    expect(report.failed).toEqual([
      { item: '#3', field: 'headline', error: expect.stringMatching(/headline/) as string },
    ]);
    // A photo that cannot be had is reported and noted on the story, which goes in without it.
    expect(report.missing).toEqual([
      {
        item: '#4 "Harbour reopens again"',
        url: `${photoOrigin}/uploads/gone.jpg`,
        error: 'the server answered 404',
      },
    ]);
    const again = await t.app.storage.stores.articles.findBySlug('harbour-reopens-2');
    expect(again?.leadImage).toBeNull();
    const alerts = await t.app.storage.stores.alerts.open();
    expect(alerts).toContainEqual(
      expect.objectContaining({ kind: 'import.photo_missing', articleId: again?.id }),
    );
  });

  it('updates a story whose source changed with one new revision, and only that one', async () => {
    const harbour = await t.app.storage.stores.articles.findBySlug('harbour-reopens');
    const council = await t.app.storage.stores.articles.findBySlug('council-votes');
    const before = await revisionsOf(harbour?.id ?? 0);
    const changed = posts().map((p) =>
      p.id === 1 ? { ...p, title: 'Harbour reopens after the storm', tags: ['Ports'] } : p,
    );
    const { report } = await runImport('changed.xml', [
      ...changed.slice(0, 2),
      ...changed.slice(5, 6),
    ]);
    expect(report.failed).toEqual([]);
    expect(report.updated).toEqual([{ id: harbour?.id, url: '/business/harbour-reopens' }]);
    expect(report.imported).toEqual([]);
    expect(await revisionsOf(harbour?.id ?? 0)).toBe(before + 1);
    expect(await revisionsOf(council?.id ?? 0)).toBe(1);
    const updated = await t.app.storage.stores.articles.findBySlug('harbour-reopens');
    expect(updated?.headline).toBe('Harbour reopens after the storm');
    // Readers' copy changed: announced as an update, for webhooks and CDN purges.
    const { events } = t.app.storage.stores;
    expect(await events.count(harbour?.id ?? 0, 'article.published')).toBe(1);
    expect(await events.count(harbour?.id ?? 0, 'article.updated')).toBe(1);
    expect(await events.count(council?.id ?? 0, 'article.updated')).toBe(0);
    expect(updated?.tags.map((tag) => tag.name)).toEqual(['Ports']);
    // The photo fetched the first time is kept.
    expect(updated?.leadImage).toMatchObject({ caption: 'Boats at the quay' });
  });

  it("answers the post's old address with a permanent redirect to its story", async () => {
    const response = await t.server.inject('/2019/05/01/harbour-reopens/');
    expect(response.statusCode).toBe(301);
    expect(response.headers.location).toBe('/business/harbour-reopens');
    expect((await t.server.inject('/2019/05/01/never-was/')).statusCode).toBe(404);
  });

  it('imports the whole items of a file cut short, and says it was cut short', async () => {
    const whole = wxr([
      { id: 40, title: 'Whole story', slug: 'whole-story', category: 'Business' },
      { id: 41, title: 'Cut story', slug: 'cut-story', category: 'Business' },
    ]);
    const file = join(dir, 'cut.xml');
    writeFileSync(file, whole.slice(0, whole.indexOf('Cut story')));
    const out: string[] = [];
    const terminal = { out: (text: string) => out.push(text), err: () => undefined };
    const code = await importFiles(t.app, terminal, [file], true);
    const report = JSON.parse(out.join('')) as Report;
    expect(code).toBe(1);
    expect(report.imported.map((i) => i.url)).toEqual(['/business/whole-story']);
    expect(report.failed).toEqual([
      { item: 'the file', error: expect.stringMatching(/cut short/) as string },
    ]);
  });

  it('stores no script from a post whose HTML carries one', async () => {
    const body = '<p onclick="steal()">Calm <script>alert(1)</script>seas</p>';
    const { report } = await runImport('script.xml', [
      { id: 30, title: 'Calm seas', slug: 'calm-seas', category: 'Business', body },
    ]);
    expect(report.imported).toHaveLength(1);
    const page = await t.server.inject('/business/calm-seas');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Calm');
    expect(page.body).not.toContain('alert(1)');
    expect(page.body).not.toContain('steal()');
  });
});
