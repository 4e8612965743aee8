import { periodOfInstant, periodPath } from '../../domain/publication/paper-days.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Times pages showed lately, formatted: a story's times never change and Intl formatting costs
 * more than the lookup. The cap keeps memory flat however many stories are read.
 */
const recentTimes = new Map<string, string>();
const RECENT_TIMES_LIMIT = 5000;

const STYLES = {
  time: { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' },
  date: { day: 'numeric', month: 'long', year: 'numeric' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

function format(style: keyof typeof STYLES, instant: Date, timeZone: string, locale: string) {
  const key = `${style}|${locale}|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { timeZone, ...STYLES[style], hourCycle: 'h23' });
    formatters.set(key, formatter);
  }
  const text = `${key}|${instant.getTime()}`;
  let formatted = recentTimes.get(text);
  if (formatted === undefined) {
    if (recentTimes.size >= RECENT_TIMES_LIMIT) recentTimes.clear();
    formatted = formatter.format(instant);
    recentTimes.set(text, formatted);
  }
  return formatted;
}

/** Day archive addresses stories' pages showed lately, like their times. */
const recentDays = new Map<string, string>();

/** The address of the day archive a story published at `instant` is on: `/2024/04/24/`. */
export function dayArchivePath(instant: Date, timeZone: string): string {
  const key = `${timeZone}|${instant.getTime()}`;
  let path = recentDays.get(key);
  if (path === undefined) {
    if (recentDays.size >= RECENT_TIMES_LIMIT) recentDays.clear();
    path = periodPath(periodOfInstant(instant, timeZone));
    recentDays.set(key, path);
  }
  return path;
}
/** "24 April 2024, 06:00" in the publication's zone; formatters are made once per zone. */
export const formatPublicationTime = (instant: Date, timeZone: string, locale = 'en-GB') =>
  format('time', instant, timeZone, locale);

/** "24 April 2024": the day in the publication's zone, for lists of stories. */
export const formatPublicationDate = (instant: Date, timeZone: string, locale = 'en-GB') =>
  format('date', instant, timeZone, locale);
