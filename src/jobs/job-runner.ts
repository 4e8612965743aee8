import { invalidFromZod } from '../domain/validation.js';
import type { Clock, Storage } from '../services/ports.js';
import type { Job, JobHandler } from '../services/job-ports.js';

export interface JobRunnerDeps {
  storage: Storage;
  clock: Clock;
  handlers: Record<string, JobHandler>;
  log: (line: string) => void;
  /** How long a claimed job is left to its worker before another may take it up. */
  leaseMs?: number;
}

const describe = (error: unknown) =>
  error instanceof Error ? (error.stack ?? error.message) : String(error);

/**
 * Runs queued jobs: claims one at a time from the database (so any number of processes may
 * run workers), hands it to its kind's handler, and records the outcome.
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
   * Runs due jobs until none is left (or `max` have run, or `carryOn` says stop); returns how
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

  /** Polls every intervalMs, and at once when woken; stop() waits for the job at hand. */
  function start(intervalMs: number) {
    let running: Promise<unknown> = Promise.resolve();
    let busy = false;
    let again = false;
    let stopped = false;
    const tick = () => {
      if (stopped) return;
      if (busy) {
        again = true;
        return;
      }
      busy = true;
      // Once stopped, the job at hand is finished but no other is taken up.
      running = runDue(Number.POSITIVE_INFINITY, () => !stopped)
        .catch((error: unknown) => deps.log(`jobs: run failed: ${String(error)}`))
        .finally(() => {
          busy = false;
          if (again) {
            again = false;
            tick();
          }
        });
    };
    const timer = setInterval(tick, intervalMs);
    timer.unref();
    tick();
    return {
      wake: tick,
      async stop() {
        stopped = true;
        clearInterval(timer);
        await running;
      },
    };
  }

  return { runDue, start };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
