/**
 * A publish's CDN purge and webhook go out while photos are still being encoded: the photo
 * jobs run in a lane of their own, and the event's jobs are woken as soon as they commit.
 * Real photos, real encoding, a real worker; the proof is the order of things, not the time.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { articleDraftSchema } from '../src/domain/article/article-draft.js';
import { createArticle } from '../src/services/articles/create-article.js';
import { transitionArticle } from '../src/services/articles/transition-article.js';
import { MAKE_VARIANTS_JOB } from '../src/services/media/media-deps.js';
import { uploadPhoto } from '../src/services/media/upload-photo.js';
import { subscribeWebhook } from '../src/services/webhooks/manage-webhooks.js';
import type { Actor } from '../src/domain/roles/role.js';
import { paragraphs } from './article-desk.js';
import { distinctJpeg } from './photo-library.js';
import { startPurgeReceiver, type PurgeReceiver } from './purge-receiver.js';
import { addStaffMember } from './staff-fixtures.js';
import { startTestApp, type TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';
import { startWebhookReceiver } from './webhook-receiver.js';

/** Photos queued before the story is published; each makes a few dozen real variants. */
const PHOTOS = 20;

describe.each(ENGINES)('urgent jobs beside photo work on $engine', ({ create }) => {
  let t: TestApp;
  let purges: PurgeReceiver;
  let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let chief: Actor;
  let articleId: number;

  beforeAll(async () => {
    purges = await startPurgeReceiver();
    hooks = await startWebhookReceiver();
    t = await startTestApp(
      {
        CDN_PURGE_URL: purges.url,
        OUTBOUND_ALLOW: '127.0.0.1',
        PUBLIC_URL: 'https://news.example',
      },
      await create(),
    );
    chief = await addStaffMember(t.app.storage, 'editor_in_chief', 'chief@paper.example');
    const section = await t.app.storage.stores.sections.create({
      slug: 'oman',
      name: 'Oman',
      description: '',
      position: 0,
    });
    await subscribeWebhook(t.app.webhooks, chief, {
      url: `${hooks.origin}/dateline`,
      events: ['article.published'],
    });
    ({ id: articleId } = await createArticle(
      t.app.newsroom,
      chief,
      articleDraftSchema.parse({
        headline: 'Muscat festival opens',
        sectionId: section.id,
        body: paragraphs('Opens tonight.'),
      }),
    ));
    await t.app.jobs.runDue();
    for (let n = 0; n < PHOTOS; n++) {
      const file = await distinctJpeg(960, 640, 700 + n);
      await uploadPhoto(t.app.media, chief, () => Promise.resolve({ file, fields: {} }));
    }
  });

  afterAll(async () => {
    await t?.close();
    await purges?.close();
    await hooks?.close();
  });

  it('delivers the purge and the webhook while photo jobs are still queued', async () => {
    const { jobs } = t.app.storage.stores;
    expect(await jobs.countPending(MAKE_VARIANTS_JOB)).toBe(PHOTOS);
    const purgedBefore = purges.purged().length;
    // An hour between polls: only a job's commit can wake its lane in this test.
    const worker = t.app.startJobs(3_600_000);
    try {
      // A photo's variants are being encoded when the story goes out.
      await vi.waitFor(() => expect(t.app.media.encoder.load().running).toBe(1), {
        timeout: 20_000,
        interval: 5,
      });
      await transitionArticle(t.app.newsroom, chief, articleId, { to: 'published' });
      await vi.waitFor(
        () => {
          expect(purges.purged().slice(purgedBefore).flat()).toContain(`article-${articleId}`);
          expect(hooks.received.map((hook) => hook.body).join()).toContain('article.published');
        },
        { timeout: 20_000, interval: 20 },
      );
      // Read after both arrived: photo jobs only ever leave the queue, so this many at least
      // were still waiting when the purge and the webhook went out.
      const stillQueued = await jobs.countPending(MAKE_VARIANTS_JOB);
      expect(stillQueued).toBeGreaterThan(0);
      const stats = await jobs.queueStats(t.app.clock.now());
      expect(stats.find((line) => line.kind === MAKE_VARIANTS_JOB)?.queued).toBeGreaterThan(0);
    } finally {
      await worker.stop();
    }
  });
});
