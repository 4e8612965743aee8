/**
 * `dateline serve`: the composition of a running newsroom — the HTTP server, the scheduler, the
 * audit retention and the job worker — kept beside app.ts because it wires transports together,
 * which no transport may do itself (ADR 0026). It stops on SIGTERM or SIGINT (ADR 0035).
 */
import type { Socket } from 'node:net';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { App } from './app.js';
import { firstStopSignal, runShutdown, type ShutdownStep } from './graceful-shutdown.js';
import { buildServer } from './http/server.js';
import { listenForMetrics } from './http/operations/metrics-listener.js';
import type { ServerState } from './http/operations/operations-routes.js';
import { startProcessMetrics } from './http/operations/process-metrics.js';
import { startAuditRetention } from './jobs/audit-retention.js';
import { startJobRetention } from './jobs/job-retention.js';
import { startWireRetention } from './jobs/wire-retention.js';
import { startScheduler } from './jobs/scheduler.js';
import { startViewFlushing, startViewPruning } from './jobs/view-counting.js';
import { startWirePolling } from './jobs/wire-polling.js';
import { prepareSignIn } from './services/accounts/sign-in.js';
import type { Terminal } from './cli/command-context.js';
import { EXIT } from './cli/command-context.js';
import { seedDemo } from './cli/seed-demo-command.js';

export const SERVE_HELP = `Usage: dateline serve [--port N] [--host H] [--demo]

Runs the reader site, the newsroom API, the scheduler and the background jobs on HOST:PORT (default 127.0.0.1:3000,
or PORT and HOST from the environment). Migrates the database first. Stops on SIGTERM or SIGINT,
letting requests and the job at hand finish for up to SHUTDOWN_TIMEOUT_SECONDS.

  --demo   load the demo newspaper first when the database is empty`;

/** How often idle keep-alive connections are closed while the server drains. */
const IDLE_SWEEP_MS = 100;

/**
 * Stops accepting and answers what is in flight. Node closes the connections idle at that
 * moment; one busy then turns idle when its answer is sent and would otherwise linger until
 * its keep-alive timeout, so the sweep closes those as they come.
 */
function drainStep(server: FastifyInstance): ShutdownStep {
  let open = 0;
  server.server.on('connection', (socket: Socket) => {
    open++;
    socket.once('close', () => open--);
  });
  return {
    name: 'http server',
    async stop() {
      const sweep = setInterval(() => server.server.closeIdleConnections(), IDLE_SWEEP_MS);
      try {
        await server.close();
      } finally {
        clearInterval(sweep);
      }
    },
    describe: () => `${open} connection(s) still open`,
  };
}

const step = (name: string, stop: () => Promise<void>): ShutdownStep => ({ name, stop });

/**
 * The scheduler, the retentions, the wire poller, the job worker and the uploaded imports, each
 * stoppable.
 */
function startBackgroundWork(context: App, terminal: Terminal): ShutdownStep[] {
  const { config } = context;
  const log = (line: string) => terminal.err(line);
  const scheduler = startScheduler(
    { ...context.newsroom, locks: context.storage.locks, log },
    config.schedulerIntervalMs,
  );
  const auditRetention = startAuditRetention({
    ...context.accounts,
    retentionDays: config.auditRetentionDays,
    log,
  });
  const jobs = config.jobsWorker ? context.startJobs(config.jobsIntervalMs) : undefined;
  const jobRetention = startJobRetention({ ...context.newsroom, log });
  const pruning = startViewPruning({ stores: context.storage.stores, clock: context.clock, log });
  const wirePolling = startWirePolling({ ...context.wireSources, log }, config.wirePollIntervalMs);
  const wireRetention = startWireRetention({
    ...context.newsroom,
    retentionDays: config.wireRetentionDays,
    log,
  });
  return [
    step('scheduler', () => scheduler.stop()),
    step('audit retention', () => auditRetention.stop()),
    step('job retention', () => jobRetention.stop()),
    step('view pruning', () => pruning.stop()),
    step('wire polling', () => wirePolling.stop()),
    step('wire retention', () => wireRetention.stop()),
    step('imports', () => context.imports.underWay.stop()),
    ...(jobs ? [step('job worker', () => jobs.stop())] : []),
  ];
}

