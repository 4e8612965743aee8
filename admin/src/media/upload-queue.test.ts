import { describe, expect, it } from 'vitest';
import { createUploadQueue } from './upload-queue.js';

/** A send whose calls stay open until the test settles them, one by one. */
function heldSends() {
  const open = new Map<string, { resolve: () => void; reject: (error: Error) => void }>();
  const started: string[] = [];
  const send = (name: string) =>
    new Promise<void>((resolve, reject) => {
      started.push(name);
      open.set(name, { resolve, reject });
    });
  const settle = async (name: string, outcome: 'sent' | 'refused') => {
    const call = open.get(name);
    open.delete(name);
    if (outcome === 'sent') call?.resolve();
    else call?.reject(new Error(`${name} refused`));
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { send, started, settle, open };
}

describe('the upload queue', () => {
  it('sends three at a time and starts the fourth when one is done', async () => {
    const calls = heldSends();
    const queue = createUploadQueue(3, calls.send);
    queue.add(['a.jpg', 'b.jpg', 'c.jpg', 'd.jpg', 'e.jpg']);
    expect(calls.started).toEqual(['a.jpg', 'b.jpg', 'c.jpg']);
    expect(queue.running).toBe(3);
    await calls.settle('b.jpg', 'sent');
    expect(calls.started).toEqual(['a.jpg', 'b.jpg', 'c.jpg', 'd.jpg']);
    expect(queue.running).toBe(3);
  });

  it('goes on after a refused file, so one bad photo never stalls a batch', async () => {
    const calls = heldSends();
    const queue = createUploadQueue(1, calls.send);
    queue.add(['bad.jpg', 'good.jpg']);
    await calls.settle('bad.jpg', 'refused');
    expect(calls.started).toEqual(['bad.jpg', 'good.jpg']);
    await calls.settle('good.jpg', 'sent');
    expect(queue.running).toBe(0);
  });

  it('starts files added later at once when there is room', async () => {
    const calls = heldSends();
    const queue = createUploadQueue(3, calls.send);
    queue.add(['a.jpg']);
    await calls.settle('a.jpg', 'sent');
    queue.add(['b.jpg', 'c.jpg']);
    expect(calls.started).toEqual(['a.jpg', 'b.jpg', 'c.jpg']);
    expect(queue.running).toBe(2);
  });
});
