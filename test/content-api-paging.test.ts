/**
 * Walking the Content API's article list by cursor while the paper keeps publishing: the walk
 * must yield every article that was there when it began, once each and in order. On both
 * engines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storyChangeKeys } from '../src/domain/publication/surrogate-keys.js';
import type { Section } from '../src/domain/section/section.js';
import { contentClient, contentKeyOf, storyIn } from './content-api-world.js';
import { newsroomClient, startNewsroom } from './newsroom-client.js';
import type { TestApp } from './test-app.js';
import { ENGINES } from './test-databases.js';

const ARTICLES = 1_000;
const PAGE = 50;

/** 1,000 published stories straight into the table, three to each minute so times tie. */
async function insertPublished(t: TestApp, section: Section): Promise<number[]> {
  const base = Date.now() - 60_000;
  const rows = Array.from({ length: ARTICLES }, (_, i) => {
    const at = new Date(base - Math.floor(i / 3) * 60_000).toISOString();
    return {
      slug: `walk-${i}`,
      section_id: section.id,
      headline: `Story ${i}`,
      standfirst: '',
      dateline: '',
      body: JSON.stringify({ type: 'doc', content: [{ type: 'paragraph' }] }),
      sign_off: '',
      status: 'published',
      published_at: at,
      updated_at: at,
      created_at: at,
      seo_title: '',
      seo_description: '',
    };
  });
  await t.app.storage.kysely.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 250) {
      await trx
        .insertInto('articles')
        .values(rows.slice(i, i + 250))
        .execute();
    }
  });
  const inserted = await t.app.storage.kysely
    .selectFrom('articles')
    .select(['id'])
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return inserted.map((row) => row.id);
}

describe.each(ENGINES)('paging the Content API by cursor on $engine', ({ create }) => {
  let t: TestApp;
  let key: string;
  let section: Section;
  const client = newsroomClient(() => t);
  const get = contentClient(() => t);

  beforeAll(async () => {
    t = await startNewsroom(await create());
    section = await t.app.storage.stores.sections.create({
      slug: 'world',
      name: 'World',
      description: '',
      position: 1,
    });
    t.app.publication.invalidate();
    key = (await contentKeyOf(client, await client.signIn('chief@paper.example'))).secret;
  });

  afterAll(() => t?.close());

  it('walks 1,000 articles with no duplicate and no gap while new ones are published', async () => {
    const original = await insertPublished(t, section);
    let published = 0;
    // Straight into the store, so announced as the newsroom's publishing would (ADR 0033).
    const publishOne = async () => {
      const { stores } = t.app.storage;
      const story = await stores.articles.create(
        storyIn(section, `Breaking ${++published}`, {
          publishedAt: new Date(),
          body: { type: 'doc', content: [] },
        }),
        new Date(),
      );
      await stores.events.announce(
        storyChangeKeys({ id: story, sectionId: section.id, tagIds: [], authorIds: [] }),
      );
    };
    const page = async (cursor: string | null) => {
      const query = `?limit=${PAGE}&fields=id${cursor ? `&cursor=${cursor}` : ''}`;
      const response = await get(`/api/content/articles${query}`, key);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ articles: { id: number }[]; next: string | null }>();
    };

    const walked: number[] = [];
    let current = await page(null);
    walked.push(...current.articles.map((a) => a.id));
    while (current.next) {
      await publishOne();
      // And one more while the next page is being read.
      [current] = await Promise.all([page(current.next), publishOne()]);
      walked.push(...current.articles.map((a) => a.id));
    }

    expect(published).toBeGreaterThanOrEqual(ARTICLES / PAGE - 1);
    expect(new Set(walked).size).toBe(walked.length);
    expect(walked).toEqual(original);
    const fresh = await page(null);
    expect(fresh.articles[0]?.id).not.toBe(original[0]);
  });
});