/** The server with every route, and the operations endpoints reading `state`. */
const serverFor = (context: App, state: ServerState, logger: FastifyBaseLogger | undefined) =>
  buildServer({
    site: context.site,
    media: context.media,
    publicUrl: context.config.publicUrl,
    production: context.config.production,
    logLevel: context.config.logLevel,
    loggerInstance: logger,
    accounts: context.accounts,
    newsroom: context.newsroom,
    webhooks: context.webhooks,
    wireSources: context.wireSources,
    imports: context.imports,
    trustedProxies: context.config.trustedProxies,
    contentApiRatePerMinute: context.config.contentApiRatePerMinute,
    pages: context.pages,
    views: context.readership.beacon,
    operations: {
      state,
      readiness: (timeoutMs) => context.storage.readiness(timeoutMs),
      metrics: context.metrics,
      metricsToken: context.config.metrics.token,
    },
  });

/** Serves until SIGINT or SIGTERM; resolves with the exit code after a clean shutdown. */
export async function serve(
  context: App,
  terminal: Terminal,
  options: { port?: number; host?: string; demo: boolean; logger?: FastifyBaseLogger },
) {
  const { config } = context;
  if (options.demo) await seedDemo(context, terminal);
  const state: ServerState = { shuttingDown: false };
  const server = await serverFor(context, state, options.logger);
  const drain = drainStep(server);
  await prepareSignIn(context.accounts.passwords);
  const processMetrics = startProcessMetrics();
  const unregister = context.metrics.registerCollector('process', processMetrics.collect);
  const address = await server.listen({
    port: options.port ?? config.port,
    host: options.host ?? config.host,
  });
  terminal.err(`Dateline is serving ${address}`);
  const metricsPort = config.metrics.port;
  const metricsListener =
    metricsPort === undefined
      ? undefined
      : await listenForMetrics(context.metrics, { port: metricsPort, host: config.metrics.host });
  if (metricsListener) terminal.err(`Metrics are served at ${metricsListener.address}/metrics`);
  const background = startBackgroundWork(context, terminal);
  const viewFlushing = startViewFlushing(context.readership.beacon.tally, (line) =>
    terminal.err(line),
  );

  const signal = await firstStopSignal((second) => {
    terminal.err(`shutdown: ${second} again; exiting at once`);
    process.exit(EXIT.failure);
  });
  state.shuttingDown = true;
  const seconds = config.shutdownTimeoutMs / 1000;
  terminal.err(`shutdown: ${signal} received; stopping within ${seconds} s`);
  const closeDatabase = step('database', async () => {
    unregister();
    processMetrics.stop();
    await context.close();
  });
  const metricsStep = metricsListener
    ? [step('metrics listener', () => metricsListener.server.close())]
    : [];
  // The last views are written once no request can add more, before the database closes.
  const lastViews = step('view counter', () => viewFlushing.stop());
  const outcome = await runShutdown(
    [[drain, ...metricsStep, ...background], [lastViews], [closeDatabase]],
    config.shutdownTimeoutMs,
    (line) => terminal.err(line),
  );
  if (!outcome.finished) {
    terminal.err(
      `shutdown: gave up after ${seconds} s; still running: ${outcome.stillRunning.join(', ')}`,
    );
    server.server.closeAllConnections();
    process.exit(EXIT.failure);
  }
  terminal.err('shutdown: done');
  exitIfStillHeld(config.shutdownTimeoutMs, terminal);
  return EXIT.ok;
}

/**
 * Everything we know of has stopped, so the process should end now by itself. If some handle
 * we do not know of still holds it (a library's socket or timer), the bound still holds.
 */
function exitIfStillHeld(ms: number, terminal: Terminal) {
  setTimeout(() => {
    const held = process.getActiveResourcesInfo().join(', ');
    terminal.err(`shutdown: still held ${ms / 1000} s after stopping (${held}); exiting`);
    process.exit(EXIT.failure);
  }, ms).unref();
}
