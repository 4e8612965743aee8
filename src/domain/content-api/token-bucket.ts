/**
 * A token bucket per Content API key: each key may spend `perMinute` requests at once, and
 * earns them back evenly over the minute. Kept in this process's memory, so every instance
 * behind a load balancer allows the whole rate (see docs/content-api.md).
 */
export interface RateDecision {
  allowed: boolean;
  limit: number;
  /** Whole requests left now. */
  remaining: number;
  /** Seconds until the bucket is full again. */
  resetSeconds: number;
  /** Seconds until the next request would be allowed; 0 when this one was. */
  retryAfterSeconds: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Buckets not touched for this long are full again and forgotten. */
const IDLE_MS = 60_000;

export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private sweptAt = 0;

  constructor(private readonly perMinute: number) {
    this.perMs = perMinute / 60_000;
  }

  /** Spends one request of `key`'s bucket at `nowMs`, if it has one to spend. */
  take(key: string, nowMs: number): RateDecision {
    this.sweep(nowMs);
    const bucket = this.refilled(key, nowMs);
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    const missing = this.perMinute - bucket.tokens;
    return {
      allowed,
      limit: this.perMinute,
      remaining: Math.floor(bucket.tokens),
      resetSeconds: Math.ceil(missing / this.perMs / 1000),
      retryAfterSeconds: allowed
        ? 0
        : Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000)),
    };
  }

  private refilled(key: string, nowMs: number): Bucket {
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, updatedAt: nowMs };
    const earned = Math.max(0, nowMs - bucket.updatedAt) * this.perMs;
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + earned);
    bucket.updatedAt = nowMs;
    this.buckets.set(key, bucket);
    return bucket;
  }

  /** Forgets idle buckets now and then, so revoked or forgotten keys cost no memory. */
  private sweep(nowMs: number) {
    if (nowMs - this.sweptAt < IDLE_MS) return;
    this.sweptAt = nowMs;
    for (const [key, bucket] of this.buckets) {
      if (nowMs - bucket.updatedAt >= IDLE_MS) this.buckets.delete(key);
    }
  }
}
