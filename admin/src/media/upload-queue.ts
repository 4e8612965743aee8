/**
 * A queue that sends at most `max` items at a time and starts the next as soon as one finishes,
 * whether it was sent or refused; what a row shows comes back through `report`.
 */
export interface UploadQueue<T> {
  /** Queues the items; they start at once while fewer than `max` are being sent. */
  add(items: T[]): void;
  /** How many are being sent now. */
  readonly running: number;
}

export function createUploadQueue<T>(
  max: number,
  send: (item: T) => Promise<void>,
): UploadQueue<T> {
  const waiting: T[] = [];
  let running = 0;
  const pump = () => {
    while (running < max) {
      const item = waiting.shift();
      if (item === undefined) return;
      running += 1;
      // `send` reports its own failures; a rejection here must not stop the queue.
      void send(item)
        .catch(() => undefined)
        .finally(() => {
          running -= 1;
          pump();
        });
    }
  };
  return {
    add(items) {
      waiting.push(...items);
      pump();
    },
    get running() {
      return running;
    },
  };
}
