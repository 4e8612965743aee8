import type { Job, JobKinds } from '../services/job-ports.js';

/**
 * A queue within the queue: the kinds its workers claim and how many of its jobs run at once
 * in this process. Each lane has workers of its own, so a lane's jobs never wait behind
 * another lane's (ADR 0037).
 */
export interface JobLane {
  name: string;
  kinds: JobKinds;
  concurrency: number;
}

/**
 * Urgent jobs at once in a process. They wait on the network, not the CPU: a few side by side
 * keep one silent webhook receiver or mail server (10–30 s timeouts) from holding a purge.
 */
const URGENT_CONCURRENCY = 4;

/**
 * The two lanes of a newsroom: `background` runs the slow kinds (photo encoding),
 * `concurrency` at a time; `urgent` runs every other kind (event fan-out, purges, webhooks, mail) as soon as it is
 * queued. Kinds nobody handles fall to `urgent` too, whose runner drops them as before.
 */
export function newsroomLanes(backgroundKinds: readonly string[], concurrency: number): JobLane[] {
  return [
    { name: 'urgent', kinds: { except: backgroundKinds }, concurrency: URGENT_CONCURRENCY },
    { name: 'background', kinds: { only: backgroundKinds }, concurrency },
  ];
}

/** One lane for everything: the queue as a single line, for tools and tests that want it. */
export const SINGLE_LANE: JobLane[] = [{ name: 'all', kinds: { except: [] }, concurrency: 1 }];

/** The lane that claims jobs of this kind: the one naming it, else the one taking the rest. */
export function laneOf(lanes: readonly JobLane[], kind: string): JobLane | undefined {
  return (
    lanes.find((lane) => 'only' in lane.kinds && lane.kinds.only.includes(kind)) ??
    lanes.find((lane) => 'except' in lane.kinds && !lane.kinds.except.includes(kind))
  );
}

/** What a lane's workers do with the queue; the runner supplies it. */
export interface LaneWork {
  claim(lane: JobLane): Promise<Job | undefined>;
  run(job: Job): Promise<void>;
  log(line: string): void;
  stopped(): boolean;
}

/**
 * One lane's workers: up to `lane.concurrency` loops, each claiming the lane's due jobs one
 * after another until none is left or the runner stops. `idle` resolves when none is running.
 */
export function laneWorkers(lane: JobLane, work: LaneWork) {
  const loops = new Set<Promise<void>>();
  // Work queued while every loop was busy: a loop that found nothing a moment before the job
  // was committed must not be the last to look.
  let again = false;
  const loop = async () => {
    while (!work.stopped()) {
      const job = await work.claim(lane);
      if (!job) return;
      await work.run(job);
    }
  };
  const wake = () => {
    if (work.stopped()) return;
    if (loops.size >= lane.concurrency) {
      again = true;
      return;
    }
    while (loops.size < lane.concurrency) {
      const running: Promise<void> = loop()
        .catch((error: unknown) => work.log(`jobs: ${lane.name} lane failed: ${String(error)}`))
        .finally(() => {
          loops.delete(running);
          if (again) {
            again = false;
            wake();
          }
        });
      loops.add(running);
    }
  };
  return { wake, idle: () => Promise.all([...loops]) };
}
