import { buildServer } from '../http/server.js';
import type { CommandContext, Terminal } from './command-context.js';
import { EXIT } from './command-context.js';
import { seedDemo } from './seed-demo-command.js';

export const SERVE_HELP = `Usage: dateline serve [--port N] [--host H] [--demo]

Runs the reader site (and, later, the newsroom) on HOST:PORT (default 127.0.0.1:3000,
or PORT and HOST from the environment). Migrates the database first.

  --demo   load the demo newspaper first when the database is empty`;

/** Serves until SIGINT or SIGTERM; resolves with the exit code after a clean shutdown. */
export async function serve(
  context: CommandContext,
  terminal: Terminal,
  options: { port?: number; host?: string; demo: boolean },
) {
  if (options.demo) await seedDemo(context, terminal);
  const server = await buildServer({
    site: context.site,
    mediaRoot: context.files.localRoot,
    publicUrl: context.config.publicUrl,
    logLevel: context.config.logLevel,
  });
  const port = options.port ?? context.config.port;
  const host = options.host ?? context.config.host;
  const address = await server.listen({ port, host });
  terminal.err(`Dateline is serving ${address}`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return EXIT.ok;
}
