import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../domain/errors.js';
import { createUploadPlaces } from './upload-places.js';

/** The refusal `take` throws, or undefined when it gave a place. */
const refusal = (take: () => unknown) => {
  try {
    take();
    return undefined;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return error;
  }
};

describe('places for uploads', () => {
  it('refuses a member’s upload beyond their limit, saying when a place should free', () => {
    let now = 10_000;
    const places = createUploadPlaces(() => now, { perMember: 2, inProcess: 10 });
    places.take(7);
    now += 500;
    places.take(7);
    now += 500;
    const refused = refusal(() => places.take(7));
    expect(refused?.kind).toBe('too_many_requests');
    expect(refused?.message).toMatch(/^You have 2 photos uploading already; try again in 2 s$/);
    // Before any upload was timed, one is taken to last 3 s; the oldest began 1 s ago.
    expect(refused?.retryAfterSeconds).toBe(2);
    expect(refusal(() => places.take(8))).toBeUndefined();
  });

  it('frees a place when an upload ends, and learns how long uploads take', () => {
    let now = 0;
    const places = createUploadPlaces(() => now, { perMember: 1, inProcess: 10 });
    const first = places.take(7);
    now += 20_000;
    first.release();
    first.release();
    const second = places.take(7);
    // 3 s + 0.3 × (20 s − 3 s) = 8.1 s: a slow upload makes the next wait longer.
    expect(refusal(() => places.take(7))?.retryAfterSeconds).toBe(9);
    second.release();
    expect(refusal(() => places.take(7))).toBeUndefined();
  });

  it('refuses anyone once the whole newsroom has too many uploads under way', () => {
    const places = createUploadPlaces(() => 0, { perMember: 5, inProcess: 3 });
    places.take(1);
    places.take(2);
    const third = places.take(3);
    expect(refusal(() => places.take(4))?.message).toMatch(
      /^The newsroom is uploading 3 photos at once; try again in \d+ s$/,
    );
    third.release();
    expect(refusal(() => places.take(4))).toBeUndefined();
  });
});
