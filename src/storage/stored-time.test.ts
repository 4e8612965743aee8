import { describe, expect, it } from 'vitest';
import { fromDbTime, toDbTime } from './stored-time.js';

describe('stored times', () => {
  it('reads back every time it wrote, to the millisecond', () => {
    for (const iso of [
      '2024-04-24T02:00:00.000Z',
      '2023-12-31T23:59:59.999Z',
      '2024-02-29T12:34:56.789Z',
      '1970-01-01T00:00:00.000Z',
      '0100-03-01T00:00:00.001Z',
      '9999-12-31T23:59:59.999Z',
    ]) {
      expect(toDbTime(fromDbTime(iso))).toBe(iso);
      expect(fromDbTime(iso).getTime()).toBe(new Date(iso).getTime());
    }
  });

  it('reads every day of four centuries as Date does', () => {
    for (let ms = Date.UTC(1900, 0, 1); ms < Date.UTC(2300, 0, 1); ms += 86_400_000 + 3_723_001) {
      const iso = new Date(ms).toISOString();
      expect(fromDbTime(iso).getTime(), iso).toBe(ms);
    }
  });

  it('reads any other shape as Date does, invalid ones as an invalid Date', () => {
    for (const other of [
      '0050-06-01T00:00:00.000Z',
      '2024-04-24T02:00:00Z',
      '2024-04-24 02:00:00.000Z',
      '2024-04-24T02:00:00.000+04:00',
      '2024-4a-24T02:00:00.000Z',
      '2024-13-45T02:00:00.000Z',
      '2024-02-30T00:00:00.000Z',
      '2024-04-24T24:00:00.000Z',
      '2024-04-24T23:60:00.000Z',
      '2024-00-10T00:00:00.000Z',
      '2024-01-00T00:00:00.000Z',
      '',
    ]) {
      expect(fromDbTime(other).getTime()).toEqual(new Date(other).getTime());
    }
  });
});
