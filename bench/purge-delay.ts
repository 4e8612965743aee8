/**
 * Jobs under load: how long after the newsroom's API answers a publish the CDN purge for that
 * story arrives, first with nothing else queued, then while twenty photos wait to have their
 * variants made (issue 12: a webhook once came 48 s late behind photo encoding; the goal is
 * under 2 s). The server is a Dateline of its own with its job worker on, purging to a
 * receiver in this process; the queue's state at each arrival is read from the database.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import sharp from 'sharp';
import { MAKE_VARIANTS_JOB } from '../src/services/media/media-deps.js';
import { openStorage } from '../src/storage/open-storage.js';
import type { RunningChild } from './child-process.js';
import { createStaff, signIn, type SignedIn, type StaffAccount } from './staff-account.js';
import type { BenchData } from './prepare-data.js';
import type { NotMeasured } from './report.js';
import { startDateline } from './servers.js';
import { makePhoto } from './test-photo.js';

/** The load: this many photos queued for their variants when the stories go out. */
const PHOTOS = 20;
/** A news desk's export of a camera photo, 6 megapixels: the full variant plan, up to 2400 wide. */
const PHOTO_SIZE = { width: 3000, height: 2000 };
/** Stories published one after another in each phase, a second apart. */
const PUBLISHES = { idle: 3, busy: 5 };
/** The target for publish → purge while photos are processed. */
export const PURGE_GOAL_MS = 2_000;
/** Past this a purge is counted as lost, so a broken run ends instead of hanging. */
const GIVE_UP_MS = 120_000;
const STAFF: StaffAccount = {
  email: 'bench-editor@paper.example',
  password: 'bench purge desk password',
  role: 'editor',
};

/** One story published: the delay until its purge, and the photo jobs still queued then. */
export interface PurgeTiming {
  delayMs: number;
  photoJobsQueued: number;
}

export interface PurgeDelay {
  date: string;
  loadAverage1m: number;
  photos: { count: number; width: number; height: number };
  server: { mediaJobConcurrency: string; imageEncodeConcurrency: string };
  idle: PurgeTiming[];
  busy: PurgeTiming[];
  /** The slowest purge while photos were queued, against PURGE_GOAL_MS. */
  busyMaxMs: number;
  goalMet: boolean;
}

const round = (value: number, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Runs the scenario on a Dateline of its own over the bench's data; see the module comment. */
export async function measurePurgeDelay(
  root: string,
  data: BenchData,
  track: (child: RunningChild) => void,
): Promise<PurgeDelay> {
  const receiver = await startPurgeReceiver();
  // The real clock (the bench's frozen one would never let a lease or a retry fall due), and a
  // worker, which the page bench turns off.
  const env: NodeJS.ProcessEnv = { ...data.env, JOBS_WORKER: 'on', CDN_PURGE_URL: receiver.url };
  delete env.DATELINE_NOW;
  const storage = openStorage(env.DATABASE_URL ?? '');
  try {
    console.error(
      `bench: jobs: making ${PHOTOS} photos of ${PHOTO_SIZE.width} × ${PHOTO_SIZE.height}…`,
    );
    const photos = await makePhotos();
    await createStaff(root, env, STAFF);
    const origin = await startDateline(root, { ...data, env }, track);
    const desk = await signIn(origin, STAFF);
    const sectionId = await firstSectionId(storage);
    const publishOne = (n: number) =>
      publishAndWait(origin, desk, sectionId, n, receiver, () => queueOfPhotos(storage));

    const idle: PurgeTiming[] = [];
    for (let n = 0; n < PUBLISHES.idle; n++) idle.push(await publishOne(n));
    for (const [n, photo] of photos.entries()) await upload(origin, desk, photo, n);
    const busy: PurgeTiming[] = [];
    for (let n = 0; n < PUBLISHES.busy; n++) {
      busy.push(await publishOne(PUBLISHES.idle + n));
      await sleep(1_000);
    }
    const busyMaxMs = Math.max(...busy.map((timing) => timing.delayMs));
    return {
      date: new Date().toISOString(),
      loadAverage1m: round(loadavg()[0] ?? 0, 2),
      photos: { count: PHOTOS, ...PHOTO_SIZE },
      server: {
        mediaJobConcurrency: env.MEDIA_JOB_CONCURRENCY ?? '1 (default)',
        imageEncodeConcurrency: env.IMAGE_ENCODE_CONCURRENCY ?? '1 (default)',
      },
      idle,
      busy,
      busyMaxMs,
      goalMet: busy.every((timing) => timing.delayMs < PURGE_GOAL_MS && timing.photoJobsQueued > 0),
    };
  } finally {
    await storage.close();
    await receiver.close();
  }
}

/** Twenty different photos from one drawn scene: each a shade apart, so none is a duplicate. */
async function makePhotos(): Promise<Buffer[]> {
  const scene = await sharp(await makePhoto(37))
    .resize(PHOTO_SIZE.width, PHOTO_SIZE.height)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { width, height, channels } = scene.info;
  return Promise.all(
    Array.from({ length: PHOTOS }, (_, n) =>
      sharp(scene.data, { raw: { width, height, channels } })
        .modulate({ brightness: 0.9 + n * 0.01 })
        .jpeg({ quality: 90 })
        .toBuffer(),
    ),
  );
}

/** A CDN's purge API on loopback: resolves each waiter when a purge names its key. */
async function startPurgeReceiver() {
  const waiters = new Map<string, (arrivedAt: number) => void>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const arrivedAt = performance.now();
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as {
        surrogate_keys?: string[];
      };
      for (const key of body.surrogate_keys ?? []) waiters.get(key)?.(arrivedAt);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/purge`,
    /** When a purge naming `key` arrives; set up before the work that causes it. */
    arrival(key: string): Promise<number> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no purge of ${key} came`)), GIVE_UP_MS);
        waiters.set(key, (at) => {
          clearTimeout(timer);
          waiters.delete(key);
          resolve(at);
        });
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type Receiver = Awaited<ReturnType<typeof startPurgeReceiver>>;

