/** The ports of background work: the queue kept in the database, and each kind's handler. */
import type { z } from 'zod';

/** A piece of background work as a worker receives it. */
export interface Job {
  id: number;
  kind: string;
  payload: unknown;
  /** How many times it has been started, this time included. */
  attempts: number;
}

/** What to do with one kind of job: its payload's shape, the work, and the wait before each retry. */
export interface JobHandler<Payload = unknown> {
  /** The runner parses each payload with this once, before `run`; a bad one fails for good. */
  payload: z.ZodType<Payload>;
  run(payload: Payload, job: Job): Promise<void>;
  /** Milliseconds before the next attempt after `attempts` failed ones, or null to give up. */
  retryDelay(attempts: number): number | null;
}

/** Background work kept in the database, so it survives a restart and runs exactly once. */
export interface JobStore {
  enqueue(kind: string, payload: unknown, runAt: Date, now: Date): Promise<number>;
  /**
   * Takes the oldest due job for this worker, locked until now + leaseMs so no other process
   * takes it meanwhile; a worker that dies lets it go when the lease ends. `kinds` keeps a
   * lane's worker to its own kinds (every kind when left out).
   */
  claim(now: Date, leaseMs: number, kinds?: JobKinds): Promise<Job | undefined>;
  complete(id: number, now: Date): Promise<void>;
  /** Sets the job aside until runAt, noting why it failed. */
  retryAt(id: number, error: string, runAt: Date): Promise<void>;
  /** Stops retrying: the job is done, with its last error kept. */
  abandon(id: number, error: string, now: Date): Promise<void>;
  /** Forgets jobs finished (done or given up) before `before`; resolves with how many. */
  forgetFinishedBefore(before: Date): Promise<number>;
  /** Jobs of a kind not yet done. */
  countPending(kind: string): Promise<number>;
  /** How jobs of these kinds are failing: waiting to retry, or given up since `since`. */
  troubles(kinds: string[], since: Date): Promise<JobTroubles>;
  /**
   * Per kind with due work: jobs due and not done (waiting, or being run), and how long the
   * oldest of them has been due. Jobs set for later (retries, repeats) are not counted.
   */
  queueStats(now: Date): Promise<JobQueueStats[]>;
}

/** One kind's queue as /metrics shows it; kinds with nothing due are left out. */
export interface JobQueueStats {
  kind: string;
  queued: number;
  /** Seconds since the longest-waiting due job was due: how far behind the workers are. */
  oldestAgeSeconds: number;
}

/** The kinds a lane's worker claims: these only, or any but these. */
export type JobKinds = { only: readonly string[] } | { except: readonly string[] };

/** Jobs that failed: some wait for their next attempt, some were given up. */
export interface JobTroubles {
  retrying: number;
  gaveUp: number;
  /** The error of the latest job in trouble, and when that job is next tried (null: given up). */
  lastError: string | null;
  nextAttemptAt: Date | null;
}
