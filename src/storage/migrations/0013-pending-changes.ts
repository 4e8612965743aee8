import type { Kysely } from 'kysely';

/**
 * Changes saved to a live story wait until an editor puts them live: while `live_revision` is
 * set, the article's columns still hold that revision and the newest one (`revision`) waits.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('articles').addColumn('live_revision', 'integer').execute();
  // A writer asked for the waiting changes to go live: an editor's call.
  await db.schema.alterTable('articles').addColumn('changes_in_review_at', 'text').execute();
}
