import { pollWireSources } from '../services/wire/poll-wire-sources.js';
import type { WireSourceDeps } from '../services/wire/wire-source-deps.js';
import { startPeriodic, type PeriodicTask } from './periodic-task.js';

/**
 * Looks for due wire sources every `intervalMs` and polls them, one instance at a time
 * (ADR 0058). A source's error is its health, not the job's; a run that fails as a whole
 * (the database away) is logged and the next one tries again.
 */
export function startWirePolling(
  deps: WireSourceDeps & { log: (line: string) => void },
  intervalMs: number,
): PeriodicTask {
  const run = () =>
    pollWireSources(deps)
      .then((polled) => {
        for (const poll of polled ?? []) {
          if (poll.error) deps.log(`wire: source ${poll.sourceId} failed: ${poll.error}`);
          else if (poll.received > 0)
            deps.log(`wire: source ${poll.sourceId} brought ${poll.received} item(s)`);
        }
      })
      .catch((error: unknown) => deps.log(`wire: polling failed: ${String(error)}`));
  return startPeriodic(run, intervalMs);
}
