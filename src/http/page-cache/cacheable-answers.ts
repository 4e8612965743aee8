/**
 * Which answers the page cache may keep, and under which keys: set by the route as it sends a
 * public answer (cache-headers.ts), read by the hook that stores it (page-cache-hooks.ts).
 */
import type { FastifyReply } from 'fastify';

const CACHEABLE = new WeakMap<FastifyReply, readonly string[]>();

/** This answer may be kept in memory, to be dropped when any of these keys is announced. */
export function markCacheable(reply: FastifyReply, keys: readonly string[]): void {
  CACHEABLE.set(reply, keys);
}

/** The keys of a cacheable answer; undefined when it must not be kept. */
export const cacheableKeys = (reply: FastifyReply): readonly string[] | undefined =>
  CACHEABLE.get(reply);

const FRESH_UNTIL = new WeakMap<FastifyReply, number>();

/**
 * This answer shows something kept elsewhere until `until` (ms since the epoch), such as a
 * most-read list: the page cache keeps it no longer, whatever its other bounds.
 */
export function limitFreshness(reply: FastifyReply, until: number): void {
  FRESH_UNTIL.set(reply, Math.min(until, FRESH_UNTIL.get(reply) ?? Infinity));
}

/** The bound set by limitFreshness, if any. */
export const freshnessLimitOf = (reply: FastifyReply): number | undefined => FRESH_UNTIL.get(reply);
