/**
 * A webhook delivery is a job in the database: it outlives the process that queued it. The
 * receiver fails twice, Dateline restarts in between, and the third attempt gets through,
 * each attempt the same delivery with the same body and a valid signature.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createArticle } from '../src/services/articles/create-article.js';
import { articleDraftSchema } from '../src/domain/article/article-draft.js';
import { transitionArticle } from '../src/services/articles/transition-article.js';
import { subscribeWebhook } from '../src/services/webhooks/manage-webhooks.js';
import { paragraphs } from './article-desk.js';
import { addStaffMember } from './staff-fixtures.js';
import { startTestApp, type TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';
import { signedWith, startWebhookReceiver } from './webhook-receiver.js';

const MINUTE = 60_000;

describe.each(ENGINES)('webhook deliveries across a restart on $engine', ({ create }) => {
  const cleanUps: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanUp of cleanUps.splice(0).reverse()) await cleanUp();
  });

  it('retries after the restart with backoff until the receiver takes it', async () => {
    const receiver = await startWebhookReceiver('127.0.0.1', [500, 500, 200]);
    cleanUps.push(receiver.close);
    const database = await create();
    let now = new Date('2030-03-01T08:00:00Z');
    const clock = { now: () => now };
    const env = { OUTBOUND_ALLOW: '127.0.0.1', PUBLIC_URL: 'https://news.example' };

    // The first process: the story goes out, the receiver answers 500.
    const first: TestApp = await startTestApp(
      env,
      { ...database, drop: () => Promise.resolve() },
      { clock },
    );
    const chief = await addStaffMember(first.app.storage, 'editor_in_chief', 'chief@paper.example');
    const section = await first.app.storage.stores.sections.create({
      slug: 'oman',
      name: 'Oman',
      description: '',
      position: 0,
    });
    const subscription = await subscribeWebhook(first.app.webhooks, chief, {
      url: `${receiver.origin}/dateline`,
      events: ['article.published', 'article.killed'],
    });
    const { id } = await createArticle(
      first.app.newsroom,
      chief,
      articleDraftSchema.parse({
        headline: 'Muscat festival opens',
        sectionId: section.id,
        body: paragraphs('Opens tonight.'),
      }),
    );
    await transitionArticle(first.app.newsroom, chief, id, { to: 'published' });
    await first.app.jobs.runDue();
    expect(receiver.received).toHaveLength(1);
    await first.close();

    // A new process on the same database, before the first retry is due: nothing is sent.
    now = new Date(now.getTime() + 30_000);
    const second = await startTestApp(env, database, { clock });
    cleanUps.push(() => second.close());
    await second.app.jobs.runDue();
    expect(receiver.received).toHaveLength(1);

    // Past the one-minute wait: attempt 2 fails; past the two-minute wait: attempt 3 lands.
    now = new Date(now.getTime() + MINUTE);
    await second.app.jobs.runDue();
    expect(receiver.received).toHaveLength(2);
    now = new Date(now.getTime() + 2 * MINUTE + 1_000);
    await second.app.jobs.runDue();
    expect(receiver.received).toHaveLength(3);

    const deliveryIds = receiver.received.map((hook) => hook.headers['dateline-delivery']);
    expect(new Set(deliveryIds).size).toBe(1);
    for (const hook of receiver.received) {
      expect(signedWith(subscription.secret, hook)).toBe(true);
      expect(signedWith('whsec_someone-else', hook)).toBe(false);
      expect(hook.body).toBe(receiver.received[0]?.body);
      expect(hook.headers['content-type']).toBe('application/json');
    }
    const payload = JSON.parse(receiver.received[0]?.body ?? '') as Record<string, unknown>;
    expect(payload).toMatchObject({
      type: 'article.published',
      data: {
        article: {
          id,
          url: 'https://news.example/oman/muscat-festival-opens',
          headline: 'Muscat festival opens',
          section: { slug: 'oman', name: 'Oman' },
        },
      },
    });
    expect(receiver.received[0]?.headers['dateline-event']).toBe(String(payload.id));

    const [delivery] = await second.app.storage.stores.webhooks.deliveriesOf(subscription.id, 10);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 3, lastResponseCode: 200 });
    expect(String(delivery?.id)).toBe(deliveryIds[0]);
    expect(delivery?.log.map((attempt) => attempt.responseCode)).toEqual([500, 500, 200]);
    expect(delivery?.log[0]?.error).toBe('answered 500: status 500');
  });
});
