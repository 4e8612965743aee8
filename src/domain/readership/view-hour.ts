/**
 * Views are counted by the hour they happened in (UTC): the hour's number since the epoch, so
 * a bucket is one integer on both engines and "the last 24 hours" is a range of them.
 */
const HOUR_MS = 3_600_000;

/** The hour `at` falls in. */
export const viewHourOf = (at: Date): number => Math.floor(at.getTime() / HOUR_MS);

/** The hours a most-read list counts: the current one and the 23 before it. */
export const MOST_READ_HOURS = 24;

/** The first hour a most-read list at `at` counts. */
export const firstMostReadHour = (at: Date): number => viewHourOf(at) - (MOST_READ_HOURS - 1);
