/**
 * Uploads under load: a section page under readers' load, first alone, then while five
 * 24-megapixel photos go through the newsroom's upload endpoint at once (signed in as staff,
 * multipart as the admin sends them), with the server's CPU and resident memory before the
 * burst, at its peak and a while after. The server is a Dateline of its own, started fresh, so
 * its memory figures are the burst's and not the other scenarios'.
 */
import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import type { RunningChild } from './child-process.js';
import { createStaff, signIn, type SignedIn, type StaffAccount } from './staff-account.js';
import { summarize } from './load.js';
import type { BenchData } from './prepare-data.js';
import { cpuSeconds, residentMemory, sampleMemory } from './process-usage.js';
import { startDateline } from './servers.js';
import type { BenchSettings } from './settings.js';
import { makePhoto, PHOTO } from './test-photo.js';

/** The attack's burst: five photos from one member at once (the admin sends three a tab). */
const UPLOADS = 5;
/** Readers at once, each asking again as soon as answered. */
const CONNECTIONS = 16;
/** What Chromium accepts: pages are compressed, as real readers get them. */
const ACCEPT_ENCODING = 'gzip, deflate, br';
/** When resident memory is read again after the burst, in seconds after its last upload. */
const SETTLE_SECONDS = [5, 20, 45];
const STAFF: StaffAccount = {
  email: 'bench-desk@paper.example',
  password: 'bench photo desk password',
  role: 'writer',
};

/** A section page under load over one window, with what the server spent on it. */
export interface PageLoad {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  seconds: number;
  /** CPU seconds of the whole server (all threads) over the window. */
  serverCpuSeconds: number;
  /** serverCpuSeconds ÷ seconds: how many cores the server kept busy. */
  serverCores: number;
  /** Server CPU per page answered, in ms; during the burst it includes the uploads' decoding. */
  cpuMsPerPage: number;
}

