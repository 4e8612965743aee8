/**
 * Gregorian → Hijri conversion on two calendars, by integer day arithmetic only. ICU is not used:
 * its `islamic-umalqura` matches the official tables only for 1420–1450 AH.
 */
import { epochDayFromCivil } from '../civil-date.js';
import type { CivilDate } from '../civil-date.js';
import {
  RJD_TO_EPOCH_DAY,
  UMALQURA_FIRST_YEAR,
  UMALQURA_MONTH_STARTS_RJD,
} from './umalqura-table.js';

/** The official Saudi Umm al-Qura table, or the 30-year arithmetic ("civil", Friday epoch) one. */
export type HijriCalendar = 'islamic-umalqura' | 'islamic-civil';

/** A Hijri date: month 1 (Muharram) … 12 (Dhu al-Hijjah), day 1 … 30. */
export interface HijriDate {
  year: number;
  month: number;
  day: number;
}

/** Months elapsed since 1 Muharram 1 AH; lets month arithmetic ignore year boundaries. */
export const hijriMonthIndex = (year: number, month: number): number => (year - 1) * 12 + month - 1;

/** The year and month (1-12) of a month index. */
export function hijriMonthOfIndex(index: number): { year: number; month: number } {
  return { year: Math.floor(index / 12) + 1, month: (index % 12) + 1 };
}

const TABLE_FIRST_INDEX = hijriMonthIndex(UMALQURA_FIRST_YEAR, 1);

/** Epoch day of 1 Muharram 1 AH on the arithmetic calendar: Friday 16 July 622 (Julian). */
export const ISLAMIC_CIVIL_EPOCH_DAY = -492_148;

/** Mean month of the 30-year cycle (10,631 days / 360 months); only used to guess a month. */
const MEAN_CIVIL_MONTH = 10_631 / 360;

function civilMonthStart(index: number): number | null {
  if (index < 0) return null;
  const { year, month } = hijriMonthOfIndex(index);
  // floor((3 + 11y) / 30) counts the leap days before year y: years 2, 5, 7, 10, 13, 16, 18, 21,
  // 24, 26, 29 of each cycle. Months alternate 30 and 29 days, so month m starts ceil(29.5(m-1)).
  const daysBeforeYear = 354 * (year - 1) + Math.floor((3 + 11 * year) / 30);
  return ISLAMIC_CIVIL_EPOCH_DAY + daysBeforeYear + Math.ceil(29.5 * (month - 1));
}

function umalquraMonthStart(index: number): number | null {
  const rjd = UMALQURA_MONTH_STARTS_RJD[index - TABLE_FIRST_INDEX];
  return rjd === undefined ? null : rjd + RJD_TO_EPOCH_DAY;
}

/**
 * Epoch day on which a month begins in the calendar, or null outside its range. For the Umm
 * al-Qura table the index one past the last month (Muharram 1501) still answers: it closes 1500.
 */
export function hijriMonthStart(index: number, calendar: HijriCalendar): number | null {
  return calendar === 'islamic-umalqura' ? umalquraMonthStart(index) : civilMonthStart(index);
}

/** Index of the last table entry that is on or before `rjd`, by binary search. */
function lastStartAtOrBefore(rjd: number): number {
  let low = 0;
  let high = UMALQURA_MONTH_STARTS_RJD.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((UMALQURA_MONTH_STARTS_RJD[middle] ?? Infinity) <= rjd) low = middle;
    else high = middle - 1;
  }
  return low;
}

function umalquraMonthIndexOn(epochDay: number): number | null {
  const rjd = epochDay - RJD_TO_EPOCH_DAY;
  const first = UMALQURA_MONTH_STARTS_RJD[0] ?? Infinity;
  const closing = UMALQURA_MONTH_STARTS_RJD[UMALQURA_MONTH_STARTS_RJD.length - 1] ?? -Infinity;
  if (rjd < first || rjd >= closing) return null;
  return TABLE_FIRST_INDEX + lastStartAtOrBefore(rjd);
}

function civilMonthIndexOn(epochDay: number): number | null {
  if (epochDay < ISLAMIC_CIVIL_EPOCH_DAY) return null;
  // The guess from the mean month is off by at most one; step to the month that contains the day.
  let index = Math.floor((epochDay - ISLAMIC_CIVIL_EPOCH_DAY) / MEAN_CIVIL_MONTH);
  while ((civilMonthStart(index + 1) ?? Infinity) <= epochDay) index += 1;
  while ((civilMonthStart(index) ?? Infinity) > epochDay) index -= 1;
  return index;
}

/** Index of the month containing an epoch day, or null outside the calendar's range. */
export function hijriMonthIndexOn(epochDay: number, calendar: HijriCalendar): number | null {
  return calendar === 'islamic-umalqura'
    ? umalquraMonthIndexOn(epochDay)
    : civilMonthIndexOn(epochDay);
}

/** Hijri date of an epoch day, or null outside the calendar's range (Umm al-Qura: 1343–1500). */
export function hijriFromEpochDay(epochDay: number, calendar: HijriCalendar): HijriDate | null {
  const index = hijriMonthIndexOn(epochDay, calendar);
  const start = index === null ? null : hijriMonthStart(index, calendar);
  if (index === null || start === null) return null;
  return { ...hijriMonthOfIndex(index), day: epochDay - start + 1 };
}

/** Hijri date of a Gregorian date, or null outside the calendar's range. */
export function hijriFromCivil(date: CivilDate, calendar: HijriCalendar): HijriDate | null {
  return hijriFromEpochDay(epochDayFromCivil(date), calendar);
}
