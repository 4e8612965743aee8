import { describe, expect, it } from 'vitest';
import { TokenBucketLimiter } from './token-bucket.js';

describe('a token bucket per key', () => {
  it('allows a burst of the whole rate, then earns requests back evenly over the minute', () => {
    const limiter = new TokenBucketLimiter(60);
    for (let i = 0; i < 60; i++) expect(limiter.take('app', 0).allowed).toBe(true);
    const refused = limiter.take('app', 0);
    expect(refused).toMatchObject({
      allowed: false,
      remaining: 0,
      retryAfterSeconds: 1,
      resetSeconds: 60,
    });
    expect(limiter.take('app', 999).allowed).toBe(false);
    expect(limiter.take('app', 1_000).allowed).toBe(true);
    expect(limiter.take('other', 0).remaining).toBe(59);
  });

  it('is full again after a quiet minute', () => {
    const limiter = new TokenBucketLimiter(2);
    limiter.take('app', 0);
    limiter.take('app', 0);
    expect(limiter.take('app', 0).allowed).toBe(false);
    expect(limiter.take('app', 120_000)).toMatchObject({ allowed: true, remaining: 1 });
  });
});
