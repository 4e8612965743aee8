/**
 * Times as the database holds them: toISOString's fixed width (`2024-04-24T02:00:00.000Z`), so
 * they compare and sort as text the same in both engines (docs/adr/0003-storage.md).
 */

/** Fixed-width ISO 8601 UTC, the one way times are written to the database. */
export const toDbTime = (date: Date) => date.toISOString();

const ZERO = 48;

/** The number written in digits from `from` to `to`, or -1 if a character is not a digit. */
function digitsAt(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Whether `text` has toISOString's separators: `____-__-__T__:__:__.___Z`. */
const hasStoredSeparators = (text: string) =>
  text.length === 24 &&
  text.charCodeAt(4) === 45 && // -
  text.charCodeAt(7) === 45 && // -
  text.charCodeAt(10) === 84 && // T
  text.charCodeAt(13) === 58 && // :
  text.charCodeAt(16) === 58 && // :
  text.charCodeAt(19) === 46 && // .
  text.charCodeAt(23) === 90; // Z

/**
 * A stored time as a Date. Read by position: V8's date parser cost more than the rest of a
 * row's mapping, and a home page maps hundreds of times. Anything else goes to the parser: not
 * in the written shape, a field out of range (so Date.UTC never carries one over where the
 * parser would refuse), hour 24, or a year before 100 (which Date.UTC reads as 19xx).
 */
export function fromDbTime(value: string): Date {
  if (!hasStoredSeparators(value)) return new Date(value);
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 7);
  const day = digitsAt(value, 8, 10);
  const hour = digitsAt(value, 11, 13);
  const minute = digitsAt(value, 14, 16);
  const second = digitsAt(value, 17, 19);
  const millisecond = digitsAt(value, 20, 23);
  const inRange =
    year >= 100 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= 31 &&
    hour >= 0 &&
    hour <= 23 &&
    minute >= 0 &&
    minute <= 59 &&
    second >= 0 &&
    second <= 59 &&
    millisecond >= 0;
  if (!inRange) return new Date(value);
  const seconds = ((daysSinceEpoch(year, month, day) * 24 + hour) * 60 + minute) * 60 + second;
  return new Date(seconds * 1000 + millisecond);
}

/**
 * Days from 1970-01-01 to a date of the proleptic Gregorian calendar, a day past the month's
 * end carried into the next as Date.UTC does (Howard Hinnant's days_from_civil).
 */
function daysSinceEpoch(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}
