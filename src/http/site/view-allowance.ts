/**
 * How many views one address may add, without keeping addresses: each (address, story) pair
 * and each address is hashed with this process's secret into a slot of a fixed table of
 * counters, cleared every window. A reader reloading a story a few times still counts; one
 * address cannot push a story up the list, or fill the tally with made-up ids. Colliding
 * slots only ever refuse a view early, and nothing in the table leads back to an address.
 */
import { randomBytes } from 'node:crypto';

export interface ViewAllowanceStats {
  /** Views refused because one address sent too many in the window. */
  refused: number;
}

export interface ViewAllowance {
  /** Takes one view of `storyId` from `address`; false once the address is over its allowance. */
  take(address: string, storyId: number, now: number): boolean;
  stats(): ViewAllowanceStats;
}

export interface ViewAllowanceLimits {
  /** Views one address may add to one story in a window. */
  perStory: number;
  /** Views one address may add in a window, whatever the stories (many readers share one). */
  perAddress: number;
  windowMs: number;
}

export const VIEW_ALLOWANCE: ViewAllowanceLimits = {
  perStory: 10,
  perAddress: 600,
  windowMs: 60_000,
};

/** 2^20 two-byte counters (2 MiB): a busy minute's pairs fill a few percent of them. */
const SLOTS = 1 << 20;

/** FNV-1a over the seed and the text, 32 bits. */
function slotOf(seed: number, text: string): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) & (SLOTS - 1);
}

/** An allowance table of this process, its seed unknown outside it. */
export function createViewAllowance(limits: ViewAllowanceLimits = VIEW_ALLOWANCE): ViewAllowance {
  const seed = randomBytes(4).readUInt32LE(0);
  const counters = new Uint16Array(SLOTS);
  let windowEnds = 0;
  let refused = 0;
  return {
    take(address, storyId, now) {
      if (now >= windowEnds) {
        counters.fill(0);
        windowEnds = now + limits.windowMs;
      }
      const byAddress = slotOf(seed, address);
      const byStory = slotOf(seed, `${address}|${storyId}`);
      if (counters[byAddress]! >= limits.perAddress || counters[byStory]! >= limits.perStory) {
        refused++;
        return false;
      }
      counters[byAddress]!++;
      counters[byStory]!++;
      return true;
    },
    stats: () => ({ refused }),
  };
}
