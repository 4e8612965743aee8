import { invalidFromZod } from '../domain/validation.js';
import type { Clock, Storage } from '../services/ports.js';
import type { Job, JobHandler } from '../services/job-ports.js';
import { laneOf, laneWorkers, SINGLE_LANE, type JobLane } from './job-lanes.js';

export interface JobRunnerDeps {
  storage: Storage;
  clock: Clock;
  handlers: Record<string, JobHandler>;
  log: (line: string) => void;
  /** How long a claimed job is left to its worker before another may take it up. */
  leaseMs?: number;
  /** How `start` divides the kinds among workers; one lane for all of them unless given. */
  lanes?: JobLane[];
}

const describe = (error: unknown) =>
  error instanceof Error ? (error.stack ?? error.message) : String(error);

/**
 * Runs queued jobs: claims one at a time from the database (so any number of processes may
 * run workers), hands it to its kind's handler, and records the outcome. Started, it runs a
 * set of workers per lane, so slow kinds never hold up urgent ones.
 */
export function createJobRunner(deps: JobRunnerDeps) {
  const { jobs } = deps.storage.stores;
  const leaseMs = deps.leaseMs ?? 10 * 60_000;

  async function runOne(job: Job): Promise<void> {
    const handler = deps.handlers[job.kind];
    if (!handler) {
      await jobs.abandon(job.id, `no handler for jobs of kind ${job.kind}`, deps.clock.now());
      deps.log(`jobs: job ${job.id} has unknown kind ${job.kind}; dropped`);
      return;
    }
    const payload = handler.payload.safeParse(job.payload);
    if (!payload.success) {
      // A payload its handler cannot read will not improve with waiting: no retries.
      const reason = invalidFromZod(payload.error, 'payload').message;
      await jobs.abandon(job.id, reason, deps.clock.now());
      deps.log(`jobs: ${job.kind} job ${job.id} has a bad payload, dropped: ${reason}`);
      return;
    }
    try {
      await handler.run(payload.data, job);
      await jobs.complete(job.id, deps.clock.now());
    } catch (error) {
      const delay = handler.retryDelay(job.attempts);
      const now = deps.clock.now();
      if (delay === null) {
        await jobs.abandon(job.id, describe(error), now);
        deps.log(`jobs: ${job.kind} job ${job.id} failed for good: ${String(error)}`);
      } else {
        await jobs.retryAt(job.id, describe(error), new Date(now.getTime() + delay));
        deps.log(
          `jobs: ${job.kind} job ${job.id} failed, retrying in ${delay / 1000} s: ${String(error)}`,
        );
      }
    }
  }

  /**
   * Runs due jobs of every kind, in order, until none is left (or `max` have run, or `carryOn` says stop); returns how
   * many ran.
   */
  async function runDue(max = Number.POSITIVE_INFINITY, carryOn = () => true): Promise<number> {
    let count = 0;
    while (count < max && carryOn()) {
      const job = await jobs.claim(deps.clock.now(), leaseMs);
      if (!job) break;
      await runOne(job);
      count++;
    }
    return count;
  }

  /**
   * Runs every lane's workers: each polls every intervalMs, and starts at once when woken for
   * one of its kinds (or for any, without one). stop() waits for the jobs at hand in every
   * lane and claims no more.
   */
  function start(intervalMs: number) {
    let stopped = false;
    const lanes = deps.lanes ?? SINGLE_LANE;
    const claim = (lane: JobLane) => jobs.claim(deps.clock.now(), leaseMs, lane.kinds);
    const workers = new Map(
      lanes.map((lane) => [
        lane,
        laneWorkers(lane, { claim, run: runOne, log: deps.log, stopped: () => stopped }),
      ]),
    );
    const wakeAll = () => {
      for (const worker of workers.values()) worker.wake();
    };
    const timer = setInterval(wakeAll, intervalMs);
    timer.unref();
    wakeAll();
    return {
      wake: (kind?: string) => {
        const lane = kind === undefined ? undefined : laneOf(lanes, kind);
        if (lane) workers.get(lane)?.wake();
        else wakeAll();
      },
      async stop() {
        stopped = true;
        clearInterval(timer);
        // A loop ending may start another (`again`) before it is gone; that one claims nothing.
        await Promise.all([...workers.values()].map((worker) => worker.idle()));
      },
    };
  }

  return { runDue, start };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
