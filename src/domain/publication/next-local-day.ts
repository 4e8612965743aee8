import { civilDateInZone } from './civil-date-in-zone.js';
import { formatIsoDate } from './civil-date.js';

/** A local day never lasts longer than this, whatever daylight saving does to it. */
const LONGEST_DAY_MS = 26 * 3_600_000;

/**
 * The first instant after `instant` whose date in `timeZone` is another day: when a masthead
 * printed at `instant` goes out of date. Found by halving, to the second, so any zone's rules
 * (daylight saving, midnights that do not exist) hold without a table of our own.
 */
export function startOfNextLocalDay(instant: Date, timeZone: string): Date {
  const today = formatIsoDate(civilDateInZone(instant, timeZone));
  const sameDay = (ms: number) => formatIsoDate(civilDateInZone(new Date(ms), timeZone)) === today;
  let before = instant.getTime();
  let after = before + LONGEST_DAY_MS;
  while (after - before > 1000) {
    const middle = Math.floor((before + after) / 2);
    if (sameDay(middle)) before = middle;
    else after = middle;
  }
  // The new day begins on a whole second in (before, after], at most a second apart: the
  // first whole second after `before`.
  return new Date(Math.floor(before / 1000) * 1000 + 1000);
}
