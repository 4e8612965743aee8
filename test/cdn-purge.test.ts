/**
 * The CDN in front of the site forgets a page as soon as what it shows changes: every article
 * event purges the story's key and its section's, topics' and bylines' lists, home, feeds and
 * sitemaps; settings purge the whole site. A purge the CDN refuses is retried.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applySettings } from '../src/services/apply-settings.js';
import { publicationSettingsSchema } from '../src/domain/publication/publication-settings.js';
import { correctArticle } from '../src/services/articles/correct-article.js';
import { createArticle } from '../src/services/articles/create-article.js';
import { articleDraftSchema } from '../src/domain/article/article-draft.js';
import { killArticle, transitionArticle } from '../src/services/articles/transition-article.js';
import type { Actor } from '../src/domain/roles/role.js';
import type { Clock } from '../src/services/ports.js';
import { startPurgeReceiver, type PurgeReceiver } from './purge-receiver.js';
import { addStaffMember } from './staff-fixtures.js';
import { startTestApp, type TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';
import { paragraphs } from './article-desk.js';
import { changeSection } from '../src/services/sections/manage-sections.js';

/** A clock the test moves on, so retries fall due without waiting. */
const movableClock = (start: string) => {
  let now = new Date(start);
  const clock: Clock = { now: () => now };
  return { clock, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
};

describe.each(ENGINES)('CDN purges on $engine', ({ create }) => {
  let receiver: PurgeReceiver;
  let t: TestApp;
  let editor: Actor;
  let time: ReturnType<typeof movableClock>;
  let ids: { article: number; section: number; tag: number; author: number };

  // The story's page and the lists it is on; its section's, topic's and byline's own pages
  // (their names) are left alone.
  const articleKeys = () =>
    [
      `article-${ids.article}`,
      `author-list-${ids.author}`,
      // Published at 08:00 on the 24th, in the paper's zone (UTC until it is set).
      'day-list-2024-04-24',
      'feeds',
      'home',
      'latest',
      'month-list-2024-04',
      `section-list-${ids.section}`,
      'sitemaps',
      `tag-list-${ids.tag}`,
    ].sort();

  /** Runs the queued jobs and returns the keys purged meanwhile, each purge sorted. */
  const purgesAfterJobs = async () => {
    const before = receiver.purged().length;
    await t.app.jobs.runDue();
    return receiver
      .purged()
      .slice(before)
      .map((keys) => [...keys].sort());
  };

  beforeAll(async () => {
    receiver = await startPurgeReceiver();
    time = movableClock('2024-04-24T08:00:00Z');
    t = await startTestApp(
      { CDN_PURGE_URL: receiver.url, CDN_PURGE_TOKEN: 'purge-secret' },
      await create(),
      { clock: time.clock },
    );
    editor = await addStaffMember(t.app.storage, 'editor', 'cdn@paper.example');
    const { stores } = t.app.storage;
    const section = await stores.sections.create({
      slug: 'oman',
      name: 'Oman',
      description: '',
      position: 0,
    });
    const author = await stores.authors.create({
      slug: 'salma-al-harthy',
      name: 'Salma Al Harthy',
      kind: 'staff',
      bio: '',
    });
    const { id } = await createArticle(
      t.app.newsroom,
      editor,
      articleDraftSchema.parse({
        headline: 'Muscat festival opens',
        sectionId: section.id,
        bylines: [author.id],
        tags: ['Festivals'],
        body: paragraphs('Opens tonight.'),
      }),
    );
    const tag = await stores.tags.findBySlug('festivals');
    ids = { article: id, section: section.id, author: author.id, tag: tag?.id ?? -1 };
    await t.app.jobs.runDue();
  });

  afterEach(() => receiver.failNext(0));

  afterAll(async () => {
    await t?.close();
    await receiver?.close();
  });

  it('purges the story and the lists it is on when it is published', async () => {
    await transitionArticle(t.app.newsroom, editor, ids.article, { to: 'published' });
    expect(await purgesAfterJobs()).toEqual([articleKeys()]);
    const last = receiver.requests.at(-1);
    expect(last?.authorization).toBe('Bearer purge-secret');
    expect(last?.contentType).toBe('application/json');
  });

  it('purges the same pages when it is corrected, unpublished and killed', async () => {
    time.advance(60_000);
    await correctArticle(t.app.newsroom, editor, ids.article, {
      kind: 'correction',
      text: 'The date was wrong.',
    });
    expect(await purgesAfterJobs()).toEqual([articleKeys()]);
    await transitionArticle(t.app.newsroom, editor, ids.article, { to: 'unpublished' });
    expect(await purgesAfterJobs()).toEqual([articleKeys()]);
    await killArticle(t.app.newsroom, editor, ids.article);
    expect(await purgesAfterJobs()).toEqual([articleKeys()]);
  });

  it('retries a purge the CDN refused, and purges the whole site when the settings change', async () => {
    receiver.failNext(1);
    await applySettings(
      { stores: t.app.storage.stores, clock: t.app.clock },
      publicationSettingsSchema.parse({ name: 'The Muscat Evening Post', timezone: 'Asia/Muscat' }),
    );
    expect(await purgesAfterJobs()).toEqual([]);
    expect(receiver.requests.at(-1)).toMatchObject({ keys: ['site'], status: 503 });
    time.advance(10_000);
    expect(await purgesAfterJobs()).toEqual([['site']]);
    // Once every instance's cached settings have expired, the site is purged again.
    time.advance(60_000);
    expect(await purgesAfterJobs()).toEqual([['site']]);
  });

  it('purges the whole site when a section is renamed, since every page shows the navigation', async () => {
    const { storage, publication } = t.app;
    await changeSection({ storage, clock: time.clock, publication }, editor, {
      id: ids.section,
      name: 'Oman and the Gulf',
      slug: 'gulf',
    });
    expect(await purgesAfterJobs()).toEqual([['site']]);
  });
});
