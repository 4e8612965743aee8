import { describe, expect, it } from 'vitest';
import {
  paperDayOf,
  paperPeriodOf,
  periodBounds,
  periodName,
  periodPath,
  periodTitle,
} from './paper-days.js';

const iso = (bounds: { from: Date; until: Date } | undefined) =>
  bounds && [bounds.from.toISOString(), bounds.until.toISOString()];

describe('the paper’s days and months', () => {
  it('reads a real day or month from an archive address, and nothing else', () => {
    expect(paperPeriodOf({ year: '2024', month: '04', day: '24' })).toEqual({
      year: 2024,
      month: 4,
      day: 24,
    });
    expect(paperPeriodOf({ year: '2024', month: '02', day: '29' })).toBeDefined();
    expect(paperPeriodOf({ year: '2023', month: '02', day: '29' })).toBeUndefined();
    expect(paperPeriodOf({ year: '2024', month: '02', day: '30' })).toBeUndefined();
    expect(paperPeriodOf({ year: '2024', month: '13', day: '01' })).toBeUndefined();
    expect(paperPeriodOf({ year: '2024', month: '00' })).toBeUndefined();
    expect(paperPeriodOf({ year: '0000', month: '01' })).toBeUndefined();
    expect(paperPeriodOf({ year: '2024', month: '12' })).toEqual({ year: 2024, month: 12 });
  });

  it('names, titles and addresses a day and a month', () => {
    const day = { year: 2024, month: 4, day: 24 };
    expect(periodTitle(day)).toBe('Wednesday 24 April 2024');
    expect(periodTitle({ year: 2024, month: 4 })).toBe('April 2024');
    expect(periodPath(day)).toBe('/2024/04/24/');
    expect(periodPath({ year: 987, month: 1 })).toBe('/0987/01/');
    expect(periodName({ year: 2024, month: 4 })).toBe('2024-04');
  });

  it('puts a story published at 23:30 in Muscat on that local day, not the UTC one', () => {
    expect(paperDayOf(new Date('2024-04-24T19:30:00Z'), 'Asia/Muscat')).toBe('2024-04-24');
    expect(paperDayOf(new Date('2024-04-24T20:30:00Z'), 'Asia/Muscat')).toBe('2024-04-25');
    expect(paperDayOf(new Date('2024-04-25T02:30:00Z'), 'America/New_York')).toBe('2024-04-24');
  });

  it('bounds a day at the paper’s midnights, daylight saving and all', () => {
    expect(iso(periodBounds({ year: 2024, month: 4, day: 24 }, 'Asia/Muscat'))).toEqual([
      '2024-04-23T20:00:00.000Z',
      '2024-04-24T20:00:00.000Z',
    ]);
    expect(iso(periodBounds({ year: 2024, month: 3, day: 10 }, 'America/New_York'))).toEqual([
      '2024-03-10T05:00:00.000Z',
      '2024-03-11T04:00:00.000Z',
    ]);
    expect(iso(periodBounds({ year: 2024, month: 4, day: 24 }, 'Pacific/Kiritimati'))).toEqual([
      '2024-04-23T10:00:00.000Z',
      '2024-04-24T10:00:00.000Z',
    ]);
    expect(iso(periodBounds({ year: 2024, month: 4, day: 24 }, 'Etc/GMT+12'))).toEqual([
      '2024-04-24T12:00:00.000Z',
      '2024-04-25T12:00:00.000Z',
    ]);
  });

  it('bounds a month from its first local midnight to the next month’s', () => {
    expect(iso(periodBounds({ year: 2024, month: 12 }, 'Asia/Muscat'))).toEqual([
      '2024-11-30T20:00:00.000Z',
      '2024-12-31T20:00:00.000Z',
    ]);
  });

  it('has no bounds for a day the zone skipped', () => {
    expect(periodBounds({ year: 2011, month: 12, day: 30 }, 'Pacific/Apia')).toBeUndefined();
    expect(iso(periodBounds({ year: 2011, month: 12, day: 29 }, 'Pacific/Apia'))).toEqual([
      '2011-12-29T10:00:00.000Z',
      '2011-12-30T10:00:00.000Z',
    ]);
  });
});
