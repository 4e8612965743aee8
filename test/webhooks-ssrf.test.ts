/**
 * Webhooks cannot be pointed into the paper's own network: loopback, cloud metadata and
 * private addresses are refused when the subscription is made if the URL says so, and when
 * the delivery connects if only the name or a redirect leads there. A listener on loopback
 * counts zero requests; once the operator allow-lists its address, delivery works.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGuardedHttpClient } from '../src/adapters/http/guarded-http-client.js';
import type { Resolve } from '../src/adapters/http/guarded-lookup.js';
import { createArticle } from '../src/services/articles/create-article.js';
import { articleDraftSchema } from '../src/domain/article/article-draft.js';
import { transitionArticle } from '../src/services/articles/transition-article.js';
import { subscribeWebhook } from '../src/services/webhooks/manage-webhooks.js';
import type { Actor } from '../src/domain/roles/role.js';
import { paragraphs } from './article-desk.js';
import { newsroomClient, type Browser } from './newsroom-client.js';
import { addStaffMember } from './staff-fixtures.js';
import { startTestApp, type TestApp } from './test-app.js';
import { createSqliteDatabase } from './test-databases.js';
import { startWebhookReceiver } from './webhook-receiver.js';

/** Names only this test's resolver knows, each pointing at loopback. */
const resolveTestNames: Resolve = (hostname) =>
  ['hooks.partner.test', 'public.partner.test'].includes(hostname)
    ? Promise.resolve([{ address: '127.0.0.1', family: 4 }])
    : Promise.reject(new Error(`ENOTFOUND ${hostname}`));

/** An app whose webhooks go out through the guarded client, allowing `allow`. */
async function startApp(allow: string[]) {
  const env: Record<string, string> = { OUTBOUND_ALLOW: allow.join(',') };
  const outbound = createGuardedHttpClient({ allow, resolve: resolveTestNames });
  const t = await startTestApp(env, createSqliteDatabase(), { outbound });
  const editor = await addStaffMember(t.app.storage, 'editor_in_chief', 'chief@paper.example');
  const section = await t.app.storage.stores.sections.create({
    slug: 'oman',
    name: 'Oman',
    description: '',
    position: 0,
  });
  return { t, editor, sectionId: section.id };
}

/** Publishes a story and runs every job due: the fan-out, the listener, the deliveries. */
async function publishStory(world: { t: TestApp; editor: Actor; sectionId: number }) {
  const deps = world.t.app.newsroom;
  const { id } = await createArticle(
    deps,
    world.editor,
    articleDraftSchema.parse({
      headline: 'Muscat festival opens',
      sectionId: world.sectionId,
      body: paragraphs('Opens tonight.'),
    }),
  );
  await transitionArticle(deps, world.editor, id, { to: 'published' });
  await world.t.app.jobs.runDue();
  return id;
}

const deliveriesOf = async (t: TestApp, subscriptionId: number) =>
  t.app.storage.stores.webhooks.deliveriesOf(subscriptionId, 10);

