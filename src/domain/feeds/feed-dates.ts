/** The two date formats feeds and sitemaps use. */

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** RFC 822 (as RSS 2.0 asks, with a four-digit year): `Wed, 24 Apr 2024 02:00:00 +0000`. */
export function rfc822(date: Date): string {
  const day = DAYS[date.getUTCDay()] ?? '';
  const month = MONTHS[date.getUTCMonth()] ?? '';
  const time = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
  return `${day}, ${two(date.getUTCDate())} ${month} ${date.getUTCFullYear()} ${time} +0000`;
}

/** RFC 3339 in UTC to the second (Atom, JSON Feed, sitemaps): `2024-04-24T02:00:00Z`. */
export const rfc3339 = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The latest of some dates, or undefined for none. */
export function latest(dates: readonly Date[]): Date | undefined {
  let best: Date | undefined;
  for (const date of dates) if (!best || date > best) best = date;
  return best;
}