/** A new story, published; the delay runs from the publish's answer to its purge's arrival. */
async function publishAndWait(
  origin: string,
  desk: SignedIn,
  sectionId: number,
  n: number,
  receiver: Receiver,
  queue: () => Promise<number>,
): Promise<PurgeTiming> {
  const { id } = await call<{ id: number }>(origin, desk, '/api/admin/articles', 201, {
    headline: `Bench story ${n}: the purge comes at once`,
    sectionId,
    body: {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Filed.' }] }],
    },
  });
  const arrival = receiver.arrival(`article-${id}`);
  await call(origin, desk, `/api/admin/articles/${id}/transitions`, 200, { to: 'published' });
  const answeredAt = performance.now();
  const arrivedAt = await arrival;
  const timing = { delayMs: round(arrivedAt - answeredAt), photoJobsQueued: await queue() };
  console.error(
    `bench: jobs: story ${n} purged ${timing.delayMs} ms after its publish was answered ` +
      `(${timing.photoJobsQueued} photo jobs queued)`,
  );
  return timing;
}

/**
 * The photo jobs due and not done, read just after a purge arrived: photo jobs only leave the
 * queue meanwhile, so at least as many were waiting when it came. (Their age is not shown: the
 * demo's were queued under the bench's frozen clock.)
 */
async function queueOfPhotos(storage: ReturnType<typeof openStorage>): Promise<number> {
  const stats = await storage.stores.jobs.queueStats(new Date());
  return stats.find((line) => line.kind === MAKE_VARIANTS_JOB)?.queued ?? 0;
}

async function firstSectionId(storage: ReturnType<typeof openStorage>): Promise<number> {
  const section = await storage.kysely
    .selectFrom('sections')
    .select('id')
    .orderBy('id')
    .executeTakeFirst();
  if (!section) throw new Error('the bench database has no section to publish in');
  return section.id;
}

/** A JSON call to the newsroom API as the signed-in editor; any other status than `expected` throws. */
async function call<T = unknown>(
  origin: string,
  desk: SignedIn,
  path: string,
  expected: number,
  body: object,
): Promise<T> {
  const response = await fetch(`${origin}${path}`, {
    method: 'POST',
    headers: {
      cookie: desk.cookie,
      'x-csrf-token': desk.csrfToken,
      'content-type': 'application/json',
      accept: 'application/json',
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== expected) {
    throw new Error(
      `POST ${path} answered ${response.status}, not ${expected}: ${text.slice(0, 300)}`,
    );
  }
  return JSON.parse(text) as T;
}

/** One photo as the admin's upload sends it; its variants are then queued as a job. */
async function upload(origin: string, desk: SignedIn, photo: Buffer, n: number): Promise<void> {
  const form = new FormData();
  form.append('caption', `Bench jobs photo ${n}`);
  form.append('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), `jobs-${n}.jpg`);
  const response = await fetch(`${origin}/api/admin/media`, {
    method: 'POST',
    headers: { cookie: desk.cookie, 'x-csrf-token': desk.csrfToken, accept: 'application/json' },
    body: form,
  });
  await response.arrayBuffer();
  if (response.status !== 201) throw new Error(`uploading photo ${n} answered ${response.status}`);
}

const timingRow = (phase: string, n: number, t: PurgeTiming) =>
  `| ${phase} | ${n} | ${t.delayMs} | ${t.photoJobsQueued} |`;

/** Each publish's delay to its purge, and the verdict against PURGE_GOAL_MS. */
export function formatPurgeDelay(result: PurgeDelay | NotMeasured): string {
  if (!('busy' in result)) {
    return 'skipped' in result
      ? `Publish → purge: skipped: ${result.skipped}`
      : `Publish → purge: FAILED: ${result.failed}`;
  }
  const { photos, server } = result;
  const verdict = result.goalMet ? 'MET' : 'NOT MET';
  return [
    `Publish → purge: delay from the publish's answer to the story's purge on a fresh demo paper, then while ` +
      `${photos.count} photos of ${photos.width} × ${photos.height} wait for their variants ` +
      `(MEDIA_JOB_CONCURRENCY ${server.mediaJobConcurrency}, IMAGE_ENCODE_CONCURRENCY ${server.imageEncodeConcurrency}):`,
    '',
    '| phase | story | delay ms | photo jobs queued at arrival |',
    '|---|---:|---:|---:|',
    ...result.idle.map((t, n) => timingRow('fresh demo paper', n + 1, t)),
    ...result.busy.map((t, n) => timingRow(`${photos.count} photos queued`, n + 1, t)),
    '',
    `Purge goal (under ${PURGE_GOAL_MS} ms with photos still queued): ${verdict} — ` +
      `slowest ${result.busyMaxMs} ms.`,
  ].join('\n');
}
