/** Times in the paper's own time zone, whatever the zone of the browser showing them. */

/** Minutes the zone is ahead of UTC at that instant. */
function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return (wall - instant.getTime()) / 60_000;
}

/** The instant a day (`2024-04-24`) begins in the zone; twice round for a day that changes offset. */
export function startOfDayIn(day: string, timeZone: string): Date {
  const midnightUtc = new Date(`${day}T00:00:00Z`);
  const first = new Date(midnightUtc.getTime() - offsetMinutes(midnightUtc, timeZone) * 60_000);
  return new Date(midnightUtc.getTime() - offsetMinutes(first, timeZone) * 60_000);
}

/** The day after `day`, as `YYYY-MM-DD`. */
export const dayAfter = (day: string) =>
  new Date(new Date(`${day}T00:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10);

/** `24 Apr 2024, 09:15:02` in the zone. */
export const formatInZone = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone,
    dateStyle: 'medium',
    timeStyle: 'medium',
  }).format(new Date(iso));

/** `Muscat time (GMT+4)` at that instant: the zone's city and its offset then, or `UTC`. */
export function zoneLabel(timeZone: string, at: Date = new Date()): string {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 'UTC';
  const offset =
    new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'shortOffset' })
      .formatToParts(at)
      .find((part) => part.type === 'timeZoneName')?.value ?? '';
  const city = (timeZone.split('/').at(-1) ?? timeZone).replace(/_/g, ' ');
  return `${city} time (${offset.replace(/^GMT\+0$/, 'GMT')})`;
}

/** `6 Dec 2026, 14:30 Muscat time (GMT+4)`: a time as the paper's newsroom reads it. */
export const formatPaperTime = (iso: string, timeZone: string) =>
  `${new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))} ${zoneLabel(timeZone, new Date(iso))}`;

/** The paper's wall-clock time of an instant, as a `datetime-local` input holds it. */
export function wallTimeIn(iso: string, timeZone: string): string {
  const instant = new Date(iso);
  const shifted = new Date(instant.getTime() + offsetMinutes(instant, timeZone) * 60_000);
  return shifted.toISOString().slice(0, 16);
}

/**
 * The instant a wall-clock time (`2026-03-29T01:30`, seconds optional) names in the zone. A time the clocks skip
 * (a DST gap) is read with the offset before the change, so it lands just after the gap; a time
 * that happens twice (an overlap) is its first occurrence, as Temporal's `compatible` does.
 */
export function instantOfWallTime(wall: string, timeZone: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(wall))
    throw new RangeError(`not a date and time: ${wall}`);
  const asUtc = new Date(`${wall.length === 16 ? `${wall}:00` : wall}Z`).getTime();
  // Zones change offset at most once a day, so the offsets a day either side are the candidates.
  const before = offsetMinutes(new Date(asUtc - 86_400_000), timeZone);
  const after = offsetMinutes(new Date(asUtc + 86_400_000), timeZone);
  const fits = [before, after]
    .map((offset) => asUtc - offset * 60_000)
    .filter((instant) => (asUtc - instant) / 60_000 === offsetMinutes(new Date(instant), timeZone))
    .sort((a, b) => a - b);
  return new Date(fits[0] ?? asUtc - before * 60_000);
}
