import { afterAll, beforeAll } from 'vitest';
import { openStorage, type OpenedStorage } from '../src/storage/open-storage.js';
import type { TestDatabase } from './test-databases.js';

/**
 * Storage on a fresh database with every migration applied, for the describe block it is called
 * in: a migration's test writes rows as they stood before the migration, then runs its `up`.
 */
export function migratedStorage(create: () => Promise<TestDatabase>): () => OpenedStorage {
  let database: TestDatabase | undefined;
  let storage: OpenedStorage | undefined;
  beforeAll(async () => {
    database = await create();
    storage = openStorage(database.url);
    await storage.migrate();
  });
  afterAll(async () => {
    await storage?.close();
    await database?.drop();
  });
  return () => {
    if (!storage) throw new Error('the storage opens in beforeAll');
    return storage;
  };
}

/** A published story written straight into `articles` in a new section, as a migration finds it. */
export async function insertPublishedStory(
  storage: OpenedStorage,
  story: { slug: string; headline?: string; publishedAt: string; updatedAt?: string },
): Promise<number> {
  const { kysely, stores } = storage;
  const section =
    (await stores.sections.list()).find((s) => s.slug === 'oman') ??
    (await stores.sections.create({ slug: 'oman', name: 'Oman', description: '', position: 0 }));
  const { id } = await kysely
    .insertInto('articles')
    .values({
      slug: story.slug,
      section_id: section.id,
      headline: story.headline ?? story.slug,
      standfirst: '',
      dateline: '',
      body: '{"type":"doc","content":[]}',
      sign_off: '',
      status: 'published',
      published_at: story.publishedAt,
      updated_at: story.updatedAt ?? story.publishedAt,
      created_at: story.publishedAt,
      seo_title: '',
      seo_description: '',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
