/**
 * A publication's Hijri rules: a calendar, a fixed day adjustment and per-month start overrides.
 * Months begin with a moon sighting, so an editor records "Shawwal 1445 began on 10 April 2024"
 * and that announcement beats both the table and the adjustment for that month.
 */
import { civilFromEpochDay, epochDayFromIsoDate, formatIsoDate } from '../civil-date.js';
import { hijriMonthIndex, hijriMonthOfIndex, hijriMonthStart } from './hijri-date.js';
import type { HijriCalendar } from './hijri-date.js';
import { hijriMonthName } from './hijri-month-names.js';

/** An announced month start: `startsOn` is the Gregorian `YYYY-MM-DD` of day 1 of that month. */
export interface MonthStartOverride {
  year: number;
  month: number;
  startsOn: string;
}

/** How a publication turns a local civil date into the Hijri date it prints. */
export interface HijriRules {
  calendar: HijriCalendar;
  /** −2…+2: the Hijri date shown is the calendar's date of (local date + adjustDays). */
  adjustDays: number;
  monthStartOverrides: readonly MonthStartOverride[];
}

/** What is wrong, and where below the Hijri settings (`monthStartOverrides.0.startsOn`). */
export interface HijriRulesProblem {
  message: string;
  path: (string | number)[];
}

/** Largest day adjustment either way: beyond two days it is no longer a sighting difference. */
export const MAX_ADJUST_DAYS = 2;

/** How far an announced start may sit from the calendar's: sightings differ by a day or two. */
export const MAX_OVERRIDE_DRIFT_DAYS = 3;

/** True for a whole number of days within ±MAX_ADJUST_DAYS. */
export const isValidAdjustDays = (days: number): boolean =>
  Number.isInteger(days) && Math.abs(days) <= MAX_ADJUST_DAYS;

/** Epoch day each overridden month starts on, keyed by month index (overrides assumed valid). */
export function overrideStarts(overrides: readonly MonthStartOverride[]): Map<number, number> {
  const starts = new Map<number, number>();
  for (const { year, month, startsOn } of overrides) {
    const start = epochDayFromIsoDate(startsOn);
    if (start !== null) starts.set(hijriMonthIndex(year, month), start);
  }
  return starts;
}

/** Epoch day a month begins for the publication: its override, else the adjusted calendar start. */
export function effectiveMonthStart(
  index: number,
  rules: HijriRules,
  overridden: ReadonlyMap<number, number>,
): number | null {
  const override = overridden.get(index);
  if (override !== undefined) return override;
  const start = hijriMonthStart(index, rules.calendar);
  // Printing the date of (day + adjustDays) is the same as every month starting adjustDays earlier.
  return start === null ? null : start - rules.adjustDays;
}

const monthLabel = (index: number) => {
  const { year, month } = hijriMonthOfIndex(index);
  return `${hijriMonthName(month)} ${year}`;
};

const isoOf = (epochDay: number) => formatIsoDate(civilFromEpochDay(epochDay));

type FieldProblem = { field: keyof MonthStartOverride; message: string } | null;

function rangeProblem(index: number, startsOn: string, calendar: HijriCalendar): FieldProblem {
  const calendarStart = hijriMonthStart(index, calendar);
  // A month needs both ends in the calendar, so the table's closing entry is not a month.
  if (calendarStart === null || hijriMonthStart(index + 1, calendar) === null) {
    return { field: 'year', message: `${monthLabel(index)} is outside the ${calendar} calendar` };
  }
  const start = epochDayFromIsoDate(startsOn);
  const drift = start === null ? 0 : Math.abs(start - calendarStart);
  if (drift <= MAX_OVERRIDE_DRIFT_DAYS) return null;
  const message =
    `${monthLabel(index)} begins on ${isoOf(calendarStart)} in the ${calendar} calendar; ` +
    `${startsOn} is ${drift} days away (at most ${MAX_OVERRIDE_DRIFT_DAYS} allowed)`;
  return { field: 'startsOn', message };
}

function overrideProblem(
  { year, month, startsOn }: MonthStartOverride,
  calendar: HijriCalendar | null,
  seen: ReadonlySet<number>,
): FieldProblem {
  if (!Number.isInteger(year) || year < 1) {
    return { field: 'year', message: `year must be a Hijri year (AH), not ${year}` };
  }
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    return {
      field: 'month',
      message: `month must be 1 (Muharram) to 12 (Dhu al-Hijjah), not ${month}`,
    };
  }
  if (epochDayFromIsoDate(startsOn) === null) {
    return {
      field: 'startsOn',
      message: `startsOn must be a date as YYYY-MM-DD, not "${startsOn}"`,
    };
  }
  const index = hijriMonthIndex(year, month);
  if (seen.has(index)) {
    return { field: 'month', message: `${monthLabel(index)} already has a start override` };
  }
  return calendar === null ? null : rangeProblem(index, startsOn, calendar);
}

/**
 * The first override that is malformed, repeated, or too far from the calendar's month start.
 * With no calendar (Hijri date switched off) only the shape is checked.
 */
export function overrideShapeProblem(
  overrides: readonly MonthStartOverride[],
  calendar: HijriCalendar | null,
): HijriRulesProblem | null {
  const seen = new Set<number>();
  for (const [position, override] of overrides.entries()) {
    const problem = overrideProblem(override, calendar, seen);
    if (problem)
      return { message: problem.message, path: ['monthStartOverrides', position, problem.field] };
    seen.add(hijriMonthIndex(override.year, override.month));
  }
  return null;
}

function monthLength(index: number, rules: HijriRules, overridden: ReadonlyMap<number, number>) {
  const start = effectiveMonthStart(index, rules, overridden);
  const next = effectiveMonthStart(index + 1, rules, overridden);
  return start === null || next === null ? null : next - start;
}

/** The first override that would leave its own month or the one before it not 29 or 30 days. */
function overrideLengthProblem(rules: HijriRules): HijriRulesProblem | null {
  const overridden = overrideStarts(rules.monthStartOverrides);
  for (const [position, { year, month, startsOn }] of rules.monthStartOverrides.entries()) {
    const index = hijriMonthIndex(year, month);
    for (const affected of [index - 1, index]) {
      const length = monthLength(affected, rules, overridden);
      if (length === null || length === 29 || length === 30) continue;
      const message =
        `starting ${monthLabel(index)} on ${startsOn} makes ${monthLabel(affected)} ` +
        `${length} days long; a Hijri month has 29 or 30 days`;
      return { message, path: ['monthStartOverrides', position, 'startsOn'] };
    }
  }
  return null;
}

/** The first thing wrong with a publication's Hijri rules, or null when they can be applied. */
export function hijriRulesProblem(rules: HijriRules): HijriRulesProblem | null {
  if (!isValidAdjustDays(rules.adjustDays)) {
    const message = `adjustDays must be a whole number from -${MAX_ADJUST_DAYS} to +${MAX_ADJUST_DAYS}, not ${rules.adjustDays}`;
    return { message, path: ['adjustDays'] };
  }
  return (
    overrideShapeProblem(rules.monthStartOverrides, rules.calendar) ?? overrideLengthProblem(rules)
  );
}
