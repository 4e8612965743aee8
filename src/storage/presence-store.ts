import type { Kysely } from 'kysely';
import type { PresenceStore } from '../services/ports.js';
import { toDbTime, type DatabaseSchema } from './schema.js';

export class KyselyPresenceStore implements PresenceStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async touch(articleId: number, user: { id: number; name: string }, now: Date): Promise<void> {
    const seenAt = toDbTime(now);
    await this.db
      .insertInto('article_presence')
      .values({ article_id: articleId, user_id: user.id, user_name: user.name, seen_at: seenAt })
      .onConflict((oc) =>
        oc
          .columns(['article_id', 'user_id'])
          .doUpdateSet({ user_name: user.name, seen_at: seenAt }),
      )
      .execute();
  }

  async others(articleId: number, userId: number, since: Date) {
    const rows = await this.db
      .selectFrom('article_presence')
      .select(['user_id', 'user_name'])
      .where('article_id', '=', articleId)
      .where('user_id', '!=', userId)
      .where('seen_at', '>=', toDbTime(since))
      .orderBy('user_name')
      .execute();
    return rows.map((row) => ({ userId: row.user_id, name: row.user_name }));
  }

  async forget(before: Date): Promise<void> {
    await this.db.deleteFrom('article_presence').where('seen_at', '<', toDbTime(before)).execute();
  }
}
