/**
 * `dateline export` writes a paper in the formats its own commands read: exported from one
 * database and read into an empty one with `settings apply` and `import`, the paper has the
 * same stories (text, section, tags, bylines, dates, slugs, corrections), the same photos
 * (bytes, caption, credit) and the same settings. On both engines.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { exportCommand } from '../src/cli/export-command.js';
import { importFiles } from '../src/cli/import-command.js';
import { seedDemo } from '../src/cli/seed-demo-command.js';
import { settingsCommand } from '../src/cli/settings-command.js';
import { lastChangeOf, type Article } from '../src/domain/article/article.js';
import { originalKey } from '../src/domain/media/variant-plan.js';
import { importArticles } from '../src/services/import-articles.js';
import { referencePath } from './reference-data.js';
import { startTestApp, type TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';
import { expectStoryCopiesInStep } from './story-copies.js';

const ENV = { DATELINE_NOW: '2026-12-01T08:00:00Z' };
const quiet = { out: () => undefined, err: () => undefined };

/** What the demo lacks: a hidden section, a guest with links, a focal point, corrections, work in progress. */
const EXTRA = [
  {
    headline: 'Archive week: the paper opens its 1970s photo files',
    slug: 'archive-week-photo-files',
    section: { name: 'Archive', slug: 'from-the-archive', description: 'Old pages', hidden: true },
    bylines: [
      {
        name: 'Maryam Al Lawati',
        kind: 'guest',
        bio: 'Historian',
        links: ['https://example.org/maryam'],
      },
    ],
    tags: ['History', 'Photography'],
    publishedAt: '2026-11-20T06:00:00+04:00',
    updatedAt: '2026-11-21T09:30:00+04:00',
    source: 'Archive desk',
    leadImage: {
      file: 'lead.jpg',
      caption: 'Negatives on the light table',
      credit: 'Archive',
      alt: 'Strips of film negatives on a lit table',
      focalPoint: { x: 0.25, y: 0.75 },
    },
    body: ['The first box was opened on Monday.', 'More follow each week.'],
    corrections: [
      {
        kind: 'correction',
        text: 'The box was opened on Monday, not Sunday.',
        date: '2026-11-21T09:30:00Z',
      },
      { kind: 'clarification', text: 'The files are on loan.', date: '2026-11-22T10:00:00Z' },
    ],
  },
  { headline: 'Budget preview, unfinished', section: 'Oman', status: 'draft', body: ['To come.'] },
  { headline: 'Port traffic figures', section: 'Business', status: 'in_review', body: ['Up 4%.'] },
];

const iso = (date: Date | null) => date?.toISOString() ?? null;
const withoutMediaIds = (body: unknown): unknown =>
  JSON.parse(
    JSON.stringify(body, (key, value: unknown) => (key === 'mediaId' ? undefined : value)),
  );

/** What must survive the trip, without this database's ids. */
function comparable(article: Article) {
  return {
    slug: article.slug,
    headline: article.headline,
    standfirst: article.standfirst,
    dateline: article.dateline,
    status: article.status,
    signOff: article.signOff,
    body: withoutMediaIds(article.body),
    section: {
      slug: article.section.slug,
      name: article.section.name,
      description: article.section.description,
      hidden: article.section.hidden,
    },
    tags: article.tags.map((tag) => tag.name),
    bylines: article.bylines.map(({ slug, name, kind, bio, links }) => ({
      slug,
      name,
      kind,
      bio,
      links,
    })),
    publishedAt: iso(article.publishedAt),
    lastChange: article.status === 'published' ? iso(lastChangeOf(article)) : null,
    lead: article.leadImage && {
      contentHash: article.leadImage.media.contentHash,
      caption: article.leadImage.caption,
      credit: article.leadImage.credit,
      alt: article.leadImage.alt,
      focalPoint: article.leadImage.media.focalPoint,
    },
    corrections: article.corrections.map(({ kind, text, createdAt }) => ({
      kind,
      text,
      at: iso(createdAt),
    })),
    seo: [article.seoTitle, article.seoDescription, article.socialTitle, article.socialDescription],
  };
}

async function articlesOf(app: App) {
  const ids = await app.storage.stores.articles.listIds(0, 1000);
  const articles = await Promise.all(ids.map((id) => app.storage.stores.articles.findById(id)));
  return articles
    .map((article) => comparable(article!))
    .sort((a, b) => a.slug.localeCompare(b.slug));
}

