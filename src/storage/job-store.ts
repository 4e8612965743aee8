import type { Kysely } from 'kysely';
import type { Job, JobKinds, JobQueueStats, JobStore, JobTroubles } from '../services/job-ports.js';
import { fromDbTime, toDbTime, type DatabaseSchema } from './schema.js';

/** The longest error text kept with a job; a stack trace says enough in its first lines. */
const MAX_ERROR = 2_000;

export class KyselyJobStore implements JobStore {
  /**
   * `queued` hears the kind of every job written, once it is committed (the caller decides
   * when that is: at once outside a transaction, after the commit inside one).
   */
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly queued: (kind: string) => void = () => {},
  ) {}

  async enqueue(kind: string, payload: unknown, runAt: Date, now: Date): Promise<number> {
    const { id } = await this.db
      .insertInto('jobs')
      .values({
        kind,
        payload: JSON.stringify(payload),
        run_at: toDbTime(runAt),
        attempts: 0,
        created_at: toDbTime(now),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    this.queued(kind);
    return id;
  }

  async claim(now: Date, leaseMs: number, kinds?: JobKinds): Promise<Job | undefined> {
    const time = toDbTime(now);
    // Two workers may pick the same candidate; the conditions are repeated on the update so
    // only the first one's update matches (PostgreSQL re-checks them on the locked row). A
    // lost race means another worker took that job, so the next candidate is a different one
    // and the loop ends at the latest when the lane's due jobs do.
    for (;;) {
      let candidates = this.db
        .selectFrom('jobs')
        .select('id')
        .where('done_at', 'is', null)
        .where('run_at', '<=', time)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', time)]));
      if (kinds && 'only' in kinds) {
        if (kinds.only.length === 0) return undefined;
        candidates = candidates.where('kind', 'in', kinds.only);
      } else if (kinds && kinds.except.length > 0) {
        candidates = candidates.where('kind', 'not in', kinds.except);
      }
      const candidate = await candidates
        .orderBy('run_at')
        .orderBy('id')
        .limit(1)
        .executeTakeFirst();
      if (!candidate) return undefined;
      const row = await this.db
        .updateTable('jobs')
        .set((eb) => ({
          locked_until: toDbTime(new Date(now.getTime() + leaseMs)),
          attempts: eb('attempts', '+', 1),
        }))
        .where('id', '=', candidate.id)
        .where('done_at', 'is', null)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', time)]))
        .returning(['id', 'kind', 'payload', 'attempts'])
        .executeTakeFirst();
      if (row) return { ...row, payload: JSON.parse(row.payload) as unknown };
    }
  }

  async complete(id: number, now: Date): Promise<void> {
    await this.db
      .updateTable('jobs')
      // A job done at last carries no error: one that does was given up (see troubles).
      .set({ done_at: toDbTime(now), locked_until: null, last_error: null })
      .where('id', '=', id)
      .execute();
  }

  async retryAt(id: number, error: string, runAt: Date): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({ run_at: toDbTime(runAt), locked_until: null, last_error: error.slice(0, MAX_ERROR) })
      .where('id', '=', id)
      .execute();
  }

  async abandon(id: number, error: string, now: Date): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({ done_at: toDbTime(now), locked_until: null, last_error: error.slice(0, MAX_ERROR) })
      .where('id', '=', id)
      .execute();
  }

  async forgetFinishedBefore(before: Date): Promise<number> {
    const result = await this.db
      .deleteFrom('jobs')
      .where('done_at', '<', toDbTime(before))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async countPending(kind: string): Promise<number> {
    const row = await this.db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('kind', '=', kind)
      .where('done_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  async queueStats(now: Date): Promise<JobQueueStats[]> {
    // Times are fixed-width ISO text on both engines: the oldest is the smallest, and the age
    // is worked out here rather than in each engine's date arithmetic.
    const rows = await this.db
      .selectFrom('jobs')
      .select((eb) => [
        'kind',
        eb.fn.countAll<number>().as('queued'),
        eb.fn.min('run_at').as('oldest_run_at'),
      ])
      .where('done_at', 'is', null)
      .where('run_at', '<=', toDbTime(now))
      .groupBy('kind')
      .orderBy('kind')
      .execute();
    return rows.map((row) => ({
      kind: row.kind,
      queued: Number(row.queued),
      oldestAgeSeconds: Math.max(
        0,
        (now.getTime() - fromDbTime(row.oldest_run_at).getTime()) / 1000,
      ),
    }));
  }

  async troubles(kinds: string[], since: Date): Promise<JobTroubles> {
    const none = { retrying: 0, gaveUp: 0, lastError: null, nextAttemptAt: null };
    if (kinds.length === 0) return none;
    const troubled = this.db
      .selectFrom('jobs')
      .where('kind', 'in', kinds)
      .where('last_error', 'is not', null)
      .where((eb) => eb.or([eb('done_at', 'is', null), eb('done_at', '>=', toDbTime(since))]));
    const counts = await troubled
      .select((eb) => [
        eb.fn.count<number>('run_at').as('total'),
        eb.fn.count<number>('done_at').as('gave_up'),
      ])
      .executeTakeFirstOrThrow();
    const latest = await troubled
      .select(['done_at', 'run_at', 'last_error'])
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!latest) return none;
    return {
      retrying: Number(counts.total) - Number(counts.gave_up),
      gaveUp: Number(counts.gave_up),
      lastError: latest.last_error,
      nextAttemptAt: latest.done_at === null ? fromDbTime(latest.run_at) : null,
    };
  }
}
