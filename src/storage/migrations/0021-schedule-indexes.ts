import { sql, type Kysely } from 'kysely';

/**
 * Work every instance does each interval, whatever the traffic, must not grow with the archive.
 *
 * The scheduler asks every interval, on every instance, which live stories have passed their
 * `unpublish_at`. No index began with that column, so each run read the visibility index of
 * every published story (about 75 MB a second at a million stories). Few stories ever carry an
 * expiry, so a partial index holds only theirs: a run reads the due ones and nothing else.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('articles_due_to_expire')
    .on('articles')
    .columns(['unpublish_at'])
    .where(sql.ref('unpublish_at'), 'is not', null)
    .execute();
  // Finished jobs are forgotten after a week (jobs/job-retention.ts): by their finishing time.
  await db.schema
    .createIndex('jobs_finished')
    .on('jobs')
    .columns(['done_at'])
    .where(sql.ref('done_at'), 'is not', null)
    .execute();
}
