/**
 * A constant-rate load generator in a process of its own, for the p99 runs: request i is due at
 * start + i / rate, whatever happened to the ones before it, and its latency runs from that
 * intended moment to the last byte of its answer (as wrk2 measures). A request due while every
 * connection is busy waits for one, and the wait counts: that is the delay a reader would see.
 *
 * autocannon's `overallRate` does something else (see bench/README.md): each connection sends
 * back to back until it has used its share of the second, then idles until the next second, so
 * its "constant" load is a burst at full speed every second and its p99 is the burst's.
 *
 * Usage: node dist/bench/paced-load-child.js '{"url": …, "connections": …, "seconds": …,
 * "overallRate": …}'; prints one JSON line: a LoadResult. HTTP/1.1 keep-alive, one request in
 * flight per connection, answers framed by Content-Length (every page the bench measures).
 */
import { connect, type Socket } from 'node:net';
import type { LoadOptions, LoadResult } from './load-runner.js';

/** How long answers still outstanding when the schedule ends may take before they count as timeouts. */
const DRAIN_MS = 2000;
const HEAD_END = Buffer.from('\r\n\r\n');

interface ConnectionEvents {
  answered(connection: Connection, status: number): void;
  bytes(count: number): void;
  error(): void;
}

interface Tally {
  latencies: Float64Array;
  /** From the moment each request actually left: the server's answer time without the queue. */
  serviceTimes: Float64Array;
  /** How late each timer tick fired against the request it was due for: the generator's own lag. */
  tickLags: number[];
  answered: number;
  bytes: number;
  non2xx: number;
  errors: number;
}

/** One keep-alive connection that reads answers framed by Content-Length. */
class Connection {
  private head: Buffer | null = null;
  private remaining = -1;
  private status = 0;
  intended = 0;
  sentAt = 0;

  constructor(
    readonly socket: Socket,
    private readonly events: ConnectionEvents,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.read(chunk));
  }

  private read(chunk: Buffer): void {
    let buffer = chunk;
    let offset = 0;
    for (;;) {
      if (this.remaining < 0) {
        if (this.head) buffer = Buffer.concat([this.head, buffer.subarray(offset)]);
        else buffer = buffer.subarray(offset);
        offset = 0;
        const end = buffer.indexOf(HEAD_END);
        if (end === -1) {
          this.head = Buffer.from(buffer);
          return;
        }
        this.head = null;
        const text = buffer.toString('latin1', 0, end);
        const length = /\r\ncontent-length:\s*(\d+)/i.exec(text);
        if (!length) {
          // Chunked answers are not read: every page the bench measures has a length.
          this.events.error();
          this.socket.destroy();
          return;
        }
        this.status = Number(text.slice(9, 12));
        this.remaining = Number(length[1]);
        offset = end + HEAD_END.length;
        this.events.bytes(offset);
      }
      const take = Math.min(this.remaining, buffer.length - offset);
      this.remaining -= take;
      offset += take;
      this.events.bytes(take);
      if (this.remaining > 0) return;
      this.remaining = -1;
      this.events.answered(this, this.status);
      if (offset >= buffer.length) return;
    }
  }
}

function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, index)] ?? 0) * 100) / 100;
}

async function openConnections(
  url: URL,
  count: number,
  tally: Tally,
  onFree: (c: Connection) => void,
) {
  const events: ConnectionEvents = {
    answered(connection, status) {
      const now = performance.now();
      tally.serviceTimes[tally.answered] = now - connection.sentAt;
      tally.latencies[tally.answered++] = now - connection.intended;
      if (status < 200 || status > 299) tally.non2xx++;
      onFree(connection);
    },
    bytes(count) {
      tally.bytes += count;
    },
    error() {
      tally.errors++;
    },
  };
  const port = Number(url.port || 80);
  return Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<Connection>((resolve, reject) => {
          const socket = connect(port, url.hostname, () => resolve(new Connection(socket, events)));
          socket.once('error', reject);
        }),
    ),
  );
}

/** Runs the schedule and returns the tally once every request is answered or timed out. */
async function run(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  const rate = options.overallRate ?? 0;
  if (!(rate > 0)) throw new Error('the paced client needs overallRate > 0');
  const total = Math.round(rate * options.seconds);
  const tally: Tally = {
    latencies: new Float64Array(total),
    serviceTimes: new Float64Array(total),
    tickLags: [],
    answered: 0,
    bytes: 0,
    non2xx: 0,
    errors: 0,
  };
  const request = Buffer.from(
    `GET ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\nConnection: keep-alive\r\n\r\n`,
  );
  const free: Connection[] = [];
  // Intended send times of requests due but not yet sent, oldest first.
  const due = new Float64Array(total);
  let dueHead = 0;
  let dueTail = 0;
  let sent = 0;
  const send = (connection: Connection) => {
    connection.intended = due[dueHead++] ?? 0;
    connection.sentAt = performance.now();
    sent++;
    connection.socket.write(request);
  };
  const onFree = (connection: Connection) => {
    if (dueHead < dueTail) send(connection);
    else free.push(connection);
  };
  const connections = await openConnections(url, options.connections, tally, onFree);
  free.push(...connections);
  const interval = 1000 / rate;
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      const dueNow = Math.min(total, Math.floor((now - start) / interval) + 1);
      if (dueTail < dueNow) tally.tickLags.push(now - (start + dueTail * interval));
      for (; dueTail < dueNow; dueTail++) due[dueTail] = start + dueTail * interval;
      while (dueHead < dueTail && free.length > 0) send(free.pop() as Connection);
      if (dueTail < total) setTimeout(tick, Math.max(0, start + dueTail * interval - now));
      else resolve();
    };
    tick();
  });
  const scheduleEnd = performance.now();
  // Answers after the schedule ended still count for latency, not for the rate kept up.
  const answeredInTime = tally.answered;
  const drainUntil = scheduleEnd + DRAIN_MS;
  while (tally.answered + tally.errors < total && performance.now() < drainUntil) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const cpu = process.cpuUsage(cpuBefore);
  for (const connection of connections) connection.socket.destroy();
  const latencies = tally.latencies.subarray(0, tally.answered).sort();
  const timeouts = Math.max(0, total - tally.answered - tally.errors);
  const lags = Float64Array.from(tally.tickLags).sort();
  const service = tally.serviceTimes.subarray(0, tally.answered).sort();
  return {
    requestsPerSecond: answeredInTime / options.seconds,
    requests: tally.answered,
    durationSeconds: options.seconds,
    latencyP50Ms: percentile(latencies, 0.5),
    latencyP99Ms: percentile(latencies, 0.99),
    bytes: tally.bytes,
    non2xx: tally.non2xx,
    // As autocannon counts them: a request never answered is an error of the run.
    errors: tally.errors + timeouts,
    timeouts,
    generator: {
      name: 'paced',
      cpuMsPerRequest:
        Math.round(((cpu.user + cpu.system) / 1000 / Math.max(1, sent)) * 1000) / 1000,
      timerLagP99Ms: percentile(lags, 0.99),
      fromSendP99Ms: percentile(service, 0.99),
    },
  };
}

process.stdout.write(
  `${JSON.stringify(await run(JSON.parse(process.argv[2] ?? '{}') as LoadOptions))}\n`,
);
