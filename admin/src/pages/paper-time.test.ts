import { describe, expect, it } from 'vitest';
import { formatPaperTime, instantOfWallTime, wallTimeIn, zoneLabel } from './paper-time.js';

describe("the paper's clock", () => {
  it('labels a time with the paper’s city and its offset then', () => {
    expect(zoneLabel('Asia/Muscat')).toBe('Muscat time (GMT+4)');
    expect(zoneLabel('Europe/London', new Date('2026-07-01T12:00:00Z'))).toBe(
      'London time (GMT+1)',
    );
    expect(zoneLabel('Europe/London', new Date('2026-01-01T12:00:00Z'))).toBe('London time (GMT)');
    expect(zoneLabel('America/New_York', new Date('2026-01-01T12:00:00Z'))).toBe(
      'New York time (GMT-5)',
    );
  });

  it('shows an instant in the paper’s zone, whatever the browser’s', () => {
    expect(formatPaperTime('2026-12-06T10:30:00Z', 'Asia/Muscat')).toBe(
      '6 Dec 2026, 14:30 Muscat time (GMT+4)',
    );
  });

  it('turns a Muscat wall-clock time into the UTC instant and back', () => {
    const instant = instantOfWallTime('2026-12-06T14:30', 'Asia/Muscat');
    expect(instant.toISOString()).toBe('2026-12-06T10:30:00.000Z');
    expect(wallTimeIn(instant.toISOString(), 'Asia/Muscat')).toBe('2026-12-06T14:30');
    expect(instantOfWallTime('2026-12-06T14:30:15', 'Asia/Muscat').toISOString()).toBe(
      '2026-12-06T10:30:15.000Z',
    );
  });

  it('reads London summer and winter times with their own offsets', () => {
    expect(instantOfWallTime('2026-07-01T09:00', 'Europe/London').toISOString()).toBe(
      '2026-07-01T08:00:00.000Z',
    );
    expect(instantOfWallTime('2026-01-15T09:00', 'Europe/London').toISOString()).toBe(
      '2026-01-15T09:00:00.000Z',
    );
  });

  it('moves a time the clocks skip in spring to just after the gap', () => {
    // London: 01:00 GMT on 29 March 2026 becomes 02:00 BST; 01:30 never happens.
    const instant = instantOfWallTime('2026-03-29T01:30', 'Europe/London');
    expect(instant.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(wallTimeIn(instant.toISOString(), 'Europe/London')).toBe('2026-03-29T02:30');
  });

  it('takes the first of the two times an autumn hour happens', () => {
    // London: 02:00 BST on 25 October 2026 becomes 01:00 GMT; 01:30 happens twice.
    const instant = instantOfWallTime('2026-10-25T01:30', 'Europe/London');
    expect(instant.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(instantOfWallTime('2026-10-25T02:30', 'Europe/London').toISOString()).toBe(
      '2026-10-25T02:30:00.000Z',
    );
  });

  it('refuses something that is not a date and time', () => {
    expect(() => instantOfWallTime('tomorrow', 'Asia/Muscat')).toThrow(RangeError);
  });
});