export interface UploadBurst {
  date: string;
  loadAverage1m: number;
  sectionPath: string;
  connections: number;
  acceptEncoding: string;
  /** IMAGE_ENCODE_CONCURRENCY and MALLOC_ARENA_MAX as the server ran ('unset' when not set). */
  server: { imageEncodeConcurrency: string; mallocArenaMax: string };
  photos: { count: number; width: number; height: number; averageBytes: number };
  alone: PageLoad;
  during: PageLoad;
  uploads: { statuses: number[]; seconds: number[]; burstSeconds: number };
  memoryMb: {
    /** Resident memory after the page ran alone, just before the burst. */
    before: number;
    /** The highest resident memory sampled (every 100 ms) during the burst. */
    peak: number;
    /** The kernel's high-water mark for the process at the end of the burst. */
    highWaterMark: number;
    after: { secondsAfterBurst: number; rssMb: number }[];
  };
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Runs the scenario on a Dateline of its own over the bench's data; see the module comment. */
export async function measureUploadBurst(
  root: string,
  data: BenchData,
  settings: BenchSettings,
  track: (child: RunningChild) => void,
): Promise<UploadBurst> {
  console.error(`bench: upload burst: making ${UPLOADS} 24-megapixel photos…`);
  const photos = await Promise.all(Array.from({ length: UPLOADS }, (_, i) => makePhoto(101 + i)));
  await createStaff(root, data.env, STAFF);
  let server: RunningChild | undefined;
  const origin = await startDateline(root, data, (child) => {
    server = child;
    track(child);
  });
  const pid = server?.process.pid;
  if (!pid) throw new Error('the upload-burst server has no process id');
  const sectionPath = `/${data.articlePath.split('/')[1] ?? ''}`;
  const url = `${origin}${sectionPath}`;
  const desk = await signIn(origin, STAFF);

  if (settings.warmupSeconds > 0) await pageLoad(url, pid, settings.warmupSeconds);
  const alone = await pageLoad(url, pid, settings.seconds);
  report('alone', alone);
  const before = (await residentMemory(pid)).rssMb;
  const memory = sampleMemory(pid);
  const burst = await duringUploads(url, pid, () => uploadAll(origin, desk, photos));
  const peak = await memory.stop();
  const highWaterMark = (await residentMemory(pid)).peakMb;
  report('during uploads', burst.load);
  const after = await settle(pid);
  console.error(
    `bench: upload burst: RSS ${before} MB before, ${peak} MB at the peak, ` +
      after.map((a) => `${a.rssMb} MB ${a.secondsAfterBurst} s after`).join(', '),
  );
  return {
    date: new Date().toISOString(),
    loadAverage1m: round(loadavg()[0] ?? 0, 2),
    sectionPath,
    connections: CONNECTIONS,
    acceptEncoding: ACCEPT_ENCODING,
    server: {
      imageEncodeConcurrency: data.env.IMAGE_ENCODE_CONCURRENCY ?? '1 (default)',
      mallocArenaMax: data.env.MALLOC_ARENA_MAX ?? 'unset',
    },
    photos: {
      count: photos.length,
      ...PHOTO,
      averageBytes: Math.round(photos.reduce((sum, p) => sum + p.byteLength, 0) / photos.length),
    },
    alone,
    during: burst.load,
    uploads: burst.uploads,
    memoryMb: { before, peak, highWaterMark, after },
  };
}

function report(phase: string, load: PageLoad) {
  console.error(
    `bench: upload burst, section page ${phase}: ${load.requestsPerSecond} req/s, ` +
      `p99 ${load.latencyP99Ms} ms, server ${load.serverCores} cores, ${load.cpuMsPerPage} ms CPU/page`,
  );
}

/** One photo as the admin's upload sends it: a text field, then the file, multipart. */
async function uploadOne(origin: string, desk: SignedIn, photo: Buffer, n: number) {
  const form = new FormData();
  form.append('caption', `Bench burst photo ${n}`);
  form.append('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), `burst-${n}.jpg`);
  const start = performance.now();
  const response = await fetch(`${origin}/api/admin/media`, {
    method: 'POST',
    headers: { cookie: desk.cookie, 'x-csrf-token': desk.csrfToken, accept: 'application/json' },
    body: form,
  });
  await response.arrayBuffer();
  return { status: response.status, seconds: round((performance.now() - start) / 1000, 2) };
}

async function uploadAll(origin: string, desk: SignedIn, photos: Buffer[]) {
  const start = performance.now();
  const answers = await Promise.all(photos.map((photo, n) => uploadOne(origin, desk, photo, n)));
  return {
    statuses: answers.map((a) => a.status),
    seconds: answers.map((a) => a.seconds),
    burstSeconds: round((performance.now() - start) / 1000, 2),
  };
}

/** The section page under load while `work` runs; the load stops when the work is done. */
async function duringUploads<T>(url: string, pid: number, work: () => Promise<T>) {
  const cpuStart = await cpuSeconds(pid);
  const start = performance.now();
  // Far longer than the burst: stopped as soon as the last upload is answered.
  const run = startLoad(url, 600);
  const uploads = await work().finally(() => run.stop());
  const result = await run;
  return { uploads, load: await pageLoadOf(result, pid, cpuStart, start) };
}

function startLoad(url: string, seconds: number) {
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    pipelining: 1,
    headers: { 'accept-encoding': ACCEPT_ENCODING },
  }) as Promise<autocannon.Result> & Pick<autocannon.Instance, 'stop'>;
}

async function pageLoad(url: string, pid: number, seconds: number): Promise<PageLoad> {
  const cpuStart = await cpuSeconds(pid);
  const start = performance.now();
  return pageLoadOf(await startLoad(url, seconds), pid, cpuStart, start);
}

async function pageLoadOf(
  result: autocannon.Result,
  pid: number,
  cpuStart: number,
  start: number,
): Promise<PageLoad> {
  const seconds = (performance.now() - start) / 1000;
  const serverCpuSeconds = (await cpuSeconds(pid)) - cpuStart;
  const m = summarize('section', CONNECTIONS, result);
  const requests = result.requests.total;
  return {
    requestsPerSecond: round(m.requestsPerSecond),
    latencyP50Ms: m.latencyP50Ms,
    latencyP99Ms: m.latencyP99Ms,
    requests,
    non2xx: m.non2xx,
    errors: m.errors,
    seconds: round(seconds, 2),
    serverCpuSeconds: round(serverCpuSeconds, 2),
    serverCores: round(serverCpuSeconds / seconds, 2),
    cpuMsPerPage: requests > 0 ? round((serverCpuSeconds * 1000) / requests, 3) : 0,
  };
}

/** Resident memory at each of SETTLE_SECONDS after the burst, the server idle meanwhile. */
async function settle(pid: number) {
  const start = performance.now();
  const after: { secondsAfterBurst: number; rssMb: number }[] = [];
  for (const secondsAfterBurst of SETTLE_SECONDS) {
    await sleep(Math.max(0, secondsAfterBurst * 1000 - (performance.now() - start)));
    after.push({ secondsAfterBurst, rssMb: (await residentMemory(pid)).rssMb });
  }
  return after;
}
