import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.js';
import { civilDateInZone } from './civil-date-in-zone.js';

describe('the civil date of an instant in a time zone', () => {
  it("follows the publication's zone, not the server's or UTC", () => {
    const justAfterMuscatMidnight = new Date('2024-04-23T20:00:00Z');
    expect(civilDateInZone(justAfterMuscatMidnight, 'Asia/Muscat')).toEqual({
      year: 2024,
      month: 4,
      day: 24,
    });
    expect(civilDateInZone(justAfterMuscatMidnight, 'UTC')).toEqual({
      year: 2024,
      month: 4,
      day: 23,
    });
    expect(civilDateInZone(justAfterMuscatMidnight, 'America/New_York')).toEqual({
      year: 2024,
      month: 4,
      day: 23,
    });
  });

  it('turns at local midnight, to the second', () => {
    expect(civilDateInZone(new Date('2024-04-23T19:59:59Z'), 'Asia/Muscat').day).toBe(23);
    expect(civilDateInZone(new Date('2024-04-23T20:00:00Z'), 'Asia/Muscat').day).toBe(24);
  });

  it('refuses an unknown time zone, naming the timezone field', () => {
    const attempt = () => civilDateInZone(new Date(), 'Oman/Muscat');
    expect(attempt).toThrow(/IANA time zone/);
    try {
      attempt();
    } catch (error) {
      expect(isDomainError(error) && error.field).toBe('timezone');
    }
  });

  it('refuses an invalid instant rather than printing NaN', () => {
    expect(() => civilDateInZone(new Date('not a date'), 'UTC')).toThrow(/not a valid date/);
  });
});
