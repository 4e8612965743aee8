import type { Kysely } from 'kysely';

/** The columns as this migration finds them; later changes must not alter what it does. */
interface Tables {
  articles: {
    id: number;
    status: string;
    published_at: string | null;
    updated_at: string;
    live_changed_at: string | null;
  };
}

/** Changes this soon after publication were part of publishing, not an update readers saw. */
const PART_OF_PUBLISHING_MS = 5 * 60_000;

/**
 * Story details: a story's own title, description and photo for shared links; when what
 * readers see last changed after it went live; and a photo and links on byline profiles.
 */
export async function up(untyped: Kysely<unknown>): Promise<void> {
  const db = untyped as unknown as Kysely<Tables>;
  await db.schema
    .alterTable('articles')
    .addColumn('social_title', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('articles')
    .addColumn('social_description', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('articles')
    .addColumn('social_media_id', 'integer', (c) => c.references('media.id'))
    .execute();
  await db.schema.alterTable('articles').addColumn('live_changed_at', 'text').execute();
  await db.schema
    .alterTable('authors')
    .addColumn('photo_media_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
    .execute();
  // A JSON array of URLs.
  await db.schema
    .alterTable('authors')
    .addColumn('links', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await backfillLiveChanges(untyped);
}

/** Until now a live story's update time was `updated_at` when well after publication. */
export async function backfillLiveChanges(untyped: Kysely<unknown>) {
  const db = untyped as unknown as Kysely<Tables>;
  const live = await db
    .selectFrom('articles')
    .select(['id', 'published_at', 'updated_at'])
    .where('status', '=', 'published')
    .where('published_at', 'is not', null)
    .execute();
  for (const story of live) {
    const gap = Date.parse(story.updated_at) - Date.parse(story.published_at!);
    if (gap <= PART_OF_PUBLISHING_MS) continue;
    await db
      .updateTable('articles')
      .set({ live_changed_at: story.updated_at })
      .where('id', '=', story.id)
      .execute();
  }
}
