/**
 * The date bar of every page: `Wednesday, April 24, 2024 | Shawwal 14, 1445 H`, today's date in
 * the publication's time zone, then the Hijri date by the publication's rules.
 */
import { civilDateInZone } from './civil-date-in-zone.js';
import { epochDayFromCivil, formatIsoDate, weekdayOfEpochDay } from './civil-date.js';
import type { CivilDate } from './civil-date.js';
import { adjustedHijriConverter } from './hijri/adjusted-hijri.js';
import type { AdjustedHijriConverter, MonthStartOverride } from './hijri/adjusted-hijri.js';
import type { HijriCalendar, HijriDate } from './hijri/hijri-date.js';
import { hijriMonthName } from './hijri/hijri-month-names.js';

export { DEFAULT_HIJRI_MONTH_NAMES } from './hijri/hijri-month-names.js';

/** What the masthead needs to know; treat it as immutable, results are cached per object. */
export interface MastheadDateSettings {
  /** IANA zone whose calendar day the paper is dated by, e.g. `Asia/Muscat`. */
  timezone: string;
  hijri: {
    calendar: HijriCalendar | 'none';
    adjustDays: number;
    monthStartOverrides: readonly MonthStartOverride[];
    /** Twelve names in the publication's own spelling, Muharram first. */
    monthNames?: readonly string[];
  };
}

/** The masthead date, as parts and as the line printed. */
export interface MastheadDate {
  gregorian: string;
  hijri: string | null;
  text: string;
  /** Local civil date `YYYY-MM-DD`, for `<time datetime>`. */
  isoDate: string;
}

/** Weekday names, Sunday first (`weekdayOfEpochDay`'s numbering). */
export const WEEKDAYS = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];
/** Month names, January first. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `Wednesday, April 24, 2024`. */
export function formatGregorianMasthead(date: CivilDate): string {
  const weekday = WEEKDAYS[weekdayOfEpochDay(epochDayFromCivil(date))] ?? '';
  return `${weekday}, ${MONTHS[date.month - 1] ?? ''} ${date.day}, ${date.year}`;
}

/** `Shawwal 14, 1445 H`, with the publication's month names when it has them. */
export function formatHijriMasthead(date: HijriDate, monthNames?: readonly string[]): string {
  return `${hijriMonthName(date.month, monthNames)} ${date.day}, ${date.year} H`;
}

type HijriSettings = MastheadDateSettings['hijri'];

/** Per Hijri settings object: its validated converter and the last masthead built with it. */
interface CacheEntry {
  converter: AdjustedHijriConverter | null;
  last?: { timezone: string; result: MastheadDate };
}

// Keyed by the `hijri` object, not the settings wrapper, which callers often build per request.
const cache = new WeakMap<HijriSettings, CacheEntry>();

function cacheEntryFor(hijri: HijriSettings): CacheEntry {
  const cached = cache.get(hijri);
  if (cached) return cached;
  const { calendar, adjustDays, monthStartOverrides } = hijri;
  // Validating overrides and building the converter is done once per settings object.
  const converter =
    calendar === 'none'
      ? null
      : adjustedHijriConverter({ calendar, adjustDays, monthStartOverrides });
  const entry: CacheEntry = { converter };
  cache.set(hijri, entry);
  return entry;
}

function buildMastheadDate(
  date: CivilDate,
  hijriSettings: HijriSettings,
  converter: AdjustedHijriConverter | null,
): MastheadDate {
  const gregorian = formatGregorianMasthead(date);
  const hijriDate = converter?.(epochDayFromCivil(date)) ?? null;
  const hijri = hijriDate && formatHijriMasthead(hijriDate, hijriSettings.monthNames);
  const text = hijri ? `${gregorian} | ${hijri}` : gregorian;
  return Object.freeze({ gregorian, hijri, text, isoDate: formatIsoDate(date) });
}

/**
 * The masthead date for `instant`. Settings are treated as immutable: the result changes once a
 * day, so the last one per `hijri` object answers nearly every request. Throws an `invalid`
 * DomainError for an unknown time zone or Hijri rules that cannot be applied (the settings
 * schema refuses those before they are saved).
 */
export function mastheadDate(instant: Date, settings: MastheadDateSettings): MastheadDate {
  const date = civilDateInZone(instant, settings.timezone);
  const entry = cacheEntryFor(settings.hijri);
  const { last } = entry;
  if (last?.timezone === settings.timezone && last.result.isoDate === formatIsoDate(date)) {
    return last.result;
  }
  const result = buildMastheadDate(date, settings.hijri, entry.converter);
  entry.last = { timezone: settings.timezone, result };
  return result;
}
