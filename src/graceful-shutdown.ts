/**
 * Stopping `serve` on SIGTERM or SIGINT within a bound: steps run until they finish or the
 * bound passes, and then the caller ends the process however much is still running.
 */

/** Something to stop: the HTTP server, a worker, the database. */
export interface ShutdownStep {
  name: string;
  stop(): Promise<void>;
  /** What it is still doing, for the line logged when the bound passes (e.g. open connections). */
  describe?(): string;
}

export type ShutdownOutcome = { finished: true } | { finished: false; stillRunning: string[] };

/**
 * Resolves with the first SIGINT or SIGTERM. A second one means "now": `onSecond` is called
 * (it ends the process) without waiting for the steps.
 */
export function firstStopSignal(onSecond: (signal: NodeJS.Signals) => void) {
  return new Promise<NodeJS.Signals>((resolve) => {
    let received = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (received) return onSecond(signal);
      received = true;
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

/**
 * Runs the phases in order, the steps of a phase together (the server drains while the
 * workers finish their job at hand; the database closes last, when nobody needs it). Gives
 * up when `timeoutMs` has passed, naming the steps not yet done.
 */
export async function runShutdown(
  phases: readonly (readonly ShutdownStep[])[],
  timeoutMs: number,
  log: (line: string) => void,
): Promise<ShutdownOutcome> {
  const started = new Set<ShutdownStep>();
  const done = new Set<ShutdownStep>();
  const stop = async (step: ShutdownStep) => {
    started.add(step);
    try {
      await step.stop();
    } catch (error) {
      // A step that fails has stopped as far as it can: the others still get their turn.
      log(`shutdown: stopping ${step.name} failed: ${String(error)}`);
    }
    done.add(step);
  };
  const work = (async () => {
    for (const phase of phases) await Promise.all(phase.map(stop));
  })();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const bound = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), timeoutMs);
  });
  const outcome = await Promise.race([work.then(() => 'done' as const), bound]);
  clearTimeout(timer);
  if (outcome === 'done') return { finished: true };
  const stillRunning = phases
    .flat()
    .filter((step) => !done.has(step))
    .map((step) => {
      if (!started.has(step)) return `${step.name} (not started)`;
      return step.describe ? `${step.name} (${step.describe()})` : step.name;
    });
  return { finished: false, stillRunning };
}
