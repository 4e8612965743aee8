import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import {
  createPostgresDatabase,
  createSqliteDatabase,
  ENGINES,
  POSTGRES_ADMIN_URL,
  type TestDatabase,
} from '../../test/test-databases.js';
import type { NewArticle } from '../services/ports.js';
import { openStorage, type OpenedStorage } from './open-storage.js';
import { mediaRecord } from '../services/fakes/media-record.js';

const body = {
  type: 'doc' as const,
  content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: 'Hello.' }] }],
};
const at = (iso: string) => new Date(iso);

describe.each(ENGINES)('storage on $engine', ({ create }) => {
  let database: TestDatabase;
  let storage: OpenedStorage;
  let world: { id: number };
  let sport: { id: number };

  const article = (overrides: Partial<NewArticle>): NewArticle => ({
    slug: 'a-story',
    sectionId: world.id,
    headline: 'A story',
    standfirst: '',
    dateline: 'MUSCAT',
    body,
    lead: null,
    signOff: 'Agencies',
    status: 'published',
    publishedAt: at('2024-04-24T02:00:00Z'),
    seoTitle: '',
    seoDescription: '',
    authorIds: [],
    tagIds: [],
    ...overrides,
  });

  beforeAll(async () => {
    database = await create();
    storage = openStorage(database.url);
    expect(await storage.migrate()).toEqual([
      '0001-initial',
      '0002-newsroom',
      '0003-events',
      '0004-scheduled-updates',
      '0005-media-pipeline',
      '0006-content-api-keys',
      '0007-webhooks',
      '0008-discovery-indexes',
      '0009-presence',
      '0010-account-security',
      '0011-audit-log',
      '0012-section-slugs',
      '0013-pending-changes',
      '0015-author-profiles',
      '0016-story-details',
      '0017-reader-visibility-index',
      '0018-archive-scale-indexes',
      '0019-story-dates-beside-links',
      '0020-story-search',
      '0021-schedule-indexes',
      '0022-published-stories-visible',
      '0023-related-stories',
      '0024-story-views',
      '0025-import-sources',
      '0026-wire-queue',
      '0027-phrase-word-pairs',
      '0028-wire-sources',
      '0029-import-runs',
      '0030-sqlite-phrase-word-pairs',
      '0031-search-lexeme-statistics',
    ]);
    world = await storage.stores.sections.create({
      slug: 'world',
      name: 'World',
      description: '',
      position: 1,
    });
    sport = await storage.stores.sections.create({
      slug: 'sport',
      name: 'Sport',
      description: '',
      position: 0,
    });
  });

  afterAll(async () => {
    await storage?.close();
    await database?.drop();
  });

  it('migrates once: a second run has nothing to apply', async () => {
    expect(await storage.migrate()).toEqual([]);
  });

  it('lists sections in their front-page order', async () => {
    expect((await storage.stores.sections.list()).map((s) => s.slug)).toEqual(['sport', 'world']);
  });

  it('reads a story with its corrections oldest first, its words as written, the same on every read', async () => {
    const { stores } = storage;
    const id = await stores.articles.create(
      // A draft, so the lists below stay as they are.
      article({
        slug: 'corrected-story',
        headline: 'Talks "resume" <today> — €5, 👍',
        status: 'draft',
        publishedAt: null,
      }),
      at('2024-04-24T03:00:00Z'),
    );
    const later = { kind: 'clarification' as const, createdAt: at('2024-04-24T06:00:00Z') };
    await stores.corrections.add(id, { ...later, text: 'The "second" note & <more>.' }, null);
    await stores.corrections.add(
      id,
      { kind: 'correction', text: 'First — fixed.', createdAt: at('2024-04-24T05:00:00Z') },
      null,
    );
    const reads = [
      await stores.articles.findBySlug('corrected-story'),
      await stores.articles.findBySlug('corrected-story'),
      await stores.articles.findById(id),
    ];
    for (const found of reads) {
      expect(found?.headline).toBe('Talks "resume" <today> — €5, 👍');
      expect(found?.corrections.map((c) => [c.kind, c.text, c.createdAt.toISOString()])).toEqual([
        ['correction', 'First — fixed.', '2024-04-24T05:00:00.000Z'],
        ['clarification', 'The "second" note & <more>.', '2024-04-24T06:00:00.000Z'],
      ]);
      expect(found?.bylines).toEqual([]);
      expect(found?.tags).toEqual([]);
    }
  });

  it('keeps an article whole: bylines and tags in the order given, lead photo wording per article', async () => {
    const { stores } = storage;
    const ana = await stores.authors.create({ slug: 'ana', name: 'Ana', kind: 'staff', bio: '' });
    const wire = await stores.authors.create({
      slug: 'wire',
      name: 'Wire',
      kind: 'agency',
      bio: '',
    });
    const tags = await stores.tags.findOrCreate(['Syria', 'Diplomacy']);
    const media = await stores.media.create(
      mediaRecord({
        originalName: 'lead.jpg',
        width: 1600,
        height: 900,
        caption: 'Library caption',
        credit: 'Library credit',
        alt: 'Library alt',
        placeholderColor: '#112233',
        contentHash: 'abc123',
        focalPoint: { x: 0.25, y: 0.75 },
      }),
      at('2024-04-24T01:00:00Z'),
    );
    const id = await stores.articles.create(
      article({
        slug: 'whole-story',
        authorIds: [wire.id, ana.id],
        tagIds: tags.map((t) => t.id),
        lead: { mediaId: media.id, caption: 'Our caption', credit: 'Reuters', alt: 'Our alt' },
      }),
      at('2024-04-24T03:00:00Z'),
    );
    const found = await stores.articles.findBySlug('whole-story');
    expect(found?.id).toBe(id);
    expect(found?.bylines.map((a) => a.name)).toEqual(['Wire', 'Ana']);
    expect(found?.bylines[0]?.kind).toBe('agency');
    expect(found?.tags.map((t) => t.name)).toEqual(['Syria', 'Diplomacy']);
    expect(found?.leadImage).toMatchObject({
      caption: 'Our caption',
      credit: 'Reuters',
      alt: 'Our alt',
    });
    expect(found?.leadImage?.media).toMatchObject({
      contentHash: 'abc123',
      focalPoint: { x: 0.25, y: 0.75 },
      variantsReady: false,
    });
    expect(found?.body).toEqual(body);
    expect(found?.publishedAt?.toISOString()).toBe('2024-04-24T02:00:00.000Z');
    expect(await stores.media.findByContentHash('abc123')).toMatchObject({
      id: media.id,
      alt: 'Library alt',
    });
    expect(await stores.tags.findOrCreate(['syria'])).toEqual([tags[0]]);
  });

  it('lists published stories newest first, per section, and hides embargoed ones', async () => {
    const { articles } = storage.stores;
    await articles.create(
      article({ slug: 'older', sectionId: sport.id, publishedAt: at('2024-04-20T00:00:00Z') }),
      at('2024-04-20T00:00:00Z'),
    );
    await articles.create(
      article({ slug: 'newer', sectionId: sport.id, publishedAt: at('2024-04-23T00:00:00Z') }),
      at('2024-04-23T00:00:00Z'),
    );
    await articles.create(
      article({ slug: 'embargoed', sectionId: sport.id, publishedAt: at('2024-05-01T00:00:00Z') }),
      at('2024-04-23T00:00:00Z'),
    );
    await articles.create(
      article({ slug: 'draft', sectionId: sport.id, status: 'draft', publishedAt: null }),
      at('2024-04-23T00:00:00Z'),
    );
    const asOf = at('2024-04-24T08:00:00Z');
    const sport1 = await articles.listPublishedPage({ asOf, sectionId: sport.id, limit: 10 }, 5);
    expect(sport1.stories.map((s) => s.slug)).toEqual(['newer', 'older']);
    expect(sport1.found).toBe(2);
    const first = await articles.listPublishedPage({ asOf, sectionId: sport.id, limit: 1 }, 0);
    expect(first.stories.map((s) => s.slug)).toEqual(['newer']);
    expect(first.found).toBe(1);
    const page2 = await articles.listPublishedPage(
      { asOf, sectionId: sport.id, limit: 1, offset: 1 },
      5,
    );
    expect(page2.stories.map((s) => s.slug)).toEqual(['older']);
    expect(page2.found).toBe(1);
    const past = await articles.listPublishedPage(
      { asOf, sectionId: sport.id, limit: 1, offset: 2 },
      5,
    );
    expect(past).toEqual({ stories: [], found: 0 });
    const { stories: all } = await articles.listPublishedPage({ asOf, limit: 10 }, 0);
    expect(all[0]?.slug).toBe('whole-story');
    expect(all.map((s) => s.slug)).not.toContain('embargoed');
    expect(await articles.any()).toBe(true);
  });

  it("reads the home page's newest stories, live chosen ones and each section's newest at once", async () => {
    const { articles, sections } = storage.stores;
    const section = (slug: string, position: number) =>
      sections.create({ slug, name: slug, description: '', position });
    const [arts, metro] = [await section('arts', 7), await section('metro', 8)];
    // Dated after every other test's stories, so they are the newest.
    const story = (slug: string, day: string, more: Partial<NewArticle> = {}) =>
      articles.create(
        article({ slug, sectionId: arts.id, publishedAt: at(`${day}T00:00:00Z`), ...more }),
        at(`${day}T00:00:00Z`),
      );
    const older = await story('arts-older', '2030-04-20');
    const newer = await story('arts-newer', '2030-04-23');
    const embargoed = await story('arts-embargoed', '2030-05-01');
    const draft = await story('arts-draft', '2030-04-22', { status: 'draft' });
    const inMetro = await story('metro-story', '2030-04-21', { sectionId: metro.id });
    const asOf = at('2030-04-24T08:00:00Z');
    const home = await articles.listHomeStoryIds({
      asOf,
      latest: 2,
      chosenIds: [embargoed, older, draft, inMetro],
      sectionIds: [metro.id, arts.id],
      perSection: 1,
    });
    expect(home.latest).toEqual([
      { id: newer, hasPhoto: false },
      { id: inMetro, hasPhoto: false },
    ]);
    expect(home.chosen.sort()).toEqual([older, inMetro].sort());
    expect(home.bySection).toEqual(
      new Map([
        [arts.id, [newer]],
        [metro.id, [inMetro]],
      ]),
    );
    // Another shape (no choice, one section, more each) is compiled on its own.
    const again = await articles.listHomeStoryIds({
      asOf,
      latest: 5,
      chosenIds: [],
      sectionIds: [arts.id],
      perSection: 3,
    });
    expect(again.bySection).toEqual(new Map([[arts.id, [newer, older]]]));
    expect(again.chosen).toEqual([]);
    const cards = await articles.listFrontStories([embargoed, newer, inMetro], asOf);
    expect(cards.map((card) => card.slug).sort()).toEqual(['arts-newer', 'metro-story']);
    expect(cards.find((card) => card.id === newer)).toMatchObject({
      headline: expect.any(String) as string,
      section: { slug: 'arts' },
      leadImage: null,
      publishedAt: at('2030-04-23T00:00:00Z'),
    });
    expect(await articles.listFrontStories([], asOf)).toEqual([]);
  });

  it('keeps an old slug as a redirect when the slug changes, and frees it when it comes back', async () => {
    const { articles } = storage.stores;
    const id = await articles.create(
      article({ slug: 'first-headline' }),
      at('2024-04-24T04:00:00Z'),
    );
    await articles.update(
      id,
      { slug: 'second-headline', headline: 'Second headline' },
      at('2024-04-24T05:00:00Z'),
    );
    expect((await articles.findBySlugHistory('first-headline'))?.slug).toBe('second-headline');
    expect(await articles.slugTaken('first-headline')).toBe(true);
    expect((await articles.findById(id))?.updatedAt.toISOString()).toBe('2024-04-24T05:00:00.000Z');
    await articles.update(id, { slug: 'first-headline' }, at('2024-04-24T06:00:00Z'));
    expect((await articles.findBySlug('first-headline'))?.id).toBe(id);
    expect((await articles.findBySlugHistory('second-headline'))?.id).toBe(id);
    expect(await articles.findBySlugHistory('first-headline')).toBeUndefined();
  });

  it('writes nothing when a transaction fails part-way', async () => {
    await expect(
      storage.transaction(async (stores) => {
        await stores.sections.create({
          slug: 'half-written',
          name: 'Half',
          description: '',
          position: 9,
        });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await storage.stores.sections.list()).map((s) => s.slug)).not.toContain('half-written');
  });

  it('refuses an article in a section that does not exist (foreign keys are on)', async () => {
    await expect(
      storage.stores.articles.create(article({ slug: 'orphan', sectionId: 9999 }), new Date()),
    ).rejects.toThrow();
    expect(await storage.stores.articles.slugTaken('orphan')).toBe(false);
  });

  it('refuses two articles with one slug', async () => {
    await expect(
      storage.stores.articles.create(article({ slug: 'whole-story' }), new Date()),
    ).rejects.toThrow();
  });

  it('stores settings as JSON and replaces them on a second write', async () => {
    const { settings } = storage.stores;
    expect(await settings.get('publication')).toBeUndefined();
    await settings.put('publication', { name: 'One' }, new Date());
    await settings.put('publication', { name: 'Two', nested: { a: [1] } }, new Date());
    expect(await settings.get('publication')).toEqual({ name: 'Two', nested: { a: [1] } });
  });
});

describe('SQLite durability settings', () => {
  it('runs in WAL mode with synchronous=FULL and foreign keys on', async () => {
    const database = createSqliteDatabase();
    const storage = openStorage(database.url);
    try {
      await storage.migrate();
      const pragma = async (name: string) =>
        (await sql.raw(`PRAGMA ${name}`).execute(storage.kysely)).rows[0];
      expect(await pragma('journal_mode')).toEqual({ journal_mode: 'wal' });
      expect(await pragma('synchronous')).toEqual({ synchronous: 2 });
      expect(await pragma('foreign_keys')).toEqual({ foreign_keys: 1 });
    } finally {
      await storage.close();
      await database.drop();
    }
  });
});

describe('PostgreSQL connections cut by the server', () => {
  it('keep the process alive and the next query succeeds', async () => {
    const database = await createPostgresDatabase();
    const storage = openStorage(database.url);
    try {
      await storage.migrate();
      const name = new URL(database.url).pathname.slice(1);
      const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await admin.connect();
      await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1',
        [name],
      );
      await admin.end();
      await new Promise((r) => setTimeout(r, 200));
      expect(await storage.stores.sections.list()).toEqual([]);
    } finally {
      await storage.close();
      await database.drop();
    }
  });
});
