import { assertPublishable } from '../../domain/article/publishable.js';
import { isDomainError } from '../../domain/errors.js';
import type { Clock, Locks, Reads, Stores, Transactions } from '../ports.js';
import { draftOf } from './article-draft-of.js';
import { applyScheduledUpdate, type ApplyUpdateStores } from './schedule-update.js';
import { announce } from './transition-article.js';
/** The stores a run of the scheduler touches. */
export type ScheduleRunStores = ApplyUpdateStores &
  Pick<Stores, 'articles' | 'desk' | 'alerts' | 'events'>;

export interface SchedulerDeps {
  storage: Transactions<ScheduleRunStores> & Reads<ScheduleRunStores>;
  clock: Clock;
  locks: Locks;
  log(message: string): void;
}

const SCHEDULE_FAILED = 'schedule_failed';

async function goLive(
  deps: SchedulerDeps,
  stores: Pick<Stores, 'articles' | 'alerts' | 'desk' | 'events'>,
  id: number,
  now: Date,
): Promise<boolean> {
  const article = await stores.articles.findById(id);
  if (!article || article.status !== 'scheduled') return false;
  try {
    assertPublishable(draftOf(article));
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const alreadyRaised = (await stores.alerts.open()).some(
      (a) => a.articleId === id && a.kind === SCHEDULE_FAILED,
    );
    const message = `“${article.headline}” could not go live at its scheduled time: ${error.message}`;
    if (!alreadyRaised)
      await stores.alerts.raise({ kind: SCHEDULE_FAILED, articleId: id, message, createdAt: now });
    deps.log(`scheduler: ${message}`);
    return false;
  }
  const publishedAt = article.publishedAt ?? article.publishAt ?? now;
  // Only one process wins this move, whatever the lock: the row must still be `scheduled`.
  if (
    !(await stores.desk.move(id, 'scheduled', 'published', { publishedAt, publishAt: null }, now))
  )
    return false;
  await announce(stores, 'published', id, null, now);
  return true;
}

async function takeDown(
  stores: Pick<Stores, 'desk' | 'events' | 'alerts'>,
  id: number,
  now: Date,
): Promise<boolean> {
  if (!(await stores.desk.move(id, 'published', 'unpublished', { unpublishAt: null }, now)))
    return false;
  await announce(stores, 'unpublished', id, null, now);
  return true;
}

/**
 * One run of the scheduler: publishes the scheduled articles whose time has come, applies due
 * updates of live stories, and takes down the expired ones. Runs in one process at a time; a failing article raises an alert.
 */
export async function runSchedules(deps: SchedulerDeps) {
  const done = { published: [] as number[], updated: [] as number[], unpublished: [] as number[] };
  await deps.locks.tryWithLock('dateline:scheduler', async () => {
    const now = deps.clock.now();
    const { desk } = deps.storage.stores;
    for (const id of await desk.dueToPublish(now)) {
      if (await deps.storage.transaction((stores) => goLive(deps, stores, id, now)))
        done.published.push(id);
    }
    for (const update of await deps.storage.stores.scheduledUpdates.due(now)) {
      if (await deps.storage.transaction((stores) => applyScheduledUpdate(stores, update, now))) {
        done.updated.push(update.articleId);
      }
    }
    for (const id of await desk.dueToExpire(now)) {
      if (await deps.storage.transaction((stores) => takeDown(stores, id, now)))
        done.unpublished.push(id);
    }
  });
  return done;
}
