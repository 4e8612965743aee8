import { z } from 'zod';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ENGINES, type TestDatabase } from './test-databases.js';
import { newsroomLanes } from '../src/jobs/job-lanes.js';
import { createJobRunner } from '../src/jobs/job-runner.js';
import { startJobRetention } from '../src/jobs/job-retention.js';
import { jobHandler } from '../src/services/job-handler.js';
import type { Clock } from '../src/services/ports.js';
import { openStorage, type OpenedStorage } from '../src/storage/open-storage.js';

const MINUTE = 60_000;

/** A clock the test moves by hand. */
const handClock = (start: string) => {
  let now = new Date(start).getTime();
  const clock: Clock & { advance(ms: number): void } = {
    now: () => new Date(now),
    advance: (ms) => {
      now += ms;
    },
  };
  return clock;
};

describe.each(ENGINES)('background jobs on $engine', ({ create }) => {
  let database: TestDatabase;
  let storage: OpenedStorage;
  let second: OpenedStorage;

  beforeAll(async () => {
    database = await create();
    storage = openStorage(database.url);
    await storage.migrate();
    second = openStorage(database.url);
  });
  afterAll(async () => {
    await second?.close();
    await storage?.close();
    await database?.drop();
  });
  beforeEach(async () => {
    await storage.kysely.deleteFrom('jobs').execute();
  });

  it('forgets finished jobs after their week, the done and the given up, and keeps the rest', async () => {
    const clock = handClock('2026-11-20T08:00:00Z');
    const { jobs } = storage.stores;
    const done = await jobs.enqueue('test', {}, clock.now(), clock.now());
    const givenUp = await jobs.enqueue('test', {}, clock.now(), clock.now());
    const waiting = await jobs.enqueue('test', {}, clock.now(), clock.now());
    await jobs.complete(done, clock.now());
    await jobs.abandon(givenUp, 'gone for good', clock.now());
    clock.advance(6 * 24 * 60 * MINUTE);
    const recent = await jobs.enqueue('test', {}, clock.now(), clock.now());
    await jobs.complete(recent, clock.now());
    clock.advance(2 * 24 * 60 * MINUTE);

    const lines: string[] = [];
    const task = startJobRetention(
      { storage, clock, log: (line) => lines.push(line) },
      60 * MINUTE,
    );
    await task.stop(); // the run it starts at once is the one measured
    const left = await storage.kysely.selectFrom('jobs').select('id').orderBy('id').execute();
    expect(left.map((row) => row.id)).toEqual([waiting, recent]);
    expect(lines).toEqual([
      expect.stringMatching(/^jobs: forgot 2 finished before 2026-11-21T08:00/),
    ]);
  });

  it('hands out due jobs oldest first, and a claimed job to nobody else until its lease ends', async () => {
    const { jobs } = storage.stores;
    const at = new Date('2026-11-27T08:00:00Z');
    const later = await jobs.enqueue('test', { n: 2 }, new Date(at.getTime() + MINUTE), at);
    const first = await jobs.enqueue('test', { n: 1 }, at, at);
    const claimed = await jobs.claim(at, 5 * MINUTE);
    expect(claimed).toEqual({ id: first, kind: 'test', payload: { n: 1 }, attempts: 1 });
    expect(await jobs.claim(at, 5 * MINUTE)).toBeUndefined();
    const soon = new Date(at.getTime() + 2 * MINUTE);
    expect((await jobs.claim(soon, 5 * MINUTE))?.id).toBe(later);
    // The first worker died: after its lease, the job is taken up again, as a second attempt.
    const afterLease = new Date(at.getTime() + 6 * MINUTE);
    expect(await jobs.claim(afterLease, 5 * MINUTE)).toMatchObject({ id: first, attempts: 2 });
    await jobs.complete(first, afterLease);
    expect(await jobs.countPending('test')).toBe(1);
  });

  it('gives one job to exactly one of many workers claiming at the same moment', async () => {
    const at = new Date('2026-11-27T08:00:00Z');
    for (let n = 0; n < 10; n++) await storage.stores.jobs.enqueue('race', { n }, at, at);
    const workers = [storage, second, storage, second];
    const taken: number[] = [];
    await Promise.all(
      workers.map(async (worker) => {
        for (;;) {
          const job = await worker.stores.jobs.claim(at, MINUTE);
          if (!job) return;
          taken.push(job.id);
        }
      }),
    );
    expect(taken).toHaveLength(10);
    expect(new Set(taken).size).toBe(10);
  });

  it('gives each job to one worker of its own lane when two processes claim in both lanes at once', async () => {
    const at = new Date('2026-11-27T08:00:00Z');
    const { jobs } = storage.stores;
    for (let n = 0; n < 8; n++) {
      await jobs.enqueue('media.variants', { n }, at, at);
      await jobs.enqueue(n % 2 ? 'cdn.purge' : 'webhook.deliver', { n }, at, at);
    }
    const [urgent, background] = newsroomLanes(['media.variants'], 1);
    const taken: { lane: string; id: number; kind: string }[] = [];
    const workers = [storage, second].flatMap((instance) =>
      [urgent, background, urgent, background].map((lane) => ({ instance, lane })),
    );
    await Promise.all(
      workers.map(async ({ instance, lane }) => {
        if (!lane) return;
        for (;;) {
          const job = await instance.stores.jobs.claim(at, MINUTE, lane.kinds);
          if (!job) return;
          taken.push({ lane: lane.name, id: job.id, kind: job.kind });
        }
      }),
    );
    expect(new Set(taken.map((job) => job.id)).size).toBe(16);
    expect(taken).toHaveLength(16);
    for (const job of taken)
      expect(job.lane).toBe(job.kind === 'media.variants' ? 'background' : 'urgent');
  });

  it('retries a failing job after the handler’s delay, keeps the error, and gives up when told', async () => {
    const clock = handClock('2026-11-27T08:00:00Z');
    const outcomes = ['fail', 'fail', 'ok'];
    const seen: number[] = [];
    const log: string[] = [];
    const runner = createJobRunner({
      storage,
      clock,
      log: (line) => log.push(line),
      handlers: {
        flaky: {
          payload: z.object({}),
          run: (_payload, job) => {
            seen.push(job.attempts);
            if (outcomes.shift() === 'fail') return Promise.reject(new Error('receiver down'));
            return Promise.resolve();
          },
          retryDelay: (attempts) => attempts * MINUTE,
        },
        hopeless: {
          payload: z.object({}),
          run: () => Promise.reject(new Error('cannot decode')),
          retryDelay: () => null,
        },
      },
    });
    const id = await storage.stores.jobs.enqueue('flaky', {}, clock.now(), clock.now());
    expect(await runner.runDue()).toBe(1);
    const row = () =>
      storage.kysely.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect((await row()).last_error).toMatch(/receiver down/);
    expect(await runner.runDue()).toBe(0);
    clock.advance(MINUTE);
    expect(await runner.runDue()).toBe(1);
    clock.advance(MINUTE);
    expect(await runner.runDue()).toBe(0);
    clock.advance(MINUTE);
    expect(await runner.runDue()).toBe(1);
    expect(seen).toEqual([1, 2, 3]);
    expect((await row()).done_at).not.toBeNull();
    // Done at last, it carries no error: only a job given up keeps one.
    expect((await row()).last_error).toBeNull();

    await storage.stores.jobs.enqueue('hopeless', {}, clock.now(), clock.now());
    await storage.stores.jobs.enqueue('unknown-kind', {}, clock.now(), clock.now());
    expect(await runner.runDue()).toBe(2);
    expect(await storage.stores.jobs.countPending('hopeless')).toBe(0);
    expect(log.some((line) => /failed for good: Error: cannot decode/.test(line))).toBe(true);
    const since = new Date(clock.now().getTime() - MINUTE);
    expect(await storage.stores.jobs.troubles(['flaky', 'hopeless'], since)).toMatchObject({
      retrying: 0,
      gaveUp: 1,
      nextAttemptAt: null,
    });
    expect(log.some((line) => /unknown kind unknown-kind/.test(line))).toBe(true);
  });
  it('refuses a job whose payload its kind cannot read, naming the field, without running it or retrying', async () => {
    const clock = handClock('2026-11-27T08:00:00Z');
    const log: string[] = [];
    const ran: number[] = [];
    const runner = createJobRunner({
      storage,
      clock,
      log: (line) => log.push(line),
      handlers: {
        resize: jobHandler({
          payload: z.object({ mediaId: z.number().int() }),
          run: ({ mediaId }) => {
            ran.push(mediaId);
            return Promise.resolve();
          },
          retryDelay: () => MINUTE,
        }),
      },
    });
    const bad = await storage.stores.jobs.enqueue(
      'resize',
      { mediaId: '7' },
      clock.now(),
      clock.now(),
    );
    await storage.stores.jobs.enqueue('resize', { mediaId: 8 }, clock.now(), clock.now());
    expect(await runner.runDue()).toBe(2);
    expect(ran).toEqual([8]);
    const row = await storage.kysely
      .selectFrom('jobs')
      .selectAll()
      .where('id', '=', bad)
      .executeTakeFirstOrThrow();
    expect(row.last_error).toMatch(/^payload\.mediaId: Expected number, received string/);
    expect(row.done_at).not.toBeNull();
    clock.advance(MINUTE);
    expect(await runner.runDue()).toBe(0);
    expect(log).toContainEqual(
      expect.stringMatching(/resize job \d+ has a bad payload.*payload\.mediaId/),
    );
  });

  it('keeps a lane’s claims to its kinds, and hands out unknown kinds to the lane taking the rest', async () => {
    const { jobs } = storage.stores;
    const at = new Date('2026-11-27T08:00:00Z');
    const photo = await jobs.enqueue('media.variants', {}, at, at);
    const purge = await jobs.enqueue('cdn.purge', {}, new Date(at.getTime() + 1), at);
    const odd = await jobs.enqueue('no.such.kind', {}, new Date(at.getTime() + 2), at);
    const later = new Date(at.getTime() + MINUTE);
    const [urgent, background] = newsroomLanes(['media.variants'], 1).map((lane) => lane.kinds);
    expect((await jobs.claim(later, MINUTE, urgent))?.id).toBe(purge);
    expect((await jobs.claim(later, MINUTE, urgent))?.id).toBe(odd);
    expect(await jobs.claim(later, MINUTE, urgent)).toBeUndefined();
    expect((await jobs.claim(later, MINUTE, background))?.id).toBe(photo);
    expect(await jobs.claim(later, MINUTE, { only: [] })).toBeUndefined();
  });

  it('reports per kind how many jobs are due and how long the oldest has waited', async () => {
    const { jobs } = storage.stores;
    const now = new Date('2026-11-27T08:00:00Z');
    const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);
    await jobs.enqueue('media.variants', {}, ago(90), ago(90));
    await jobs.enqueue('media.variants', {}, ago(5), ago(5));
    await jobs.enqueue('cdn.purge', {}, ago(2), ago(2));
    // Set for later (a purge's repeat, a retry): not due, not counted.
    await jobs.enqueue('cdn.purge', {}, new Date(now.getTime() + 35_000), ago(2));
    await jobs.enqueue('webhook.deliver', {}, new Date(now.getTime() + MINUTE), now);
    const done = await jobs.enqueue('mail.invitation', {}, ago(300), ago(300));
    await jobs.complete(done, ago(200));
    // One being run still counts: it has not left the queue.
    expect((await jobs.claim(ago(1), MINUTE, { only: ['cdn.purge'] }))?.kind).toBe('cdn.purge');
    expect(await jobs.queueStats(now)).toEqual([
      { kind: 'cdn.purge', queued: 1, oldestAgeSeconds: 2 },
      { kind: 'media.variants', queued: 2, oldestAgeSeconds: 90 },
    ]);
    expect(await jobs.queueStats(ago(600))).toEqual([]);
  });

  it('runs urgent jobs while a photo job is at hand, and stops only once every lane’s job at hand is done', async () => {
    const clock: Clock = { now: () => new Date() };
    const gate = () => {
      let open = () => {};
      const opened = new Promise<void>((resolve) => (open = resolve));
      return { opened, open };
    };
    const photoGate = gate();
    const purgeGate = gate();
    const ran: string[] = [];
    const handler = (name: string, wait: Promise<void>) => ({
      payload: z.object({}),
      run: async () => {
        ran.push(`${name} started`);
        await wait;
        ran.push(`${name} done`);
      },
      retryDelay: () => null,
    });
    const runner = createJobRunner({
      storage,
      clock,
      log: () => {},
      handlers: {
        'media.variants': handler('photo', photoGate.opened),
        'cdn.purge': handler('purge', purgeGate.opened),
        'event.fanout': handler('fanout', Promise.resolve()),
      },
      lanes: newsroomLanes(['media.variants'], 1),
    });
    const { jobs } = storage.stores;
    for (let n = 0; n < 3; n++) await jobs.enqueue('media.variants', {}, clock.now(), clock.now());
    // A long poll: only waking starts the lanes' work after the first look.
    const worker = runner.start(60 * MINUTE);
    await vi.waitFor(() => expect(ran).toEqual(['photo started']));

    await jobs.enqueue('event.fanout', {}, clock.now(), clock.now());
    await jobs.enqueue('cdn.purge', {}, clock.now(), clock.now());
    worker.wake('cdn.purge');
    await vi.waitFor(() =>
      expect(ran).toEqual(expect.arrayContaining(['fanout done', 'purge started'])),
    );
    expect(ran).not.toContain('photo done');

    let stopped = false;
    const stopping = worker.stop().then(() => (stopped = true));
    await nextTurn();
    purgeGate.open();
    await vi.waitFor(() => expect(ran).toContain('purge done'));
    await nextTurn();
    expect(stopped).toBe(false);
    photoGate.open();
    await stopping;
    expect(ran.filter((line) => line === 'photo done')).toHaveLength(1);
    // The other two photos wait for the next worker: stopping does not drain the queue.
    expect(await jobs.countPending('media.variants')).toBe(2);
    expect(await jobs.countPending('cdn.purge')).toBe(0);
  });

  it('runs as many photo jobs at once as the background lane allows, and no more', async () => {
    const clock: Clock = { now: () => new Date() };
    let open = () => {};
    const opened = new Promise<void>((resolve) => (open = resolve));
    let running = 0;
    let mostAtOnce = 0;
    let done = 0;
    const runner = createJobRunner({
      storage,
      clock,
      log: () => {},
      handlers: {
        'media.variants': {
          payload: z.object({}),
          run: async () => {
            mostAtOnce = Math.max(mostAtOnce, ++running);
            await opened;
            running--;
            done++;
          },
          retryDelay: () => null,
        },
      },
      lanes: newsroomLanes(['media.variants'], 2),
    });
    for (let n = 0; n < 3; n++)
      await storage.stores.jobs.enqueue('media.variants', {}, clock.now(), clock.now());
    const worker = runner.start(60 * MINUTE);
    await vi.waitFor(() => expect(running).toBe(2));
    worker.wake('media.variants');
    await nextTurn();
    expect(running).toBe(2);
    open();
    await vi.waitFor(() => expect(done).toBe(3));
    await worker.stop();
    expect(mostAtOnce).toBe(2);
  });
});
