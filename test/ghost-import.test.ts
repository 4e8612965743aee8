/**
 * A Ghost export goes in as WordPress's does: the primary tag gives the section, users give
 * bylines with their bios, mobiledoc and lexical posts are rendered, feature photos fetched,
 * `/slug/` redirects, and a second import leaves unchanged stories as they are.
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
  updated: unknown[];
  skipped: { item: string; reason: string }[];
  failed: { item: string | number; error: string }[];
  missing: { item: string; url: string; error: string }[];
}

const mobiledoc = {
  version: '0.3.1',
  markups: [['strong']],
  atoms: [],
  cards: [['markdown', { markdown: 'A *markdown* card.' }]],
  sections: [
    [
      1,
      'p',
      [
        [0, [0], 1, 'Tide tables'],
        [0, [], 0, ' were printed.'],
      ],
    ],
    [10, 0],
  ],
};

const lexical = {
  root: {
    type: 'root',
    children: [
      { type: 'heading', tag: 'h2', children: [{ type: 'text', text: 'Night ferry' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'It sails at ten.', format: 1 }] },
    ],
  },
};

const exportOf = (photoUrl: string) => ({
  db: [
    {
      meta: { version: '4.0.0' },
      data: {
        posts: [
          {
            id: 'g1',
            title: 'Dhow race',
            slug: 'dhow-race',
            html: '<p>Sails <script>x()</script>up. <a href="__GHOST_URL__/night-ferry/">Ferry</a></p>',
            status: 'published',
            published_at: '2021-03-24T04:34:09.000Z',
            feature_image: photoUrl,
            feature_image_caption: 'At the start',
            feature_image_alt: 'Dhows',
            type: 'post',
          },
          {
            id: 'g2',
            title: 'Tide tables',
            slug: 'tide-tables',
            mobiledoc: JSON.stringify(mobiledoc),
            html: null,
            status: 'draft',
            type: 'post',
          },
          {
            id: 'g3',
            title: 'Night ferry',
            slug: 'night-ferry',
            lexical: JSON.stringify(lexical),
            status: 'published',
            published_at: '1388318310783',
            type: 'post',
          },
          { id: 'g4', title: 'Empty', slug: 'empty', status: 'published', type: 'post' },
        ],
        tags: [
          { id: 't1', name: 'Sport' },
          { id: 't2', name: 'Sailing' },
          { id: 't3', name: '#internal' },
        ],
        posts_tags: [
          { post_id: 'g1', tag_id: 't2', sort_order: 1 },
          { post_id: 'g1', tag_id: 't1', sort_order: 0 },
          { post_id: 'g1', tag_id: 't3', sort_order: 2 },
        ],
        users: [{ id: 'u1', name: 'Aisha Rahman', bio: 'Covers the coast.' }],
        posts_authors: [{ post_id: 'g1', author_id: 'u1', sort_order: 0 }],
      },
    },
  ],
});

describe.each(ENGINES)('a Ghost export imported on $engine', ({ create }) => {
  let t: TestApp;
  let dir: string;
  let photos: Server;
  let photoUrl: string;

  const runImport = async () => {
    const file = join(dir, 'ghost.json');
    writeFileSync(file, JSON.stringify(exportOf(photoUrl)));
    const out: string[] = [];
    const terminal = { out: (text: string) => out.push(text), err: () => undefined };
    const code = await importFiles(t.app, terminal, [file], true);
    return { code, report: JSON.parse(out.join('')) as Report };
  };

  beforeAll(async () => {
    const { bytes } = await jpegPhoto({ width: 320, height: 200 });
    photos = createServer((_request, response) =>
      response.writeHead(200, { 'content-type': 'image/jpeg' }).end(bytes),
    );
    await new Promise<void>((done) => photos.listen(0, '127.0.0.1', done));
    photoUrl = `http://127.0.0.1:${(photos.address() as AddressInfo).port}/content/dhows.jpg`;
    dir = mkdtempSync(join(tmpdir(), 'dateline-ghost-'));
    t = await startTestApp({ OUTBOUND_ALLOW: '127.0.0.1' }, await create());
  });

  afterAll(async () => {
    await t?.close();
    await new Promise((done) => photos?.close(done));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('files posts under their primary tag with bylines, bios, photos and dates', async () => {
    const { code, report } = await runImport();
    expect(code).toBe(1);
    expect(report.imported.map((i) => i.url)).toEqual([
      '/sport/dhow-race',
      '/news/tide-tables',
      '/news/night-ferry',
    ]);
    expect(report.failed).toEqual([
      { item: '#g4 "Empty"', error: expect.stringMatching(/no text/) as string },
    ]);
    const { stores } = t.app.storage;
    const dhow = await stores.articles.findBySlug('dhow-race');
    expect(dhow).toMatchObject({
      status: 'published',
      publishedAt: new Date('2021-03-24T04:34:09Z'),
      section: { name: 'Sport' },
      leadImage: { caption: 'At the start', alt: 'Dhows' },
    });
    expect(dhow?.tags.map((tag) => tag.name)).toEqual(['Sport', 'Sailing']);
    expect(dhow?.bylines).toMatchObject([{ name: 'Aisha Rahman', bio: 'Covers the coast.' }]);
    const ferry = await stores.articles.findBySlug('night-ferry');
    expect(ferry?.publishedAt).toEqual(new Date(1388318310783));
    expect((await stores.articles.findBySlug('tide-tables'))?.status).toBe('draft');
  });

  it('renders mobiledoc and lexical posts, and stores no script from HTML', async () => {
    const tide = await t.app.storage.stores.articles.findBySlug('tide-tables');
    expect(JSON.stringify(tide?.body)).toContain('Tide tables');
    expect(JSON.stringify(tide?.body)).toContain('markdown');
    const ferry = await t.server.inject('/news/night-ferry');
    expect(ferry.body).toContain('Night ferry');
    expect(ferry.body).toContain('<strong>It sails at ten.</strong>');
    const dhow = await t.server.inject('/sport/dhow-race');
    expect(dhow.body).toContain('Sails');
    expect(dhow.body).not.toContain('x()');
    // Ghost's own links become paths of this site, which redirect to the imported story.
    expect(dhow.body).toContain('href="/night-ferry/"');
  });

  it('redirects /slug/ to the story and leaves unchanged stories alone on a second import', async () => {
    const moved = await t.server.inject('/dhow-race/');
    expect(moved.statusCode).toBe(301);
    expect(moved.headers.location).toBe('/sport/dhow-race');
    const { report } = await runImport();
    expect(report.imported).toEqual([]);
    expect(report.updated).toEqual([]);
    expect(report.skipped.map((s) => s.item)).toEqual([
      '#g1 "Dhow race"',
      '#g2 "Tide tables"',
      '#g3 "Night ferry"',
    ]);
  });
});
