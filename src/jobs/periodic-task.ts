/** A task started by `startPeriodic`: stop() ends the timer and waits for the run at hand. */
export interface PeriodicTask {
  stop(): Promise<void>;
}

/**
 * Runs `run` now and then every `intervalMs` until stopped; `run` handles its own failures, so
 * one failed run never stops the next. The timer does not keep the process alive.
 */
export function startPeriodic(run: () => Promise<void>, intervalMs: number): PeriodicTask {
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = run();
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
