import { tooManyRequests } from '../../domain/errors.js';
import type { LoginFailureStore } from '../ports.js';

/** Failed sign-ins are counted over this window. */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

/**
 * At most this many failures per window for one account, and for one client address; and at
 * most this many password reset requests per address asked for and per client address, so
 * nobody can flood a mailbox (the limit is the same whether or not the address has an account).
 */
export const THROTTLE_LIMITS = { email: 5, ip: 20, 'reset-email': 3, 'reset-ip': 10 } as const;

export type ThrottleKey = `${keyof typeof THROTTLE_LIMITS}:${string}`;

/** The keys a sign-in attempt is counted under. */
export const throttleKeys = (email: string, ip: string): ThrottleKey[] => [
  `email:${email}`,
  `ip:${ip}`,
];

/** The keys a password reset request is counted under. */
export const resetThrottleKeys = (email: string, ip: string | undefined): ThrottleKey[] =>
  ip === undefined ? [`reset-email:${email}`] : [`reset-email:${email}`, `reset-ip:${ip}`];

const limitOf = (key: ThrottleKey) =>
  THROTTLE_LIMITS[key.slice(0, key.indexOf(':')) as keyof typeof THROTTLE_LIMITS];

/** Throws TooManyRequests, saying when to try again, once any key has used up its attempts. */
export async function refuseWhenThrottled(
  failures: LoginFailureStore,
  keys: ThrottleKey[],
  now: Date,
  attempts = 'failed sign-ins',
): Promise<void> {
  const windowStart = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  for (const key of keys) {
    const { count, oldest } = await failures.since(key, windowStart);
    if (count < limitOf(key)) continue;
    // The oldest failure leaving the window frees the next attempt.
    const freeAt = (oldest ?? now).getTime() + THROTTLE_WINDOW_MS;
    const seconds = Math.ceil((freeAt - now.getTime()) / 1000);
    const minutes = Math.max(1, Math.ceil(seconds / 60));
    throw tooManyRequests(
      `Too many ${attempts}. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      seconds,
    );
  }
}

/** Counts an attempt under every key, and forgets failures older than the window. */
export async function recordFailure(
  failures: LoginFailureStore,
  keys: ThrottleKey[],
  now: Date,
): Promise<void> {
  await failures.record(keys, now);
  await failures.prune(new Date(now.getTime() - THROTTLE_WINDOW_MS));
}
