import { describe, expect, it } from 'vitest';
import {
  civilFromEpochDay,
  epochDayFromCivil,
  epochDayFromIsoDate,
  formatIsoDate,
  weekdayOfEpochDay,
} from './civil-date.js';

const DAY_MS = 86_400_000;

describe('civil dates as epoch days', () => {
  it('counts days from 1970-01-01 exactly as UTC milliseconds do, 1600 to 2400', () => {
    const mismatches: string[] = [];
    const first = Date.UTC(1600, 0, 1) / DAY_MS;
    const last = Date.UTC(2400, 11, 31) / DAY_MS;
    for (let epochDay = first; epochDay <= last; epochDay += 1) {
      const utc = new Date(epochDay * DAY_MS);
      const civil = {
        year: utc.getUTCFullYear(),
        month: utc.getUTCMonth() + 1,
        day: utc.getUTCDate(),
      };
      const back = civilFromEpochDay(epochDay);
      if (epochDayFromCivil(civil) !== epochDay || formatIsoDate(back) !== formatIsoDate(civil)) {
        mismatches.push(formatIsoDate(civil));
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('reaches back to the proleptic Gregorian year 622 for the Hijri epoch', () => {
    expect(civilFromEpochDay(epochDayFromCivil({ year: 622, month: 7, day: 19 }))).toEqual({
      year: 622,
      month: 7,
      day: 19,
    });
    expect(epochDayFromCivil({ year: 622, month: 7, day: 19 })).toBe(-492_148);
  });

  it('knows 24 April 2024 was a Wednesday and 1 January 1970 a Thursday', () => {
    expect(weekdayOfEpochDay(epochDayFromCivil({ year: 2024, month: 4, day: 24 }))).toBe(3);
    expect(weekdayOfEpochDay(0)).toBe(4);
    expect(weekdayOfEpochDay(-1)).toBe(3);
  });

  it('reads only real dates written as YYYY-MM-DD', () => {
    expect(epochDayFromIsoDate('2024-04-10')).toBe(
      epochDayFromCivil({ year: 2024, month: 4, day: 10 }),
    );
    expect(epochDayFromIsoDate('2024-02-29')).not.toBeNull();
    for (const text of ['2023-02-29', '2024-02-30', '2024-13-01', '2024-4-10', '10/04/2024', '']) {
      expect(epochDayFromIsoDate(text), text).toBeNull();
    }
  });

  it('writes dates zero-padded for <time datetime>', () => {
    expect(formatIsoDate({ year: 2024, month: 3, day: 9 })).toBe('2024-03-09');
    expect(formatIsoDate({ year: 622, month: 7, day: 19 })).toBe('0622-07-19');
  });
});
