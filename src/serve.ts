/**
 * `dateline serve`: the composition of a running newsroom — the HTTP server, the scheduler, the
 * audit retention and the job worker — kept beside app.ts because it wires transports together,
 * which no transport may do itself (ADR 0026).
 */
import type { PageCacheDeps } from './http/page-cache/page-cache-hooks.js';
import { buildServer } from './http/server.js';
import { startAuditRetention } from './jobs/audit-retention.js';
import { startScheduler } from './jobs/scheduler.js';
import { prepareSignIn } from './services/accounts/sign-in.js';
import type { CommandContext, Terminal } from './cli/command-context.js';
import { EXIT } from './cli/command-context.js';
import { seedDemo } from './cli/seed-demo-command.js';

export const SERVE_HELP = `Usage: dateline serve [--port N] [--host H] [--demo]

Runs the reader site, the newsroom API, the scheduler and the background jobs on HOST:PORT (default 127.0.0.1:3000,
or PORT and HOST from the environment). Migrates the database first.

  --demo   load the demo newspaper first when the database is empty`;

/** Serves until SIGINT or SIGTERM; resolves with the exit code after a clean shutdown. */
export async function serve(
  context: CommandContext & { pages?: PageCacheDeps },
  terminal: Terminal,
  options: { port?: number; host?: string; demo: boolean },
) {
  if (options.demo) await seedDemo(context, terminal);
  const server = await buildServer({
    site: context.site,
    media: context.media,
    publicUrl: context.config.publicUrl,
    production: context.config.production,
    logLevel: context.config.logLevel,
    accounts: context.accounts,
    newsroom: context.newsroom,
    webhooks: context.webhooks,
    trustedProxies: context.config.trustedProxies,
    contentApiRatePerMinute: context.config.contentApiRatePerMinute,
    pages: context.pages,
  });
  await prepareSignIn(context.accounts.passwords);
  const port = options.port ?? context.config.port;
  const host = options.host ?? context.config.host;
  const address = await server.listen({ port, host });
  terminal.err(`Dateline is serving ${address}`);
  const scheduler = startScheduler(
    { ...context.newsroom, locks: context.storage.locks, log: (line) => terminal.err(line) },
    context.config.schedulerIntervalMs,
  );
  const auditRetention = startAuditRetention({
    ...context.accounts,
    retentionDays: context.config.auditRetentionDays,
    log: (line) => terminal.err(line),
  });
  const jobs = context.config.jobsWorker
    ? context.startJobs(context.config.jobsIntervalMs)
    : { stop: () => Promise.resolve() };
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await scheduler.stop();
  await auditRetention.stop();
  await jobs.stop();
  await server.close();
  return EXIT.ok;
}
