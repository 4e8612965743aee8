import type { Kysely, Selectable } from 'kysely';
import type {
  ArticleEventType,
  AttemptOutcome,
  DeliveryAttempt,
  DeliveryStatus,
  NewWebhookSubscription,
  WebhookChanges,
  WebhookDelivery,
  WebhookStore,
  WebhookSubscription,
} from '../services/ports.js';
import {
  fromDbTime,
  toDbTime,
  type DatabaseSchema,
  type WebhookDeliveriesTable,
  type WebhookSubscriptionsTable,
} from './schema.js';

/** The longest error text kept with an attempt. */
const MAX_ERROR = 1_000;

const subscriptionOf = (row: Selectable<WebhookSubscriptionsTable>): WebhookSubscription => ({
  id: row.id,
  url: row.url,
  events: row.events.split(',').filter(Boolean) as ArticleEventType[],
  description: row.description,
  active: Boolean(row.active),
  secret: row.secret,
  createdBy: row.created_by,
  createdAt: fromDbTime(row.created_at),
  updatedAt: fromDbTime(row.updated_at),
});

const deliveryOf = (row: Selectable<WebhookDeliveriesTable>): WebhookDelivery => ({
  id: row.id,
  subscriptionId: row.subscription_id,
  eventId: row.event_id,
  eventType: row.event_type as ArticleEventType,
  body: row.body,
  status: row.status as DeliveryStatus,
  attempts: row.attempts,
  lastResponseCode: row.last_response_code,
  lastError: row.last_error,
  nextAttemptAt: row.next_attempt_at === null ? null : fromDbTime(row.next_attempt_at),
  createdAt: fromDbTime(row.created_at),
  updatedAt: fromDbTime(row.updated_at),
});

const changesOf = (changes: WebhookChanges) => ({
  ...(changes.url !== undefined && { url: changes.url }),
  ...(changes.events !== undefined && { events: changes.events.join(',') }),
  ...(changes.description !== undefined && { description: changes.description }),
  ...(changes.active !== undefined && { active: changes.active ? 1 : 0 }),
  ...(changes.secret !== undefined && { secret: changes.secret }),
});

export class KyselyWebhookStore implements WebhookStore {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async list(): Promise<WebhookSubscription[]> {
    const rows = await this.db
      .selectFrom('webhook_subscriptions')
      .selectAll()
      .orderBy('id')
      .execute();
    return rows.map(subscriptionOf);
  }

  async findById(id: number): Promise<WebhookSubscription | undefined> {
    const row = await this.db
      .selectFrom('webhook_subscriptions')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && subscriptionOf(row);
  }

  async create(subscription: NewWebhookSubscription, now: Date): Promise<WebhookSubscription> {
    const row = await this.db
      .insertInto('webhook_subscriptions')
      .values({
        url: subscription.url,
        events: subscription.events.join(','),
        description: subscription.description,
        active: subscription.active ? 1 : 0,
        secret: subscription.secret,
        created_by: subscription.createdBy,
        created_at: toDbTime(now),
        updated_at: toDbTime(now),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return subscriptionOf(row);
  }

  async update(
    id: number,
    changes: WebhookChanges,
    now: Date,
  ): Promise<WebhookSubscription | undefined> {
    const row = await this.db
      .updateTable('webhook_subscriptions')
      .set({ ...changesOf(changes), updated_at: toDbTime(now) })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row && subscriptionOf(row);
  }

  async remove(id: number): Promise<boolean> {
    // Foreign keys cascade on both engines; said here too so the order is plain.
    const deliveries = this.db
      .selectFrom('webhook_deliveries')
      .select('id')
      .where('subscription_id', '=', id);
    await this.db.deleteFrom('webhook_attempts').where('delivery_id', 'in', deliveries).execute();
    await this.db.deleteFrom('webhook_deliveries').where('subscription_id', '=', id).execute();
    const result = await this.db
      .deleteFrom('webhook_subscriptions')
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async activeFor(type: ArticleEventType): Promise<WebhookSubscription[]> {
    const rows = await this.db
      .selectFrom('webhook_subscriptions')
      .selectAll()
      .where('active', '=', 1)
      .orderBy('id')
      .execute();
    return rows.map(subscriptionOf).filter((s) => s.events.includes(type));
  }

  async subscribersOf(eventId: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('webhook_deliveries')
      .select('subscription_id')
      .where('event_id', '=', eventId)
      .execute();
    return rows.map((row) => row.subscription_id);
  }

  async createDelivery(
    delivery: Pick<WebhookDelivery, 'subscriptionId' | 'eventId' | 'eventType' | 'body'>,
    now: Date,
  ): Promise<number> {
    const { id } = await this.db
      .insertInto('webhook_deliveries')
      .values({
        subscription_id: delivery.subscriptionId,
        event_id: delivery.eventId,
        event_type: delivery.eventType,
        body: delivery.body,
        status: 'pending',
        attempts: 0,
        next_attempt_at: toDbTime(now),
        created_at: toDbTime(now),
        updated_at: toDbTime(now),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  async findDelivery(id: number): Promise<WebhookDelivery | undefined> {
    const row = await this.db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && deliveryOf(row);
  }

  async recordAttempt(
    id: number,
    attempt: number,
    outcome: AttemptOutcome,
    now: Date,
  ): Promise<void> {
    const error = outcome.error?.slice(0, MAX_ERROR) ?? null;
    await this.db
      .updateTable('webhook_deliveries')
      .set({
        status: outcome.status,
        attempts: attempt,
        last_response_code: outcome.responseCode,
        last_error: error,
        next_attempt_at: outcome.nextAttemptAt && toDbTime(outcome.nextAttemptAt),
        updated_at: toDbTime(now),
      })
      .where('id', '=', id)
      .execute();
    await this.db
      .insertInto('webhook_attempts')
      .values({
        delivery_id: id,
        number: attempt,
        response_code: outcome.responseCode,
        error,
        attempted_at: toDbTime(now),
      })
      .execute();
  }

  async deliveriesOf(
    subscriptionId: number,
    limit: number,
  ): Promise<(WebhookDelivery & { log: DeliveryAttempt[] })[]> {
    const rows = await this.db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('subscription_id', '=', subscriptionId)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    if (rows.length === 0) return [];
    const attempts = await this.db
      .selectFrom('webhook_attempts')
      .selectAll()
      .where(
        'delivery_id',
        'in',
        rows.map((row) => row.id),
      )
      .orderBy('delivery_id')
      .orderBy('number')
      .execute();
    return rows.map((row) => ({
      ...deliveryOf(row),
      log: attempts
        .filter((a) => a.delivery_id === row.id)
        .map((a) => ({
          number: a.number,
          at: fromDbTime(a.attempted_at),
          responseCode: a.response_code,
          error: a.error,
        })),
    }));
  }
}
