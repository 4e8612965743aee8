import { sql, type Kysely } from 'kysely';
import { mediaIdsInBody } from '../domain/body/media-in-body.js';
import type { DatabaseSchema } from './schema.js';

/**
 * Records which library photos an article shows (its lead photo, and photos in its body), so
 * the library can say where a photo is used and refuse to delete it. Called in the same
 * transaction as every write of an article's lead or body.
 */
export async function recordArticleMedia(
  db: Kysely<DatabaseSchema>,
  articleId: number,
  shown: { leadMediaId: number | null; socialMediaId: number | null; body: unknown },
): Promise<void> {
  await db.deleteFrom('article_media').where('article_id', '=', articleId).execute();
  const uses = [
    ...(shown.leadMediaId === null ? [] : [{ mediaId: shown.leadMediaId, as: 'lead' }]),
    ...(shown.socialMediaId === null ? [] : [{ mediaId: shown.socialMediaId, as: 'social' }]),
    ...mediaIdsInBody(shown.body).map((mediaId) => ({ mediaId, as: 'inline' })),
  ];
  for (const use of uses) {
    // A body may name a photo deleted since; only photos still in the library are recorded.
    await db
      .insertInto('article_media')
      .columns(['article_id', 'media_id', 'usage'])
      .expression((eb) =>
        eb
          .selectFrom('media')
          .select([
            sql<number>`cast(${articleId} as integer)`.as('article_id'),
            'id',
            sql<'lead' | 'inline' | 'social'>`cast(${use.as} as text)`.as('usage'),
          ])
          .where('id', '=', use.mediaId),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** Records the photos an article shows as it now stands, after a write of its lead or body. */
export async function refreshArticleMedia(
  db: Kysely<DatabaseSchema>,
  articleId: number,
): Promise<void> {
  const shown = await db
    .selectFrom('articles')
    .select(['lead_media_id', 'social_media_id', 'body'])
    .where('id', '=', articleId)
    .executeTakeFirst();
  if (!shown) return;
  await recordArticleMedia(db, articleId, {
    leadMediaId: shown.lead_media_id,
    socialMediaId: shown.social_media_id,
    body: JSON.parse(shown.body) as unknown,
  });
}
