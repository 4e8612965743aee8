/**
 * Managing webhooks through the newsroom API: the secret is shown when made or rolled and
 * never listed; events and URLs are checked; and a receiver that stays down is retried on a
 * growing schedule for a day, then given up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuardedHttpClient } from '../src/adapters/http/guarded-http-client.js';
import { OutboundError } from '../src/domain/network/outbound-error.js';
import { createArticle } from '../src/services/articles/create-article.js';
import { articleDraftSchema } from '../src/domain/article/article-draft.js';
import { transitionArticle } from '../src/services/articles/transition-article.js';
import type { OutboundHttp } from '../src/services/ports.js';
import { paragraphs } from './article-desk.js';
import { newsroomClient, type Browser } from './newsroom-client.js';
import { addStaffMember } from './staff-fixtures.js';
import { startTestApp, type TestApp } from './test-app.js';
import { createSqliteDatabase } from './test-databases.js';

/** A receiver that is never there, counting the tries; URLs are checked as usual. */
const sent: string[] = [];
const unreachable: OutboundHttp = {
  refusalOf: (url) => createGuardedHttpClient().refusalOf(url),
  send: (request) => {
    sent.push(request.url);
    return Promise.reject(new OutboundError('network', 'connect ECONNREFUSED'));
  },
};

describe('webhooks in the newsroom API', () => {
  let t: TestApp;
  let chief: Browser;
  let now = new Date('2030-05-01T06:00:00Z');
  const client = newsroomClient(() => t);
  const as = (call: Parameters<typeof client.call>[0]) => client.call({ ...call, as: chief });

  beforeAll(async () => {
    t = await startTestApp({}, createSqliteDatabase(), {
      outbound: unreachable,
      clock: { now: () => now },
    });
    await client.addUser('chief@paper.example', 'editor_in_chief');
    chief = await client.signIn('chief@paper.example');
  });
  afterAll(() => t?.close());

  it('shows the secret once when made, never in the list, and anew when rolled', async () => {
    const created = await as({
      method: 'POST',
      url: '/api/admin/webhooks',
      body: {
        url: 'https://hooks.partner.example/dateline',
        events: ['article.killed', 'article.published'],
        description: 'Partner app',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { webhook, secret } = created.json<{ webhook: { id: number }; secret: string }>();
    expect(secret).toMatch(/^whsec_[\w-]{43}$/);
    expect(webhook).toMatchObject({
      url: 'https://hooks.partner.example/dateline',
      events: ['article.published', 'article.killed'],
      active: true,
    });
    const listed = await as({ url: '/api/admin/webhooks' });
    expect(listed.body).not.toContain(secret);
    expect(listed.json<{ webhooks: unknown[] }>().webhooks).toHaveLength(1);
    const rolled = await as({ method: 'POST', url: `/api/admin/webhooks/${webhook.id}/secret` });
    const newSecret = rolled.json<{ secret: string }>().secret;
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(secret);
    expect((await t.app.storage.stores.webhooks.findById(webhook.id))?.secret).toBe(newSecret);
  });

  it('changes events and switches a subscription off, and deletes it', async () => {
    const { webhook } = (
      await as({
        method: 'POST',
        url: '/api/admin/webhooks',
        body: { url: 'https://hooks.partner.example/b', events: ['article.updated'] },
      })
    ).json<{ webhook: { id: number } }>();
    const changed = await as({
      method: 'PATCH',
      url: `/api/admin/webhooks/${webhook.id}`,
      body: { events: ['article.corrected'], active: false },
    });
    expect(changed.json()).toMatchObject({
      webhook: { events: ['article.corrected'], active: false },
    });
    expect(
      (await as({ method: 'DELETE', url: `/api/admin/webhooks/${webhook.id}` })).statusCode,
    ).toBe(204);
    expect(
      (await as({ method: 'DELETE', url: `/api/admin/webhooks/${webhook.id}` })).statusCode,
    ).toBe(404);
    expect((await as({ url: `/api/admin/webhooks/${webhook.id}/deliveries` })).statusCode).toBe(
      404,
    );
  });

  it('names the field at fault in what it refuses', async () => {
    const refused = async (body: object) => {
      const response = await as({ method: 'POST', url: '/api/admin/webhooks', body });
      expect(response.statusCode, response.body).toBe(400);
      return response.json<{ error: string; field: string }>();
    };
    expect(await refused({ url: 'https://a.example/', events: [] })).toMatchObject({
      field: 'events',
    });
    expect(await refused({ url: 'https://a.example/', events: ['article.deleted'] })).toMatchObject(
      { field: 'events', error: 'events: article.deleted is not an event Dateline sends' },
    );
    expect(await refused({ url: 'ftp://a.example/', events: ['article.killed'] })).toEqual({
      field: 'url',
      error: 'url: must start with http:// or https://',
    });
    expect(await refused({ events: ['article.killed'] })).toMatchObject({ field: 'url' });
  });

  it('retries a receiver that stays down for a day, waiting longer each time, then gives up', async () => {
    const created = await as({
      method: 'POST',
      url: '/api/admin/webhooks',
      body: { url: 'https://down.partner.example/', events: ['article.published'] },
    });
    const { id } = created.json<{ webhook: { id: number } }>().webhook;
    const editor = await addStaffMember(t.app.storage, 'editor', 'editor@paper.example');
    const section = await t.app.storage.stores.sections.create({
      slug: 'oman',
      name: 'Oman',
      description: '',
      position: 0,
    });
    const { id: articleId } = await createArticle(
      t.app.newsroom,
      editor,
      articleDraftSchema.parse({
        headline: 'Harbour reopens',
        sectionId: section.id,
        body: paragraphs('Boats are back.'),
      }),
    );
    await transitionArticle(t.app.newsroom, editor, articleId, { to: 'published' });
    await t.app.jobs.runDue();
    // Let the clock run a minute at a time for a day and a bit, running what falls due.
    for (let minute = 0; minute < 26 * 60; minute++) {
      now = new Date(now.getTime() + 60_000);
      await t.app.jobs.runDue();
    }
    // A day away from the desk outlasts the session's idle limit: the chief signs in again.
    chief = await client.signIn('chief@paper.example');
    const response = await as({ url: `/api/admin/webhooks/${id}/deliveries` });
    const [delivery] = response.json<{
      deliveries: { status: string; attempts: number; log: { at: string; error: string }[] }[];
    }>().deliveries;
    expect(delivery?.status).toBe('failed');
    const gaps = (delivery?.log ?? [])
      .map((attempt) => Date.parse(attempt.at))
      .slice(1)
      .map((at, i) => Math.round((at - Date.parse(delivery?.log[i]?.at ?? '')) / 60_000));
    expect(gaps.slice(0, 7)).toEqual([1, 2, 4, 8, 16, 32, 60]);
    expect(new Set(gaps.slice(6))).toEqual(new Set([60]));
    const first = Date.parse(delivery?.log[0]?.at ?? '');
    const last = Date.parse(delivery?.log.at(-1)?.at ?? '');
    expect(last - first).toBeLessThanOrEqual(24 * 60 * 60_000);
    expect(delivery?.log[0]?.error).toBe('network: connect ECONNREFUSED');
    expect(sent.filter((url) => url === 'https://down.partner.example/')).toHaveLength(
      delivery?.attempts ?? -1,
    );
  });
});