async function originalHash(app: App, article: ReturnType<typeof comparable>) {
  const photo = await app.storage.stores.media.findByContentHash(article.lead!.contentHash);
  const bytes = await app.media.files.get(originalKey(photo!.contentHash, photo!.format));
  return createHash('sha256').update(bytes!).digest('hex');
}

async function exportTo(app: App, dir: string, drafts: boolean) {
  const lines: string[] = [];
  const code = await exportCommand(
    app,
    { out: (l) => lines.push(l), err: () => undefined },
    [dir],
    {
      drafts,
      json: true,
    },
  );
  expect(code).toBe(0);
  return JSON.parse(lines[0]!) as { articles: number; photos: number; skipped: number };
}

describe.each(ENGINES)('export and import on $engine', ({ create }) => {
  let source: TestApp;
  let target: TestApp;
  let dir: string;
  let report: { articles: number; photos: number };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dateline-export-'));
    source = await startTestApp(ENV, await create());
    expect(await seedDemo(source.app, quiet)).toBe(0);
    const extra = await importArticles(source.app.importDeps(referencePath('seed')), EXTRA);
    expect(extra.failed).toEqual([]);
    // The navigation in another order than the stories first came in: the order must travel.
    const sections = await source.app.storage.stores.sections.list();
    await source.app.storage.stores.sections.reorder(sections.map((s) => s.id).reverse());
    report = await exportTo(source.app, join(dir, 'all'), true);
    target = await startTestApp(ENV, await create());
    const settingsFile = join(dir, 'all', 'settings.json');
    expect(await settingsCommand(target.app, quiet, ['apply', settingsFile])).toBe(0);
    const pages = readdirSync(join(dir, 'all', 'articles')).map((f) =>
      join(dir, 'all', 'articles', f),
    );
    expect(await importFiles(target.app, quiet, pages, true)).toBe(0);
  });

  afterAll(async () => {
    await source?.close();
    await target?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('brings back every story as it was, drafts included', async () => {
    const before = await articlesOf(source.app);
    expect(before.length).toBeGreaterThan(EXTRA.length);
    expect(report.articles).toBe(before.length);
    expect(await articlesOf(target.app)).toEqual(before);
  });

  it('gives imported stories’ topics and bylines their story’s visibility, and counts their months', async () => {
    await expectStoryCopiesInStep(target.app.storage.kysely);
  });

  it('brings back the same photo files with their captions and credits', async () => {
    const before = (await articlesOf(source.app)).filter((a) => a.lead);
    const after = new Map((await articlesOf(target.app)).map((a) => [a.slug, a]));
    expect(before.length).toBeGreaterThan(5);
    for (const article of before) {
      const restored = after.get(article.slug)!;
      expect(restored.lead).toEqual(article.lead);
      expect(await originalHash(target.app, restored)).toBe(
        await originalHash(source.app, article),
      );
    }
    const library = await source.app.storage.stores.media.list({ limit: 1000, offset: 0 });
    expect(report.photos).toBe(library.length);
  });

  it('brings back the same settings', async () => {
    expect((await target.app.publication.current()).settings).toEqual(
      (await source.app.publication.current()).settings,
    );
  });

  it('brings back the sections its stories are in, in the same order', async () => {
    const exported = new Set((await articlesOf(source.app)).map((a) => a.section.slug));
    const order = async (app: App) =>
      (await app.storage.stores.sections.list())
        .filter((section) => exported.has(section.slug))
        .map(({ slug, name, description, hidden }) => ({ slug, name, description, hidden }));
    expect(exported.size).toBeGreaterThan(3);
    expect(await order(target.app)).toEqual(await order(source.app));
  });

  it('leaves work in progress out unless asked', async () => {
    const published = await exportTo(source.app, join(dir, 'published'), false);
    expect(published.articles).toBe(report.articles - 2);
    expect(published.skipped).toBe(2);
    const items = readdirSync(join(dir, 'published', 'articles')).flatMap(
      (file) =>
        JSON.parse(readFileSync(join(dir, 'published', 'articles', file), 'utf8')) as {
          status: string;
        }[],
    );
    expect(new Set(items.map((item) => item.status))).toEqual(new Set(['published']));
  });
});
