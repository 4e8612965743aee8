/**
 * The Hijri calendar against its own table, for any day: every day of the table's range falls in
 * exactly one month, counted from that month's first day as the table gives it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hijriFromEpochDay,
  hijriMonthIndex,
  hijriMonthStart,
  type HijriCalendar,
} from './hijri-date.js';
import {
  RJD_TO_EPOCH_DAY,
  UMALQURA_FIRST_YEAR,
  UMALQURA_MONTH_STARTS_RJD,
} from './umalqura-table.js';

const FIRST_DAY = (UMALQURA_MONTH_STARTS_RJD[0] ?? 0) + RJD_TO_EPOCH_DAY;
const CLOSING_DAY = (UMALQURA_MONTH_STARTS_RJD.at(-1) ?? 0) + RJD_TO_EPOCH_DAY;
const tableDays = fc.integer({ min: FIRST_DAY, max: CLOSING_DAY - 1 });

describe('Hijri dates, for any day', () => {
  it('in the Umm al-Qura range: the day of the month counts from the table’s month start', () => {
    fc.assert(
      fc.property(tableDays, (day) => {
        const date = hijriFromEpochDay(day, 'islamic-umalqura');
        expect(date).not.toBeNull();
        const { year, month, day: dayOfMonth } = date ?? { year: 0, month: 0, day: 0 };
        const index = hijriMonthIndex(year, month);
        const slot = (year - UMALQURA_FIRST_YEAR) * 12 + month - 1;
        expect(hijriMonthStart(index, 'islamic-umalqura')).toBe(
          (UMALQURA_MONTH_STARTS_RJD[slot] ?? NaN) + RJD_TO_EPOCH_DAY,
        );
        expect(day - dayOfMonth + 1).toBe(hijriMonthStart(index, 'islamic-umalqura'));
        expect(day).toBeLessThan((UMALQURA_MONTH_STARTS_RJD[slot + 1] ?? NaN) + RJD_TO_EPOCH_DAY);
      }),
    );
  });

  it.each<HijriCalendar>(['islamic-umalqura', 'islamic-civil'])(
    'in the %s calendar: the next day is the next day of the month, or the first of the next month',
    (calendar) => {
      fc.assert(
        fc.property(fc.integer({ min: FIRST_DAY, max: CLOSING_DAY - 2 }), (day) => {
          const today = hijriFromEpochDay(day, calendar);
          const tomorrow = hijriFromEpochDay(day + 1, calendar);
          if (!today || !tomorrow) throw new Error(`no date for ${day} or the day after`);
          if (tomorrow.day === 1) {
            const next = hijriMonthIndex(today.year, today.month) + 1;
            expect(hijriMonthIndex(tomorrow.year, tomorrow.month)).toBe(next);
            expect(today.day).toBeGreaterThanOrEqual(28);
            expect(today.day).toBeLessThanOrEqual(31);
          } else {
            expect(tomorrow).toEqual({ ...today, day: today.day + 1 });
          }
        }),
      );
    },
  );

  it('outside the table the Umm al-Qura calendar answers nothing rather than a guess', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ max: FIRST_DAY - 1 }), fc.integer({ min: CLOSING_DAY })),
        (day) => {
          expect(hijriFromEpochDay(day, 'islamic-umalqura')).toBeNull();
        },
      ),
    );
  });
});
