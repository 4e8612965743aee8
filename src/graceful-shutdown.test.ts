import { describe, expect, it } from 'vitest';
import { runShutdown, type ShutdownStep } from './graceful-shutdown.js';

const step = (name: string, stop: () => Promise<void>, describe?: () => string): ShutdownStep => ({
  name,
  stop,
  ...(describe ? { describe } : {}),
});

describe('running a shutdown', () => {
  it('runs each phase after the one before, the steps of a phase together', async () => {
    const order: string[] = [];
    const outcome = await runShutdown(
      [
        [
          step('server', async () => {
            await new Promise((r) => setTimeout(r, 10));
            order.push('server');
          }),
          step('worker', () => Promise.resolve(void order.push('worker'))),
        ],
        [step('database', () => Promise.resolve(void order.push('database')))],
      ],
      5_000,
      () => undefined,
    );
    expect(outcome).toEqual({ finished: true });
    expect(order).toEqual(['worker', 'server', 'database']);
  });

  it('goes on past a step that fails, and says so', async () => {
    const log: string[] = [];
    const outcome = await runShutdown(
      [
        [step('worker', () => Promise.reject(new Error('stuck')))],
        [step('db', () => Promise.resolve())],
      ],
      5_000,
      (line) => log.push(line),
    );
    expect(outcome).toEqual({ finished: true });
    expect(log).toEqual(['shutdown: stopping worker failed: Error: stuck']);
  });

  it('gives up at the bound, naming what still runs and what never started', async () => {
    const outcome = await runShutdown(
      [
        [
          step(
            'server',
            () => new Promise(() => {}),
            () => '2 connection(s) still open',
          ),
          step('worker', () => Promise.resolve()),
        ],
        [step('database', () => Promise.resolve())],
      ],
      20,
      () => undefined,
    );
    expect(outcome).toEqual({
      finished: false,
      stillRunning: ['server (2 connection(s) still open)', 'database (not started)'],
    });
  });
});
