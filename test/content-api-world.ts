/**
 * A newsroom with a few published stories and some that readers may not see, for the Content
 * API's tests; and a client that calls /api/content/ with a key.
 */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Section } from '../src/domain/section/section.js';
import type { NewArticle } from '../src/services/ports.js';
import { mediaRecord } from '../src/services/fakes/media-record.js';
import type { Browser, newsroomClient } from './newsroom-client.js';
import type { TestApp } from './test-app.js';

const HOUR = 3_600_000;
export const hoursAgo = (hours: number) => new Date(Date.now() - hours * HOUR);

/** A body with a paragraph, a library photo by its site path and a YouTube embed. */
export const richBody = (text: string) => ({
  type: 'doc' as const,
  content: [
    { type: 'paragraph' as const, content: [{ type: 'text' as const, text }] },
    {
      type: 'image' as const,
      attrs: { src: '/media/ab/abcdef/original-800.jpg', alt: 'The harbour at dawn' },
    },
    {
      type: 'embed' as const,
      attrs: { provider: 'youtube' as const, url: 'https://youtu.be/dQw4w9WgXcQ' },
    },
  ],
});

/** An article row for the store, published `hours` ago unless told otherwise. */
export const storyIn = (
  section: Section,
  headline: string,
  overrides: Partial<NewArticle> = {},
): NewArticle => ({
  slug: headline.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
  sectionId: section.id,
  headline,
  standfirst: `About ${headline}`,
  dateline: 'Muscat',
  body: richBody(`${headline}: the story.`),
  lead: null,
  signOff: 'Agencies',
  status: 'published',
  publishedAt: hoursAgo(1),
  seoTitle: '',
  seoDescription: '',
  authorIds: [],
  tagIds: [],
  ...overrides,
});

/** The stories the suites read, and those they must never see. */
export async function seedContent(t: TestApp) {
  const stores = t.app.storage.stores;
  const now = new Date();
  const world = await stores.sections.create({
    slug: 'world',
    name: 'World',
    description: 'Abroad',
    position: 1,
  });
  const sport = await stores.sections.create({
    slug: 'sport',
    name: 'Sport',
    description: '',
    position: 2,
  });
  t.app.publication.invalidate();
  const reporter = await stores.authors.create({
    slug: 'amal-reporter',
    name: 'Amal Reporter',
    kind: 'staff',
    bio: 'Covers the Gulf.',
  });
  const [ports, football] = await stores.tags.findOrCreate(['Ports', 'Football']);
  const photo = await stores.media.create(
    mediaRecord({ originalName: 'harbour.jpg', width: 2400, height: 1600 }),
    now,
  );
  const create = (article: NewArticle) => stores.articles.create(article, now);
  const ids = {
    harbour: await create(
      storyIn(world, 'Harbour reopens', {
        publishedAt: hoursAgo(3),
        authorIds: [reporter.id],
        tagIds: [ports!.id],
        lead: {
          mediaId: photo.id,
          caption: 'The harbour at dawn',
          credit: 'Staff',
          alt: 'Ships at anchor',
        },
      }),
    ),
    derby: await create(
      storyIn(sport, 'Derby ends level', { publishedAt: hoursAgo(2), tagIds: [football!.id] }),
    ),
    summit: await create(
      storyIn(world, 'Summit opens', { publishedAt: hoursAgo(1), authorIds: [reporter.id] }),
    ),
    draft: await create(storyIn(world, 'Draft budget', { status: 'draft', publishedAt: null })),
    embargoed: await create(
      storyIn(world, 'Embargoed results', { publishedAt: new Date(Date.now() + 24 * HOUR) }),
    ),
    unpublished: await create(
      storyIn(world, 'Taken down', { status: 'unpublished', publishedAt: hoursAgo(5) }),
    ),
    killed: await create(storyIn(world, 'Killed story', { publishedAt: hoursAgo(4) })),
  };
  // Killed yet still marked published: the API must look at killed_at itself.
  await stores.desk.setWorkflow(ids.killed, { killedAt: now });
  await stores.corrections.add(
    ids.harbour,
    { kind: 'correction', text: 'The harbour reopened on Tuesday, not Monday.', createdAt: now },
    (await stores.users.findByEmail('chief@paper.example'))!.id,
  );
  return { ids, world, sport, reporter, ports: ports!, football: football!, photo };
}

/** Makes a Content API key as the editor-in-chief and answers its secret. */
export async function contentKeyOf(
  { call }: ReturnType<typeof newsroomClient>,
  chief: Browser,
  name = 'iOS app',
) {
  const response = await call({
    method: 'POST',
    url: '/api/admin/content-keys',
    as: chief,
    body: { name },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ key: { id: number; prefix: string }; secret: string }>();
}

/** Calls the Content API of `t()` with a key (as a bearer token unless `header` says so). */
export function contentClient(t: () => TestApp) {
  return (
    url: string,
    key: string | undefined,
    options: {
      header?: 'bearer' | 'x-api-key';
      headers?: Record<string, string>;
      method?: 'GET' | 'OPTIONS';
    } = {},
  ): Promise<LightMyRequestResponse> =>
    t().server.inject({
      method: options.method ?? 'GET',
      url,
      headers: {
        ...(key &&
          (options.header === 'x-api-key'
            ? { 'x-api-key': key }
            : { authorization: `Bearer ${key}` })),
        ...options.headers,
      },
    });
}
