/** What /metrics reads of the job queue, and a stopped worker leaving the rest of the queue. */
import { z } from 'zod';
import { beforeEach, describe, expect, it } from 'vitest';
import { createJobRunner } from '../src/jobs/job-runner.js';
import { jobHandler } from '../src/services/job-handler.js';
import { migratedStorage } from './migrated-storage.js';
import { ENGINES } from './test-databases.js';

const at = (iso: string) => new Date(iso);

describe.each(ENGINES)('the job queue as metrics see it on $engine', ({ create }) => {
  const storage = migratedStorage(create);
  beforeEach(async () => {
    await storage().kysely.deleteFrom('jobs').execute();
  });

  it('counts due jobs not done per kind, with the oldest one’s wait; future and done ones are left out', async () => {
    const { jobs } = storage().stores;
    const now = at('2026-12-06T12:00:00Z');
    await jobs.enqueue('mail', {}, at('2026-12-06T11:59:00Z'), now);
    await jobs.enqueue('mail', {}, at('2026-12-06T11:59:30Z'), now);
    await jobs.enqueue('mail', {}, at('2026-12-06T12:05:00Z'), now); // not due yet
    const done = await jobs.enqueue('photo', {}, at('2026-12-06T11:00:00Z'), now);
    await jobs.complete(done, now);
    await jobs.enqueue('purge', {}, now, now);
    // A job at a worker is still in the queue: it has not been done.
    const claimed = await jobs.enqueue('purge', {}, at('2026-12-06T11:58:00Z'), now);
    expect((await jobs.claim(now, 60_000))?.id).toBe(claimed);

    expect(await jobs.queueStats(now)).toEqual([
      { kind: 'mail', queued: 2, oldestAgeSeconds: 60 },
      { kind: 'purge', queued: 2, oldestAgeSeconds: 120 },
    ]);
  });

  it('reports nothing for an empty queue', async () => {
    expect(await storage().stores.jobs.queueStats(new Date())).toEqual([]);
  });

  it('a stopped worker finishes the job at hand and leaves the others queued', async () => {
    const { jobs } = storage().stores;
    const now = new Date();
    for (let n = 1; n <= 3; n++) await jobs.enqueue('slow', { n }, now, now);
    const ran: number[] = [];
    let release = () => {};
    let started = () => {};
    const firstStarted = new Promise<void>((resolve) => (started = resolve));
    const runner = createJobRunner({
      storage: storage(),
      clock: { now: () => new Date() },
      log: () => undefined,
      handlers: {
        slow: jobHandler({
          payload: z.object({ n: z.number() }),
          run: ({ n }) =>
            new Promise<void>((resolve) => {
              ran.push(n);
              release = resolve;
              started();
            }),
          retryDelay: () => 1000,
        }),
      },
    });
    const worker = runner.start(60_000);
    await firstStarted;
    const stopped = worker.stop();
    release();
    await stopped;
    expect(ran).toEqual([1]);
    expect(await jobs.countPending('slow')).toBe(2);
  });
});
