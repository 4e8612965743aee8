/**
 * Compares two builds (or two settings) of the same page in alternating rounds: both servers run
 * at once on one database, and each round loads one then the other (ABBA, so a drift in the
 * machine's load falls on both alike). A single bench run moves 10–20 % with what else the
 * machine does; the median of rounds taken side by side is the comparison to trust.
 *
 *   node dist/bench/alternating-rounds.js --database URL --path /section/slug \
 *     --a CHECKOUT [--a-env NAME=VALUE …] --b CHECKOUT [--b-env NAME=VALUE …] \
 *     [--rounds 8] [--seconds 3] [--connections 64]
 *
 * A checkout is a folder whose `bin/dateline.js` runs (built); the page cache is off unless an
 * `--a-env`/`--b-env` says otherwise. Prints each round and the medians of CPU ms per page.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { killRunningChildren, stopChild, type RunningChild } from './child-process.js';
import { runChargedLoad } from './load-runner.js';
import { packageRoot } from './package-root.js';
import { datelineEnv } from './prepare-data.js';
import { envPairs, median, roundOrder } from './rounds.js';
import { startDateline } from './servers.js';

interface Side {
  name: 'A' | 'B';
  checkout: string;
  env: NodeJS.ProcessEnv;
}

interface Running extends Side {
  origin: string;
  pid: number;
  cpuMsPerPage: number[];
}

function options() {
  const { values } = parseArgs({
    options: {
      database: { type: 'string' },
      path: { type: 'string' },
      a: { type: 'string' },
      b: { type: 'string' },
      'a-env': { type: 'string', multiple: true },
      'b-env': { type: 'string', multiple: true },
      rounds: { type: 'string', default: '8' },
      seconds: { type: 'string', default: '3' },
      connections: { type: 'string', default: '64' },
    },
  });
  const { database, path, a, b } = values;
  if (!database || !path || !a || !b) {
    throw new Error('alternating-rounds needs --database, --path, --a and --b (see its header)');
  }
  const sides: Side[] = [
    { name: 'A', checkout: resolve(a), env: envPairs(values['a-env']) },
    { name: 'B', checkout: resolve(b), env: envPairs(values['b-env']) },
  ];
  const count = (text: string) => Math.max(1, Number.parseInt(text, 10) || 1);
  return {
    database,
    path,
    sides,
    rounds: count(values.rounds),
    seconds: count(values.seconds),
    connections: count(values.connections),
  };
}

async function start(side: Side, dir: string, database: string, children: RunningChild[]) {
  const env = { ...datelineEnv(dir, database), PAGE_CACHE_MB: '0', ...side.env };
  const origin = await startDateline(side.checkout, { env }, (child) => children.push(child));
  const pid = children[children.length - 1]?.process.pid;
  if (pid === undefined) throw new Error(`server ${side.name} has no pid`);
  const running: Running = { ...side, origin, pid, cpuMsPerPage: [] };
  return running;
}

async function main() {
  const settings = options();
  const root = packageRoot();
  const dir = await mkdtemp(join(tmpdir(), 'dateline-ab-'));
  const children: RunningChild[] = [];
  process.once('SIGINT', () => killRunningChildren());
  try {
    const [a, b] = [
      await start(settings.sides[0] as Side, dir, settings.database, children),
      await start(settings.sides[1] as Side, dir, settings.database, children),
    ];
    const load = (server: Running, seconds: number) =>
      runChargedLoad(
        root,
        { url: `${server.origin}${settings.path}`, connections: settings.connections, seconds },
        server.pid,
      );
    for (const server of [a, b]) await load(server, 1);
    for (let round = 0; round < settings.rounds; round++) {
      for (const server of roundOrder(round, a, b)) {
        const result = await load(server, settings.seconds);
        if (result.non2xx > 0 || result.errors > 0) {
          throw new Error(
            `server ${server.name}: ${result.non2xx} non-2xx, ${result.errors} errors`,
          );
        }
        server.cpuMsPerPage.push(result.serverCpuMsPerPage ?? NaN);
        console.log(
          `round ${round + 1} ${server.name}: ${result.serverCpuMsPerPage} ms/page, ${Math.round(result.requestsPerSecond)} req/s`,
        );
      }
    }
    const [medianA, medianB] = [median(a.cpuMsPerPage), median(b.cpuMsPerPage)];
    console.log(
      `median ms of CPU a page: A ${medianA.toFixed(3)}, B ${medianB.toFixed(3)} (B/A ${(medianB / medianA).toFixed(3)})`,
    );
  } finally {
    await Promise.all(children.map((child) => stopChild(child, 10_000)));
    await rm(dir, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
