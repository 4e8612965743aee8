import { describe, expect, it } from 'vitest';
import { startOfNextLocalDay } from './next-local-day.js';

describe('startOfNextLocalDay', () => {
  it('is the coming midnight in the paper’s zone, not in UTC', () => {
    expect(startOfNextLocalDay(new Date('2024-04-24T19:30:00Z'), 'Asia/Muscat').toISOString()).toBe(
      '2024-04-24T20:00:00.000Z',
    );
    expect(startOfNextLocalDay(new Date('2024-04-24T20:00:00Z'), 'Asia/Muscat').toISOString()).toBe(
      '2024-04-25T20:00:00.000Z',
    );
  });

  it('follows daylight saving: a 23-hour day and a 25-hour one', () => {
    // New York springs forward on 10 March 2024 and falls back on 3 November 2024.
    expect(
      startOfNextLocalDay(new Date('2024-03-10T12:00:00Z'), 'America/New_York').toISOString(),
    ).toBe('2024-03-11T04:00:00.000Z');
    expect(
      startOfNextLocalDay(new Date('2024-11-03T12:00:00Z'), 'America/New_York').toISOString(),
    ).toBe('2024-11-04T05:00:00.000Z');
  });
});
