import type { EncodeLane, EncoderLoad, EncoderTurns } from '../../services/media/media-ports.js';

/**
 * At most `concurrency` sharp pipelines at once in the process. Work that cannot start waits in
 * its lane; a freed turn goes to the lane that has waited longest since it was last served, so
 * a lane with fifty pipelines queued and a lane with one take turns about.
 */
export function createEncoderTurns(concurrency: number): EncoderTurns {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`encoder concurrency must be a positive whole number, not ${concurrency}`);
  }
  // Only lanes with work waiting, in the order they are to be served (a Map keeps insertion order).
  const lanes = new Map<EncodeLane, (() => void)[]>();
  let running = 0;
  let waiting = 0;
  let mostAtOnce = 0;

  const enqueue = (lane: EncodeLane, go: () => void) => {
    const queue = lanes.get(lane);
    if (queue) queue.push(go);
    else lanes.set(lane, [go]);
    waiting++;
  };

  /** The first waiting lane's next work; that lane goes to the back of the rotation. */
  const nextInRotation = (): (() => void) | undefined => {
    for (const [lane, queue] of lanes) {
      lanes.delete(lane);
      const go = queue.shift();
      if (queue.length > 0) lanes.set(lane, queue);
      if (go) return go;
    }
    return undefined;
  };

  const take = (lane: EncodeLane): Promise<void> | undefined => {
    if (running < concurrency && waiting === 0) {
      running++;
      return undefined;
    }
    return new Promise<void>((go) => enqueue(lane, go));
  };

  // A freed turn passes straight to the next waiter, so nobody can slip in between.
  const release = () => {
    const go = nextInRotation();
    if (!go) {
      running--;
      return;
    }
    waiting--;
    go();
  };

  return {
    concurrency,
    async run(lane, work) {
      await take(lane);
      mostAtOnce = Math.max(mostAtOnce, running);
      try {
        return await work();
      } finally {
        release();
      }
    },
    load(): EncoderLoad {
      const waitingByLane: EncoderLoad['waitingByLane'] = {};
      for (const [lane, queue] of lanes) waitingByLane[lane] = queue.length;
      return { running, waiting, mostAtOnce, waitingByLane };
    },
  };
}
