import type { Kysely, Selectable } from 'kysely';
import type { ScheduledUpdate, ScheduledUpdateStore } from '../services/ports.js';
import { SCHEDULE_BATCH } from './article-desk-store.js';
import { fromDbTime, toDbTime, type DatabaseSchema, type ScheduledUpdatesTable } from './schema.js';

const updateFrom = (row: Selectable<ScheduledUpdatesTable>): ScheduledUpdate => ({
  id: row.id,
  articleId: row.article_id,
  revision: row.revision,
  userId: row.user_id,
  applyAt: fromDbTime(row.apply_at),
});

export class KyselyScheduledUpdateStore implements ScheduledUpdateStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  private pending() {
    return this.db
      .selectFrom('scheduled_updates')
      .selectAll()
      .where('applied_at', 'is', null)
      .where('cancelled_at', 'is', null);
  }

  async add(update: Omit<ScheduledUpdate, 'id'>): Promise<ScheduledUpdate> {
    const row = await this.db
      .insertInto('scheduled_updates')
      .values({
        article_id: update.articleId,
        revision: update.revision,
        user_id: update.userId,
        apply_at: toDbTime(update.applyAt),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return updateFrom(row);
  }

  async pendingFor(articleId: number): Promise<ScheduledUpdate[]> {
    return (
      await this.pending().where('article_id', '=', articleId).orderBy('apply_at').execute()
    ).map(updateFrom);
  }

  async due(now: Date): Promise<ScheduledUpdate[]> {
    return (
      await this.pending()
        .where('apply_at', '<=', toDbTime(now))
        .orderBy('apply_at')
        .limit(SCHEDULE_BATCH)
        .execute()
    ).map(updateFrom);
  }

  private async close(id: number, column: 'applied_at' | 'cancelled_at', now: Date) {
    const result = await this.db
      .updateTable('scheduled_updates')
      .set({ [column]: toDbTime(now) })
      .where('id', '=', id)
      .where('applied_at', 'is', null)
      .where('cancelled_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  markApplied(id: number, now: Date) {
    return this.close(id, 'applied_at', now);
  }

  cancel(id: number, now: Date) {
    return this.close(id, 'cancelled_at', now);
  }
}
