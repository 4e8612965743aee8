/**
 * The example client in docs/ against a real server on a port: it typechecks with the tests
 * and must keep working as the API changes.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentApiClient, ContentApiError } from '../docs/content-api-client.js';
import { contentKeyOf, seedContent } from './content-api-world.js';
import { newsroomClient, startNewsroom } from './newsroom-client.js';
import type { TestApp } from './test-app.js';
import { createSqliteDatabase } from './test-databases.js';

describe('the example Content API client', () => {
  let t: TestApp;
  let api: ContentApiClient;
  let seeded: Awaited<ReturnType<typeof seedContent>>;
  const statuses: number[] = [];

  beforeAll(async () => {
    t = await startNewsroom(createSqliteDatabase());
    const client = newsroomClient(() => t);
    seeded = await seedContent(t);
    const { secret } = await contentKeyOf(client, await client.signIn('chief@paper.example'));
    await t.server.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.server.server.address() as AddressInfo;
    const counting: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      statuses.push(response.status);
      return response;
    };
    api = new ContentApiClient(`http://127.0.0.1:${port}`, secret, counting);
  });

  afterAll(() => t?.close());

  it('walks every article page by page, with only the fields asked for', async () => {
    const walked = [];
    for await (const article of api.allArticles({ limit: 2, fields: ['id', 'headline'] }))
      walked.push(article);
    expect(walked).toEqual([
      { id: seeded.ids.summit, headline: 'Summit opens' },
      { id: seeded.ids.derby, headline: 'Derby ends level' },
      { id: seeded.ids.harbour, headline: 'Harbour reopens' },
    ]);
  });

  it('revalidates what it has read with its ETag', async () => {
    const first = await api.articleBySlug('harbour-reopens');
    const again = await api.articleBySlug('harbour-reopens');
    expect(again).toEqual(first);
    expect(statuses.at(-1)).toBe(304);
    expect(first.leadPhoto?.crops['1x1'].srcset.webp).toContain('.webp');
  });

  it('reports a refusal with its status and the field at fault', async () => {
    const refusal = await api.articles({ section: 'gardening' }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ContentApiError);
    expect(refusal).toMatchObject({ status: 400, field: 'section' });
    expect((await api.sections()).map((s) => s.slug)).toEqual(['world', 'sport']);
    expect((await api.settings()).name).toBe('Dateline');
  });
});
