import { describe, expect, it } from 'vitest';
import { envPairs, median, roundOrder } from './rounds.js';

describe('measuring in rounds', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([0.31, 0.29, 0.5])).toBe(0.31);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('alternates which side goes first, so drift falls on both', () => {
    const orders = [0, 1, 2, 3].map((round) => roundOrder(round, 'A', 'B').join(''));
    expect(orders).toEqual(['AB', 'BA', 'AB', 'BA']);
  });

  it('reads NAME=VALUE settings, values keeping their own = signs', () => {
    expect(envPairs(['PAGE_CACHE_MB=0', 'NODE_OPTIONS=--a=b'])).toEqual({
      PAGE_CACHE_MB: '0',
      NODE_OPTIONS: '--a=b',
    });
    expect(envPairs()).toEqual({});
  });

  it('names a setting that is not NAME=VALUE', () => {
    expect(() => envPairs(['PAGE_CACHE_MB'])).toThrow(/NAME=VALUE, not "PAGE_CACHE_MB"/);
    expect(() => envPairs(['=1'])).toThrow(/not "=1"/);
  });
});
