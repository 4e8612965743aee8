import { describe, expect, it } from 'vitest';
import type { LoginFailureStore } from '../ports.js';
import { refuseWhenThrottled, throttleKeys } from './sign-in-throttle.js';

/** Failures in memory: enough to test the arithmetic of the throttle. */
function failuresAt(times: Record<string, string[]>): LoginFailureStore {
  return {
    record: () => Promise.resolve(),
    clear: () => Promise.resolve(),
    prune: () => Promise.resolve(),
    since: (key, since) => {
      const recent = (times[key] ?? []).map((t) => new Date(t)).filter((t) => t > since);
      return Promise.resolve({ count: recent.length, oldest: recent[0] ?? null });
    },
  };
}

const now = new Date('2024-04-24T10:00:00Z');
const keys = throttleKeys('amal@paper.example', '192.0.2.1');

describe('the sign-in throttle', () => {
  it('lets four recent failures of an account through', async () => {
    const failures = failuresAt({
      'email:amal@paper.example': Array(4).fill('2024-04-24T09:59:00Z'),
    });
    await expect(refuseWhenThrottled(failures, keys, now)).resolves.toBeUndefined();
  });

  it('stops the fifth, saying when the oldest failure leaves the window', async () => {
    const failures = failuresAt({
      'email:amal@paper.example': [
        '2024-04-24T09:47:30Z',
        '2024-04-24T09:50:00Z',
        '2024-04-24T09:55:00Z',
        '2024-04-24T09:58:00Z',
        '2024-04-24T09:59:00Z',
      ],
    });
    await expect(refuseWhenThrottled(failures, keys, now)).rejects.toMatchObject({
      kind: 'too_many_requests',
      message: 'Too many failed sign-ins. Try again in 3 minutes.',
    });
  });

  it('forgets failures older than fifteen minutes', async () => {
    const failures = failuresAt({
      'email:amal@paper.example': Array(9).fill('2024-04-24T09:44:59Z'),
    });
    await expect(refuseWhenThrottled(failures, keys, now)).resolves.toBeUndefined();
  });

  it('stops a client address after twenty failures, in the singular when a minute is left', async () => {
    const failures = failuresAt({ 'ip:192.0.2.1': Array(20).fill('2024-04-24T09:45:30Z') });
    await expect(refuseWhenThrottled(failures, keys, now)).rejects.toThrow(
      'Too many failed sign-ins. Try again in 1 minute.',
    );
  });
});
