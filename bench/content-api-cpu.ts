/**
 * What a Content API read costs the server in CPU, kept in the page cache and not (ADR 0044).
 * `npm run build && node dist/bench/content-api-cpu.js` seeds an archive (the first of
 * BENCH_SIZES, 10k by default) on each of BENCH_ENGINES (sqlite by default), starts
 * `dateline serve` with PAGE_CACHE_MB=64 and =0, drives each read with autocannon for
 * BENCH_SECONDS (10) after a warm-up, and divides the server's CPU time (/proc) by its answers.
 */
import autocannon from 'autocannon';
import { stopChild, type RunningChild } from './child-process.js';
import { ENGINES, parseSize, type Engine } from './matrix.js';
import { packageRoot, referenceSeedDir } from './package-root.js';
import { prepareData, type BenchData } from './prepare-data.js';
import { cpuSeconds } from './process-usage.js';
import { startDateline } from './servers.js';
import { createStaff, signIn, type StaffAccount } from './staff-account.js';

const CHIEF: StaffAccount = {
  email: 'bench-chief@paper.example',
  password: 'bench content api chief password',
  role: 'editor-in-chief',
};
const CONNECTIONS = 8;
const METRICS_TOKEN = 'content-api-cpu-bench-metrics-token-0123';

async function cacheHits(origin: string): Promise<number> {
  const response = await fetch(`${origin}/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  return Number(/^page_cache_hits_total (\d+)/m.exec(await response.text())?.[1] ?? NaN);
}

/**
 * Reads `path` until a read is answered from memory. Right after start the scheduler takes
 * down the archive's expired stories, one announcement each, and an answer rendered while one
 * is announced is not kept: measuring then would time renders, not kept reads.
 */
async function untilKept(origin: string, path: string, secret: string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const before = await cacheHits(origin);
    await fetch(`${origin}${path}`, { headers: { authorization: `Bearer ${secret}` } });
    const read = await fetch(`${origin}${path}`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    await read.arrayBuffer();
    if ((await cacheHits(origin)) > before) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`${path} was never answered from memory`);
}

/** A Content API key, made as the newsroom makes one. */
async function contentKey(origin: string): Promise<string> {
  const desk = await signIn(origin, CHIEF);
  const response = await fetch(`${origin}/api/admin/content-keys`, {
    method: 'POST',
    headers: {
      cookie: desk.cookie,
      'x-csrf-token': desk.csrfToken,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ name: 'CPU bench' }),
  });
  const body = (await response.json()) as { secret?: string };
  if (response.status !== 201 || !body.secret)
    throw new Error(`making a key answered ${response.status}`);
  return body.secret;
}

/** Server CPU milliseconds per answer while autocannon reads `path` for `seconds`. */
async function cpuPerRequest(origin: string, pid: number, path: string, secret: string) {
  const seconds = Number(process.env.BENCH_SECONDS || 10);
  const run = (duration: number) =>
    autocannon({
      url: `${origin}${path}`,
      connections: CONNECTIONS,
      duration,
      headers: { authorization: `Bearer ${secret}` },
    });
  await run(2);
  const before = await cpuSeconds(pid);
  const result = await run(seconds);
  const used = (await cpuSeconds(pid)) - before;
  const answered = result.requests.total;
  if (result.non2xx > 0) throw new Error(`${path}: ${result.non2xx} answers were not 2xx`);
  return {
    path,
    answered,
    perSecond: Math.round(answered / seconds),
    cpuMs: (used * 1000) / answered,
  };
}

async function measureEngine(root: string, engine: Engine): Promise<void> {
  const size = parseSize((process.env.BENCH_SIZES || '10k').split(',')[0] ?? '10k');
  const data: BenchData = await prepareData(root, referenceSeedDir(root), { size, engine });
  const children: RunningChild[] = [];
  try {
    await createStaff(root, data.env, CHIEF);
    for (const cacheMb of ['64', '0']) {
      const env = {
        PAGE_CACHE_MB: cacheMb,
        CONTENT_API_RATE_PER_MINUTE: '1000000',
        METRICS_TOKEN,
      };
      const origin = await startDateline(root, data, (child) => children.push(child), env);
      const server = children.at(-1)!;
      const secret = await contentKey(origin);
      const list = await fetch(`${origin}/api/content/articles?fields=id`, {
        headers: { authorization: `Bearer ${secret}` },
      });
      const first = ((await list.json()) as { articles: { id: number }[] }).articles[0];
      for (const path of ['/api/content/articles', `/api/content/articles/${first?.id}`]) {
        if (cacheMb !== '0') await untilKept(origin, path, secret);
        const figures = await cpuPerRequest(origin, server.process.pid!, path, secret);
        const mode = cacheMb === '0' ? 'uncached' : 'cached';
        console.log(
          `${engine} ${size.label} ${mode.padEnd(8)} ${figures.path.padEnd(28)} ` +
            `${figures.cpuMs.toFixed(3)} ms CPU/request, ${figures.perSecond} req/s`,
        );
      }
      await stopChild(server);
      children.pop();
    }
  } finally {
    for (const child of children) await stopChild(child);
    await data.remove();
  }
}

const engines = (process.env.BENCH_ENGINES || 'sqlite')
  .split(',')
  .filter((name): name is Engine => (ENGINES as readonly string[]).includes(name));
for (const engine of engines) await measureEngine(packageRoot(), engine);
