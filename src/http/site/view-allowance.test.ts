import { describe, expect, it } from 'vitest';
import { createViewAllowance } from './view-allowance.js';

describe('the view allowance', () => {
  const limits = { perStory: 3, perAddress: 5, windowMs: 60_000 };

  it('lets an address add a few views of a story, then refuses more until the window ends', () => {
    const allowance = createViewAllowance(limits);
    const taken = [0, 1, 2, 3].map(() => allowance.take('203.0.113.1', 7, 1_000));
    expect(taken).toEqual([true, true, true, false]);
    expect(allowance.take('203.0.113.1', 7, 61_000)).toBe(true);
    expect(allowance.stats().refused).toBe(1);
  });

  it('holds one address to a total across stories, leaving other addresses alone', () => {
    const allowance = createViewAllowance(limits);
    const taken = [1, 2, 3, 4, 5, 6].map((story) => allowance.take('203.0.113.2', story, 0));
    expect(taken).toEqual([true, true, true, true, true, false]);
    expect(allowance.take('203.0.113.3', 6, 0)).toBe(true);
  });
});
