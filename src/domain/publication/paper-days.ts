/**
 * The paper's own calendar days and months, as its date archives name them (`/2024/04/24/`,
 * `/2024/04/`): a day is the paper's local day in its time zone, not a UTC one, so a story
 * published at 23:30 in Muscat is on that evening's page.
 */
import { civilDateInZone } from './civil-date-in-zone.js';
import {
  civilFromEpochDay,
  epochDayFromCivil,
  epochDayFromIsoDate,
  formatIsoDate,
  weekdayOfEpochDay,
} from './civil-date.js';
import { MONTHS, WEEKDAYS } from './masthead-date.js';
import { startOfNextLocalDay } from './next-local-day.js';
import { surrogateKeys } from './surrogate-keys.js';

/** A day (`day` set) or a whole month of the paper's calendar. */
export interface PaperPeriod {
  year: number;
  month: number;
  day?: number;
}

const DAY_MS = 86_400_000;
const HALF_DAY_MS = DAY_MS / 2;

/**
 * The day or month an archive's address names, or undefined when there is none: `2024/02/30`,
 * month 13 and year 0 are not dates. The route only lets four and two digits through.
 */
export function paperPeriodOf(parts: {
  year: string;
  month: string;
  day?: string;
}): PaperPeriod | undefined {
  const epochDay = epochDayFromIsoDate(`${parts.year}-${parts.month}-${parts.day ?? '01'}`);
  if (epochDay === null || parts.year === '0000') return undefined;
  const { year, month, day } = civilFromEpochDay(epochDay);
  return parts.day === undefined ? { year, month } : { year, month, day };
}

/** `2024-04-24` for a day, `2024-04` for a month: the period's name in its cache keys. */
export const periodName = (period: PaperPeriod) =>
  formatIsoDate({ ...period, day: period.day ?? 1 }).slice(0, period.day === undefined ? 7 : 10);

/** The archive page's address: `/2024/04/24/`, `/2024/04/`. */
export const periodPath = (period: PaperPeriod) => `/${periodName(period).replaceAll('-', '/')}/`;

/** "Wednesday 24 April 2024", "April 2024". */
export function periodTitle({ year, month, day }: PaperPeriod): string {
  const monthName = MONTHS[month - 1] ?? '';
  if (day === undefined) return `${monthName} ${year}`;
  const weekday = WEEKDAYS[weekdayOfEpochDay(epochDayFromCivil({ year, month, day }))] ?? '';
  return `${weekday} ${day} ${monthName} ${year}`;
}

/** What a period's page and feeds hold: "Stories published in The Post on Wednesday 24 April 2024." */
export const periodDescription = (period: PaperPeriod, paper: string) =>
  `Stories published in ${paper} ${period.day === undefined ? 'in' : 'on'} ${periodTitle(period)}.`;

/** The day (or, with `month`, the month) `instant` falls on in the paper's zone. */
export function periodOfInstant(instant: Date, timeZone: string, kind: 'day' | 'month' = 'day') {
  const { year, month, day } = civilDateInZone(instant, timeZone);
  return kind === 'day' ? { year, month, day } : { year, month };
}

/** The paper's local date of `instant`, `2024-04-24`: the day archive it is on. */
export const paperDayOf = (instant: Date, timeZone: string) =>
  periodName(periodOfInstant(instant, timeZone));

const localEpochDay = (ms: number, timeZone: string) =>
  epochDayFromCivil(civilDateInZone(new Date(ms), timeZone));

/**
 * The first instant of a local day, or undefined for a day the zone skipped (Samoa's
 * 30 December 2011). Offsets run from −12 to +14 hours, so noon UTC of the day before is on
 * the local day before, or on the day itself east of +12; from there the next local midnight
 * is found by halving (`startOfNextLocalDay`), with daylight saving and all.
 */
function startOfLocalDay(epochDay: number, timeZone: string): Date | undefined {
  let probe = epochDay * DAY_MS - HALF_DAY_MS;
  if (localEpochDay(probe, timeZone) >= epochDay) probe -= HALF_DAY_MS;
  const start = startOfNextLocalDay(new Date(probe), timeZone);
  return localEpochDay(start.getTime(), timeZone) === epochDay ? start : undefined;
}

/** Bounds found lately: halving costs some sixty zone look-ups, the map one. */
const recentBounds = new Map<string, { from: Date; until: Date } | undefined>();
const RECENT_BOUNDS_LIMIT = 1000;

/**
 * The instants a period covers in the paper's zone, `from` included and `until` not; undefined
 * for a day the zone skipped.
 */
export function periodBounds(
  period: PaperPeriod,
  timeZone: string,
): { from: Date; until: Date } | undefined {
  const key = `${timeZone}|${periodName(period)}`;
  if (recentBounds.has(key)) return recentBounds.get(key);
  const first = epochDayFromCivil({ ...period, day: period.day ?? 1 });
  const next =
    period.day !== undefined
      ? first + 1
      : epochDayFromCivil(
          period.month === 12
            ? { year: period.year + 1, month: 1, day: 1 }
            : { year: period.year, month: period.month + 1, day: 1 },
        );
  const from = startOfLocalDay(first, timeZone);
  // The day after a skipped one begins where the skipped one would have ended.
  const until = startOfLocalDay(next, timeZone) ?? startOfLocalDay(next + 1, timeZone);
  const bounds = from && until ? { from, until } : undefined;
  if (recentBounds.size >= RECENT_BOUNDS_LIMIT) recentBounds.clear();
  recentBounds.set(key, bounds);
  return bounds;
}

/** The surrogate key of the pages that list a period's stories: its archive, its feeds. */
export const periodListKey = (period: PaperPeriod) =>
  period.day === undefined
    ? surrogateKeys.monthList(periodName(period))
    : surrogateKeys.dayList(periodName(period));
