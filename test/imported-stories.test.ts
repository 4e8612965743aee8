/**
 * An imported story goes the newsroom's way: filed with its first revision, then published by
 * the workflow, whose event sends the webhooks and purges the CDN, and readers' search finds
 * it. An item that fails half-way leaves nothing behind: no article, revision, event or photo.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '../src/cli/import-command.js';
import { listRevisions } from '../src/services/articles/article-revisions.js';
import { subscribeWebhook } from '../src/services/webhooks/manage-webhooks.js';
import { startPurgeReceiver, type PurgeReceiver } from './purge-receiver.js';
import { referencePath } from './reference-data.js';
import { addStaffMember } from './staff-fixtures.js';
import { startTestApp, type TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';
import { signedWith, startWebhookReceiver } from './webhook-receiver.js';

type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

const story = {
  headline: 'Harbour reopens after the storm',
  slug: 'harbour-reopens-after-storm',
  section: 'Oman',
  standfirst: 'Fishing boats are back at Mutrah',
  bylines: ['Salma Al Harthy'],
  tags: ['Ports'],
  publishedAt: '2024-04-24T06:00:00+04:00',
  updatedAt: '2024-04-24T09:30:00+04:00',
  leadImage: { file: 'lead.jpg', caption: 'The harbour', credit: 'Reuters', alt: 'Boats moored' },
  body: ['The harbour reopened on Tuesday.'],
};

describe.each(ENGINES)('imported stories on $engine', ({ create }) => {
  let t: TestApp;
  let hooks: WebhookReceiver;
  let cdn: PurgeReceiver;
  let secret: string;
  let dir: string;

  /** Runs `dateline import` on these items, as the command does; returns its exit code and report. */
  const runImport = async (name: string, items: unknown) => {
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(items));
    const out: string[] = [];
    const terminal = { out: (text: string) => out.push(text), err: () => undefined };
    const code = await importFiles(t.app, terminal, [file], true);
    const report = JSON.parse(out.join('')) as {
      imported: { id: number; url: string }[];
      failed: { item: number; error: string; field?: string }[];
    };
    return { code, report };
  };

  const rowCounts = async () => {
    const { kysely } = t.app.storage;
    const tables = [
      'articles',
      'article_revisions',
      'events',
      'media',
      'jobs',
      'sections',
      'authors',
      'tags',
    ] as const;
    const counts: Record<string, number> = {};
    for (const table of tables) {
      const row = await kysely
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow();
      counts[table] = Number(row.n);
    }
    return counts;
  };

  const mediaFiles = () => {
    const folder = t.app.config.mediaDir;
    return existsSync(folder) ? readdirSync(folder, { recursive: true }).length : 0;
  };

  beforeAll(async () => {
    hooks = await startWebhookReceiver();
    cdn = await startPurgeReceiver();
    dir = mkdtempSync(join(tmpdir(), 'dateline-import-'));
    copyFileSync(referencePath('seed', 'lead.jpg'), join(dir, 'lead.jpg'));
    const now = new Date('2030-03-01T08:00:00Z');
    t = await startTestApp(
      {
        OUTBOUND_ALLOW: '127.0.0.1',
        PUBLIC_URL: 'https://news.example',
        CDN_PURGE_URL: cdn.url,
        CDN_PURGE_TOKEN: 'purge-secret',
      },
      await create(),
      { clock: { now: () => now } },
    );
    const chief = await addStaffMember(t.app.storage, 'editor_in_chief', 'chief@paper.example');
    ({ secret } = await subscribeWebhook(t.app.webhooks, chief, {
      url: `${hooks.origin}/dateline`,
      events: ['article.published'],
    }));
  });

  afterAll(async () => {
    await t?.close();
    await hooks?.close();
    await cdn?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('leaves no article, revision, event or photo when an item fails half-way', async () => {
    const before = await rowCounts();
    const files = mediaFiles();
    // A rule only, no words: the draft, its revision, photo, section, byline and topic are
    // written before publishing refuses a story with nothing to read.
    const { code, report } = await runImport('half-way.json', [
      {
        ...story,
        slug: 'nothing-to-read',
        section: 'Archive',
        bylines: ['Ghost Writer'],
        tags: ['Never'],
        body: '---',
      },
    ]);
    expect(code).toBe(1);
    expect(report).toMatchObject({
      imported: [],
      updated: [],
      failed: [{ item: 0, field: 'body', error: 'body: a published article needs a body' }],
    });
    expect(await rowCounts()).toEqual(before);
    expect(mediaFiles()).toBe(files);
    expect(await t.app.storage.stores.articles.findBySlug('nothing-to-read')).toBeUndefined();
    expect(await t.app.jobs.runDue()).toBe(0);
    expect(hooks.received).toHaveLength(0);
    expect(cdn.requests).toHaveLength(0);
  });

  it('sends the webhook, purges the CDN, keeps a revision and is found by search', async () => {
    const { code, report } = await runImport('story.json', [story]);
    expect(code).toBe(0);
    expect(report.imported).toEqual([
      { id: expect.any(Number) as number, url: '/oman/harbour-reopens-after-storm' },
    ]);
    const id = report.imported[0]?.id ?? 0;
    const { stores } = t.app.storage;
    const article = await stores.articles.findById(id);
    // The story keeps its own times: first published and last changed at its source.
    expect(article).toMatchObject({
      status: 'published',
      revision: 1,
      publishedAt: new Date('2024-04-24T02:00:00Z'),
      updatedAt: new Date('2024-04-24T05:30:00Z'),
      liveChangedAt: new Date('2024-04-24T05:30:00Z'),
    });
    expect(await stores.events.count(id, 'article.published')).toBe(1);

    const editor = await addStaffMember(t.app.storage, 'editor', 'desk@paper.example');
    const history = await listRevisions(t.app.newsroom, editor, id);
    expect(history.current).toBe(1);
    expect(history.revisions).toMatchObject([{ number: 1, kind: 'save', userId: null }]);
    expect(history.revisions[0]?.snapshot).toMatchObject({
      headline: story.headline,
      slug: story.slug,
      tags: ['Ports'],
      lead: { alt: 'Boats moored' },
    });

    await t.app.jobs.runDue();
    expect(hooks.received).toHaveLength(1);
    const [hook] = hooks.received;
    expect(hook && signedWith(secret, hook)).toBe(true);
    expect(JSON.parse(hook?.body ?? '')).toMatchObject({
      type: 'article.published',
      data: {
        article: {
          id,
          url: 'https://news.example/oman/harbour-reopens-after-storm',
          headline: story.headline,
          bylines: ['Salma Al Harthy'],
          publishedAt: '2024-04-24T02:00:00.000Z',
        },
      },
    });
    const keys = [
      `article-${id}`,
      `author-list-${article?.bylines[0]?.id}`,
      'day-list-2024-04-24',
      'feeds',
      'home',
      'latest',
      'month-list-2024-04',
      `section-list-${article?.section.id}`,
      'sitemaps',
      `tag-list-${article?.tags[0]?.id}`,
    ].sort();
    expect(cdn.purged().map((purged) => [...purged].sort())).toEqual([keys]);
    expect(cdn.requests[0]?.authorization).toBe('Bearer purge-secret');

    const found = await t.server.inject('/search?q=harbour%20storm');
    expect(found.statusCode).toBe(200);
    expect(found.body).toContain('href="/oman/harbour-reopens-after-storm"');
  });
});