describe('webhooks and the paper’s own network', () => {
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let receiverV6: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let inside: Awaited<ReturnType<typeof startWebhookReceiver>>;
  const apps: TestApp[] = [];

  beforeAll(async () => {
    receiver = await startWebhookReceiver('127.0.0.1');
    receiverV6 = await startWebhookReceiver('::1');
    inside = await startWebhookReceiver('127.0.0.2');
  });
  afterEach(() => {
    for (const r of [receiver, receiverV6, inside]) r.received.length = 0;
  });
  afterAll(async () => {
    await Promise.all(apps.map((t) => t.close()));
    await Promise.all([receiver, receiverV6, inside].map((r) => r?.close()));
  });

  describe('without an allow-list', () => {
    let world: Awaited<ReturnType<typeof startApp>>;
    let chief: Browser;
    const client = newsroomClient(() => world.t);

    beforeAll(async () => {
      world = await startApp([]);
      apps.push(world.t);
      await client.addUser('signed-in-chief@paper.example', 'editor_in_chief');
      chief = await client.signIn('signed-in-chief@paper.example');
    });

    const subscribe = (url: string) =>
      client.call({
        method: 'POST',
        url: '/api/admin/webhooks',
        as: chief,
        body: { url, events: ['article.published'] },
      });

    it('refuses loopback, metadata and private URLs when the subscription is made', async () => {
      for (const url of [
        `http://127.0.0.1:${receiver.port}/`,
        `http://2130706433:${receiver.port}/`,
        `http://0x7f.0.0.1:${receiver.port}/`,
        `http://[::1]:${receiverV6.port}/`,
        `http://[::ffff:127.0.0.1]:${receiver.port}/`,
        `http://localhost:${receiver.port}/`,
        'http://169.254.169.254/latest/meta-data/',
        'http://[fd00:ec2::254]/latest/meta-data/',
        'http://10.0.0.8/hook',
        'file:///etc/passwd',
        'http://user:secret@hooks.partner.test/',
      ]) {
        const response = await subscribe(url);
        expect(response.statusCode, url).toBe(400);
        expect(response.json<{ field: string }>().field, url).toBe('url');
      }
      expect(await world.t.app.storage.stores.webhooks.list()).toEqual([]);
    });

    it('refuses at delivery a name that resolves to loopback, and sends nothing', async () => {
      const created = await subscribe(`http://hooks.partner.test:${receiver.port}/inbox`);
      expect(created.statusCode, created.body).toBe(201);
      const { id } = created.json<{ webhook: { id: number } }>().webhook;
      await publishStory(world);
      const [delivery] = await deliveriesOf(world.t, id);
      expect(delivery?.log).toEqual([
        expect.objectContaining({
          number: 1,
          responseCode: null,
          error: 'refused: hooks.partner.test resolves to 127.0.0.1, a loopback address',
        }),
      ]);
      expect(delivery?.status).toBe('pending');
      expect(receiver.received).toEqual([]);
    });

    it('refuses at delivery a loopback URL that slipped into storage', async () => {
      // Made before an operator narrowed the allow-list, say: delivery checks again.
      const subscription = await world.t.app.storage.stores.webhooks.create(
        {
          url: `http://[::1]:${receiverV6.port}/`,
          events: ['article.published'],
          description: '',
          active: true,
          secret: 'whsec_test',
          createdBy: null,
        },
        new Date(),
      );
      await publishStory(world);
      const [delivery] = await deliveriesOf(world.t, subscription.id);
      expect(delivery?.lastError).toMatch(/^refused: .*points at ::1, a loopback address$/);
      expect(receiverV6.received).toEqual([]);
    });
  });

  describe('with the receiver’s address allow-listed', () => {
    let world: Awaited<ReturnType<typeof startApp>>;

    beforeAll(async () => {
      world = await startApp(['127.0.0.1']);
      apps.push(world.t);
    });

    it('delivers to the allow-listed address', async () => {
      const subscription = await subscribeWebhook(world.t.app.webhooks, world.editor, {
        url: `${receiver.origin}/inbox`,
        events: ['article.published'],
      });
      const articleId = await publishStory(world);
      expect(receiver.received.map((hook) => hook.url)).toEqual(['/inbox']);
      const [delivery] = await deliveriesOf(world.t, subscription.id);
      expect(delivery).toMatchObject({ status: 'delivered', lastResponseCode: 200, attempts: 1 });
      expect(JSON.parse(receiver.received[0]?.body ?? '')).toMatchObject({
        type: 'article.published',
        data: { article: { id: articleId, headline: 'Muscat festival opens' } },
      });
    });

    it('does not follow a public-looking URL that redirects inside', async () => {
      const redirector = createServer((_request, response) =>
        response.writeHead(302, { location: `${inside.origin}/latest/meta-data/` }).end(),
      );
      await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
      const { port } = redirector.address() as AddressInfo;
      try {
        const subscription = await subscribeWebhook(world.t.app.webhooks, world.editor, {
          url: `http://public.partner.test:${port}/hook`,
          events: ['article.published'],
        });
        await publishStory(world);
        const [delivery] = await deliveriesOf(world.t, subscription.id);
        expect(delivery).toMatchObject({ status: 'pending', lastResponseCode: 302 });
        expect(delivery?.lastError).toMatch(/webhooks do not follow redirects/);
        expect(inside.received).toEqual([]);
      } finally {
        redirector.close();
      }
    });
  });
});
