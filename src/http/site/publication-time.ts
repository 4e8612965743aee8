const formatters = new Map<string, Intl.DateTimeFormat>();

/** "24 April 2024, 06:00" in the publication's zone; formatters are made once per zone. */
export function formatPublicationTime(instant: Date, timeZone: string, locale = 'en-GB'): string {
  const key = `${locale}|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, {
      timeZone,
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(key, formatter);
  }
  return formatter.format(instant);
}
