import { describe, expect, it } from 'vitest';
import type { EncodeLane } from '../../services/media/media-ports.js';
import { createEncoderTurns } from './encoder-turns.js';

/** Every promise callback queued so far has run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

/** Work whose start is recorded and whose end the test decides. */
function pipelines() {
  const started: string[] = [];
  const finish = new Map<string, (failed?: boolean) => void>();
  const work = (name: string) => () =>
    new Promise<string>((resolve, reject) => {
      started.push(name);
      finish.set(name, (failed) => (failed ? reject(new Error(name)) : resolve(name)));
    });
  const end = async (name: string, failed = false) => {
    finish.get(name)?.(failed);
    await settle();
  };
  return { started, work, end };
}

describe('the encoder’s turns', () => {
  it('never runs more pipelines at once than it has turns', async () => {
    const turns = createEncoderTurns(2);
    const { started, work, end } = pipelines();
    const done = ['a', 'b', 'c', 'd', 'e'].map((name) => turns.run('background', work(name)));
    await settle();
    expect(started).toEqual(['a', 'b']);
    expect(turns.load()).toMatchObject({ running: 2, waiting: 3 });
    for (const name of ['a', 'b', 'c', 'd', 'e']) await end(name);
    await expect(Promise.all(done)).resolves.toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(turns.load()).toEqual({ running: 0, waiting: 0, mostAtOnce: 2, waitingByLane: {} });
  });

  it('gives a member with one photo the next turn, ahead of another member’s burst', async () => {
    const turns = createEncoderTurns(1);
    const { started, work, end } = pipelines();
    const run = (lane: EncodeLane, name: string) => void turns.run(lane, work(name));
    run('background', 'job');
    for (const n of [1, 2, 3, 4]) run('uploader:1', `burst-${n}`);
    run('uploader:2', 'single');
    run('readers', 'variant');
    await settle();
    expect(turns.load().waitingByLane).toEqual({ 'uploader:1': 4, 'uploader:2': 1, readers: 1 });
    for (const name of ['job', 'burst-1', 'single', 'variant', 'burst-2', 'burst-3']) {
      await end(name);
    }
    expect(started).toEqual([
      'job',
      'burst-1',
      'single',
      'variant',
      'burst-2',
      'burst-3',
      'burst-4',
    ]);
    expect(turns.load().mostAtOnce).toBe(1);
  });

  it('passes the turn on when a pipeline fails', async () => {
    const turns = createEncoderTurns(1);
    const { started, work, end } = pipelines();
    const failing = turns.run('readers', work('broken'));
    const failure = expect(failing).rejects.toThrow('broken');
    const next = turns.run('readers', work('next'));
    await settle();
    await end('broken', true);
    await failure;
    expect(started).toEqual(['broken', 'next']);
    await end('next');
    await expect(next).resolves.toBe('next');
    expect(turns.load()).toMatchObject({ running: 0, waiting: 0 });
  });

  it('refuses a concurrency that is not a positive whole number', () => {
    expect(() => createEncoderTurns(0)).toThrow(RangeError);
    expect(() => createEncoderTurns(1.5)).toThrow(RangeError);
  });
});
