import type { CommandContext, Terminal } from './command-context.js';
import { EXIT, UsageError } from './command-context.js';

export const JOBS_HELP = `Usage: dateline jobs run [--json]

Runs every background job that is due (photo variants, webhooks, CDN purges …) and exits
when none is left.
\`dateline serve\` runs them by itself unless JOBS_WORKER=off; this is for a machine that
serves with the worker off, or for finishing an import's photos before going live.`;

/** `dateline jobs run`: drains the queue; returns the exit code. */
export async function jobsCommand(
  context: Pick<CommandContext, 'jobs'>,
  terminal: Terminal,
  rest: string[],
  json: boolean,
) {
  if (rest[0] !== 'run' || rest.length > 1) throw new UsageError('say `dateline jobs run`');
  const ran = await context.jobs.runDue();
  if (json) terminal.out(JSON.stringify({ ran }));
  else terminal.err(`jobs: ${ran} job${ran === 1 ? '' : 's'} run`);
  return EXIT.ok;
}
