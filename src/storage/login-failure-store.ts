import type { Kysely } from 'kysely';
import type { LoginFailureStore } from '../services/ports.js';
import { fromDbTime, toDbTime, type DatabaseSchema } from './schema.js';

export class KyselyLoginFailureStore implements LoginFailureStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async record(keys: string[], now: Date): Promise<void> {
    if (keys.length === 0) return;
    const failedAt = toDbTime(now);
    await this.db
      .insertInto('login_failures')
      .values(keys.map((key) => ({ key, failed_at: failedAt })))
      .execute();
  }

  async since(key: string, since: Date): Promise<{ count: number; oldest: Date | null }> {
    const row = await this.db
      .selectFrom('login_failures')
      .select((eb) => [
        eb.fn.countAll<number | string>().as('count'),
        eb.fn.min('failed_at').as('oldest'),
      ])
      .where('key', '=', key)
      .where('failed_at', '>', toDbTime(since))
      .executeTakeFirstOrThrow();
    return { count: Number(row.count), oldest: row.oldest ? fromDbTime(row.oldest) : null };
  }

  async clear(key: string): Promise<void> {
    await this.db.deleteFrom('login_failures').where('key', '=', key).execute();
  }

  async prune(before: Date): Promise<void> {
    await this.db.deleteFrom('login_failures').where('failed_at', '<=', toDbTime(before)).execute();
  }
}
