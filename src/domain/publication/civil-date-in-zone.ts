/**
 * The civil date an instant falls on in an IANA time zone. ICU is used only to find that local
 * date (it knows the zone rules); names and calendars are ours.
 */
import { invalid } from '../errors.js';
import type { CivilDate } from './civil-date.js';

// Building a DateTimeFormat costs far more than using one, and this runs on every page request.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  const cached = formatters.get(timeZone);
  if (cached) return cached;
  let formatter: Intl.DateTimeFormat;
  try {
    const options = { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' } as const;
    formatter = new Intl.DateTimeFormat('en-US', options);
  } catch {
    throw invalid(`"${timeZone}" is not an IANA time zone (e.g. Asia/Muscat)`, 'timezone');
  }
  // Only zones ICU accepted are cached, so the map stays as small as the zone database.
  formatters.set(timeZone, formatter);
  return formatter;
}

// Zone offsets change only on whole minutes, so the date found for one minute holds for all of it.
const lastByZone = new Map<string, { minute: number; date: CivilDate }>();

/** The Gregorian date of `instant` on the wall calendars of `timeZone`. */
export function civilDateInZone(instant: Date, timeZone: string): CivilDate {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw invalid('the instant is not a valid date', 'instant');
  const minute = Math.floor(time / 60_000);
  const last = lastByZone.get(timeZone);
  if (last?.minute === minute) return { ...last.date };
  const date = lookUpCivilDate(instant, timeZone);
  lastByZone.set(timeZone, { minute, date: { ...date } });
  return date;
}

function lookUpCivilDate(instant: Date, timeZone: string): CivilDate {
  const date = { year: 0, month: 0, day: 0 };
  for (const { type, value } of formatterFor(timeZone).formatToParts(instant)) {
    if (type === 'year' || type === 'month' || type === 'day') date[type] = Number(value);
  }
  return date;
}
