import { describe, expect, it } from 'vitest';
import { formatPublicationDate, formatPublicationTime } from './publication-time.js';

/** What Intl itself writes, so the test holds whatever ICU version Node carries. */
const intl = (instant: Date, timeZone: string, locale = 'en-GB') =>
  new Intl.DateTimeFormat(locale, {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);

describe('a publication time as readers read it', () => {
  it('is the same text on every call, in the zone and locale asked for', () => {
    const instant = new Date('2024-04-24T02:00:00Z');
    const first = formatPublicationTime(instant, 'Europe/Istanbul');
    expect(first).toMatch(/^24 April 2024\b.*05:00$/);
    expect(first).toBe(intl(instant, 'Europe/Istanbul'));
    expect(formatPublicationTime(new Date(instant), 'Europe/Istanbul')).toBe(first);
    const newYork = formatPublicationTime(instant, 'America/New_York');
    expect(newYork).toMatch(/^23 April 2024\b.*22:00$/);
    expect(formatPublicationTime(instant, 'Europe/Istanbul', 'en-US')).toBe(
      intl(instant, 'Europe/Istanbul', 'en-US'),
    );
    expect(formatPublicationTime(new Date('2024-04-24T02:01:00Z'), 'Europe/Istanbul')).toMatch(
      /05:01$/,
    );
  });

  it('gives the day alone, in the paper’s zone, for lists of stories', () => {
    const instant = new Date('2024-04-24T02:00:00Z');
    expect(formatPublicationDate(instant, 'Europe/Istanbul')).toBe('24 April 2024');
    expect(formatPublicationDate(instant, 'America/New_York')).toBe('23 April 2024');
    expect(formatPublicationTime(instant, 'Europe/Istanbul')).not.toBe('24 April 2024');
  });
});
