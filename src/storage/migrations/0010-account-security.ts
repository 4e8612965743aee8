import type { Kysely } from 'kysely';

/**
 * API tokens may be given a life at creation, and password reset links are withdrawn when
 * the password changes by another way, so a stale link cannot set it again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('api_tokens').addColumn('expires_at', 'text').execute();
  await db.schema.alterTable('one_time_tokens').addColumn('withdrawn_at', 'text').execute();
  // Withdrawing finds a person's unused reset links by address.
  await db.schema
    .createIndex('one_time_tokens_email')
    .on('one_time_tokens')
    .columns(['email', 'purpose'])
    .execute();
}
