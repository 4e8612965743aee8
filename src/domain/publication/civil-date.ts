/**
 * Calendar dates without a time or zone, counted as days since 1970-01-01 ("epoch days") so that
 * calendar conversions are integer arithmetic and never meet a `Date` in the server's local zone.
 */

/** A date on the proleptic Gregorian calendar: month 1-12, day 1-31. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const DAYS_FROM_0000_03_01_TO_EPOCH = 719_468;
const DAYS_PER_400_YEARS = 146_097;

/** Days since 1970-01-01 of a Gregorian date (H. Hinnant's `days_from_civil`). */
export function epochDayFromCivil({ year, month, day }: CivilDate): number {
  // Counting years from March puts the leap day last, so month lengths become a formula.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * DAYS_PER_400_YEARS + dayOfEra - DAYS_FROM_0000_03_01_TO_EPOCH;
}

/** The Gregorian date of a day counted from 1970-01-01 (H. Hinnant's `civil_from_days`). */
export function civilFromEpochDay(epochDay: number): CivilDate {
  const z = epochDay + DAYS_FROM_0000_03_01_TO_EPOCH;
  const era = Math.floor(z / DAYS_PER_400_YEARS);
  const dayOfEra = z - era * DAYS_PER_400_YEARS;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const marchMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * marchMonth + 2) / 5) + 1;
  const month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9;
  return { year: era * 400 + yearOfEra + (month <= 2 ? 1 : 0), month, day };
}

/** Day of the week of an epoch day: 0 Sunday … 6 Saturday. */
export function weekdayOfEpochDay(epochDay: number): number {
  // 1970-01-01 was a Thursday (4); the double modulo keeps days before 1970 positive.
  return (((epochDay + 4) % 7) + 7) % 7;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Epoch day of a strict `YYYY-MM-DD` string, or null when it is not a real date. */
export function epochDayFromIsoDate(text: string): number | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const epochDay = epochDayFromCivil(date);
  // Round-tripping rejects 2024-02-30 and month 13, which the formula would silently roll over.
  const back = civilFromEpochDay(epochDay);
  const same = back.year === date.year && back.month === date.month && back.day === date.day;
  return same ? epochDay : null;
}

/** `YYYY-MM-DD` of a civil date, as a `<time datetime>` wants it. */
export function formatIsoDate({ year, month, day }: CivilDate): string {
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}
