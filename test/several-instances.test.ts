/**
 * Two `dateline serve` processes on one PostgreSQL database and one media folder, as a paper
 * scaled out behind a load balancer runs them (issue 12): a session made on one works on the
 * other, a change made through one shows on the other within the two seconds, the
 * scheduler publishes once, and a photo uploaded through one is served by the other.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage, type OpenedStorage } from '../src/storage/open-storage.js';
import { paragraphs } from './article-desk.js';
import { jpegPhoto } from './media-fixtures.js';
import { multipartBody } from './multipart-body.js';
import type { Photo } from './photo-library.js';
import { startInstance, type Instance, type Signed } from './serve-instance.js';
import { createPostgresDatabase, type TestDatabase } from './test-databases.js';
import { STRONG_PASSWORD } from './test-password.js';

/** The bound on how long another instance may show the old page. */
const WITHIN_MS = 2_000;
const POLL_MS = 50;

/**
 * Polls every POLL_MS until `shows` holds, giving up at twice the bound; says how long it took,
 * for the assertion's message.
 */
async function timeUntil(shows: () => Promise<boolean>): Promise<{ ms: number; said: string }> {
  const started = Date.now();
  while (!(await shows())) {
    const ms = Date.now() - started;
    if (ms > 2 * WITHIN_MS) return { ms: Infinity, said: `still not after ${ms} ms` };
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  const ms = Date.now() - started;
  return { ms, said: `after ${ms} ms` };
}

describe('two instances serving one paper from PostgreSQL', () => {
  let database: TestDatabase;
  let storage: OpenedStorage;
  let mediaDir: string;
  let a: Instance;
  let b: Instance;
  let instances: Instance[] = [];
  let chief: Signed;
  let section: { id: number; slug: string };

  beforeAll(async () => {
    database = await createPostgresDatabase();
    mediaDir = mkdtempSync(join(tmpdir(), 'dateline-shared-media-'));
    // Started together on an empty database: both migrate, and must not trip over each other.
    const started = await Promise.allSettled([
      startInstance(database.url, mediaDir),
      startInstance(database.url, mediaDir),
    ]);
    instances = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    for (const result of started) if (result.status === 'rejected') throw result.reason;
    [a, b] = instances as [Instance, Instance];
    storage = openStorage(database.url);
    chief = await a.setUp({
      email: 'chief@paper.example',
      name: 'Chief',
      password: STRONG_PASSWORD,
    });
    section = await a.ok<{ id: number; slug: string }>(chief, 'POST', '/api/admin/sections', {
      name: 'Oman',
    });
  });

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await storage?.close();
    await database?.drop();
    rmSync(mediaDir, { recursive: true, force: true });
  });

  it('knows a session made on one instance on the other', async () => {
    const me = await b.ok<{ user: { email: string } }>(chief, 'GET', '/api/admin/session');
    expect(me.user.email).toBe('chief@paper.example');
  });

  it('shows a story published through one instance on the other within two seconds', async () => {
    const front = `/${section.slug}`;
    // Read first, so that whatever the second instance caches holds the pages without it.
    expect((await b.page('/')).status).toBe(200);
    expect((await b.page(front)).status).toBe(200);

    const headline = 'Harbour cranes arrive in Duqm';
    const { id } = await a.ok<{ id: number }>(chief, 'POST', '/api/admin/articles', {
      headline,
      sectionId: section.id,
      body: paragraphs('The first of six cranes was unloaded on Tuesday.'),
    });
    await a.ok(chief, 'POST', `/api/admin/articles/${id}/transitions`, { to: 'published' });

    for (const path of ['/', front]) {
      const shown = await timeUntil(async () => (await b.page(path)).text.includes(headline));
      expect(
        shown.ms,
        `${path} on the other instance showed the story ${shown.said}`,
      ).toBeLessThanOrEqual(WITHIN_MS);
    }
  });

  it('shows a new paper name set through one instance on the other within two seconds', async () => {
    expect((await b.page('/')).text).not.toContain('The Duqm Courier');
    const settings = await a.ok<Record<string, unknown>>(chief, 'GET', '/api/admin/settings');
    await a.ok(chief, 'PUT', '/api/admin/settings', { ...settings, name: 'The Duqm Courier' });

    const shown = await timeUntil(async () =>
      (await b.page('/')).text.includes('The Duqm Courier'),
    );
    expect(shown.ms, `the other instance showed the new name ${shown.said}`).toBeLessThanOrEqual(
      WITHIN_MS,
    );
  });

  it('shows a breaking-news banner set through one instance on the other, and takes it down, within two seconds', async () => {
    const banner = 'Cyclone warning for the Duqm coast';
    const showsIt = async () => (await b.page('/')).text.includes(banner);
    expect(await showsIt()).toBe(false);
    await a.ok(chief, 'PUT', '/api/admin/breaking-news', { text: banner });
    const shown = await timeUntil(showsIt);
    expect(shown.ms, `the other instance showed the banner ${shown.said}`).toBeLessThanOrEqual(
      WITHIN_MS,
    );
    await a.ok(chief, 'DELETE', '/api/admin/breaking-news');
    const gone = await timeUntil(async () => !(await showsIt()));
    expect(gone.ms, `the other instance dropped the banner ${gone.said}`).toBeLessThanOrEqual(
      WITHIN_MS,
    );
  });

  it('publishes a scheduled story once, though both instances run the scheduler', async () => {
    const headline = 'Embargoed: the budget';
    const { id } = await a.ok<{ id: number }>(chief, 'POST', '/api/admin/articles', {
      headline,
      sectionId: section.id,
      body: paragraphs('Spending rises by four per cent.'),
    });
    const publishAt = new Date(Date.now() + 1_000);
    await a.ok(chief, 'POST', `/api/admin/articles/${id}/transitions`, {
      to: 'scheduled',
      publishAt: publishAt.toISOString(),
    });

    const live = async () => (await storage.stores.articles.findById(id))?.status === 'published';
    const deadline = Date.now() + 20_000;
    while (!(await live()) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    expect(await live(), [a.log(), b.log()].join('\n---\n')).toBe(true);
    // Both schedulers run every second: give the other several turns to publish it again.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await storage.stores.events.count(id, 'article.published')).toBe(1);
    const wentLive = [a, b].map(
      (instance) => instance.log().split(`article ${id} went live`).length - 1,
    );
    expect(
      wentLive.reduce((sum, n) => sum + n, 0),
      `went live: ${wentLive.join(' + ')}`,
    ).toBe(1);
    expect((await b.page(`/${section.slug}`)).text).toContain(headline);
  });

  it('serves from one instance a photo uploaded through the other', async () => {
    const { body, headers } = multipartBody(await jpegPhoto({ width: 800, height: 600 }));
    const photo = await a.ok<Photo>(chief, 'POST', '/api/admin/media', body, headers);
    // The path only: the address the answer names may be the instance that made it.
    const variant = await fetch(new URL(new URL(photo.urls.thumbnail, a.url).pathname, b.url));
    expect(variant.status).toBe(200);
    expect(variant.headers.get('content-type')).toMatch(/^image\//);
    expect((await variant.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });
});
