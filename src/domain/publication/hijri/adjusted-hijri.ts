/**
 * The Hijri date a publication prints: the calendar's date shifted by the publication's day
 * adjustment (the .NET `HijriAdjustment` model), except in months whose start an editor recorded.
 */
import { epochDayFromCivil } from '../civil-date.js';
import type { CivilDate } from '../civil-date.js';
import { invalid } from '../../errors.js';
import { hijriMonthIndexOn, hijriMonthOfIndex, hijriMonthStart } from './hijri-date.js';
import type { HijriDate } from './hijri-date.js';
import { effectiveMonthStart, hijriRulesProblem, overrideStarts } from './month-start-overrides.js';
import type { HijriRules } from './month-start-overrides.js';

export type { HijriRules, MonthStartOverride } from './month-start-overrides.js';

/** Epoch day → the publication's Hijri date, or null outside the calendar's range. */
export type AdjustedHijriConverter = (epochDay: number) => HijriDate | null;

/**
 * Throws an `invalid` DomainError naming the field (`hijri.monthStartOverrides.0.startsOn`) when
 * the rules cannot be applied: adjustment out of range, bad override, or a month not 29/30 days.
 */
export function assertValidHijriRules(rules: HijriRules, fieldPrefix = 'hijri'): void {
  const problem = hijriRulesProblem(rules);
  if (problem) throw invalid(problem.message, [fieldPrefix, ...problem.path].join('.'));
}

/** Validates the rules once and returns a cheap converter for them. */
export function adjustedHijriConverter(rules: HijriRules): AdjustedHijriConverter {
  assertValidHijriRules(rules);
  const overridden = overrideStarts(rules.monthStartOverrides);
  const { calendar, adjustDays } = rules;
  return (epochDay) => {
    const base = hijriMonthIndexOn(epochDay + adjustDays, calendar);
    if (base === null) return null;
    // An override moves a start by at most a few days, so the day falls in the base month or a
    // neighbour: take the latest of the three that has begun by this day.
    for (let index = base + 1; index >= base - 1; index -= 1) {
      const start = effectiveMonthStart(index, rules, overridden);
      if (start === null || start > epochDay) continue;
      const hasEnd = hijriMonthStart(index + 1, calendar) !== null;
      return hasEnd ? { ...hijriMonthOfIndex(index), day: epochDay - start + 1 } : null;
    }
    return null;
  };
}

/** The publication's Hijri date for a local civil date, or null outside the calendar's range. */
export function adjustedHijri(date: CivilDate, rules: HijriRules): HijriDate | null {
  return adjustedHijriConverter(rules)(epochDayFromCivil(date));
}
