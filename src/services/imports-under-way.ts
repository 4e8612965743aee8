/**
 * The uploaded imports a server is running. Stopping the server stops them between stories
 * (the batch at hand commits, ADR 0060) rather than cutting one off mid-transaction, and waits
 * for each to record why it ended, so the newsroom reads "stopped" at once instead of a run
 * that goes quiet until its heartbeat is old enough to call it interrupted.
 */
export interface ImportsUnderWay {
  /** Aborted when the server stops: an import reads no further item. */
  readonly signal: AbortSignal;
  /** Keeps an import's end (a promise that never rejects) until it settles. */
  add(finished: Promise<void>): void;
  count(): number;
  /** Stops every import after its item at hand; resolves once each has recorded its end. */
  stop(): Promise<void>;
}

export function importsUnderWay(): ImportsUnderWay {
  const controller = new AbortController();
  const running = new Set<Promise<void>>();
  return {
    signal: controller.signal,
    add(finished) {
      running.add(finished);
      void finished.finally(() => running.delete(finished));
    },
    count: () => running.size,
    async stop() {
      controller.abort();
      await Promise.all(running);
    },
  };
}
