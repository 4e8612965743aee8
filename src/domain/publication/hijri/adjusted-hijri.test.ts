import { describe, expect, it } from 'vitest';
import { readReferenceJson } from '../../../../test/reference-data.js';
import { isDomainError } from '../../errors.js';
import { civilFromEpochDay, epochDayFromCivil, epochDayFromIsoDate } from '../civil-date.js';
import type { CivilDate } from '../civil-date.js';
import { formatHijriMasthead } from '../masthead-date.js';
import { adjustedHijri, adjustedHijriConverter, assertValidHijriRules } from './adjusted-hijri.js';
import type { HijriRules, MonthStartOverride } from './adjusted-hijri.js';
import { hijriFromCivil, hijriMonthIndex, hijriMonthStart } from './hijri-date.js';
import type { HijriCalendar, HijriDate } from './hijri-date.js';

interface HijriVectors {
  icu_english_month_names: string[];
  adjustment_vectors: {
    gregorian: string;
    adjustment_days: number;
    umalqura_of_shifted_day: string;
    expected_masthead: string;
  }[];
  oman_official_month_starts: {
    hijri: string;
    oman_start: string;
    umalqura_start: string;
    oman_minus_uq: number;
  }[];
}

const vectors = readReferenceJson('vectors', 'hijri.json') as HijriVectors;

const civil = (iso: string): CivilDate => civilFromEpochDay(epochDayFromIsoDate(iso) ?? NaN);

const hijri = (text: string): HijriDate => {
  const [year, month, day] = (/^(\d+)-(\d+)(?:-(\d+))?/.exec(text) ?? []).slice(1).map(Number);
  return { year: year ?? NaN, month: month ?? NaN, day: day ?? NaN };
};

const dayBefore = (iso: string) => civilFromEpochDay((epochDayFromIsoDate(iso) ?? NaN) - 1);

const rules = (
  adjustDays: number,
  monthStartOverrides: MonthStartOverride[] = [],
  calendar: HijriCalendar = 'islamic-umalqura',
): HijriRules => ({ calendar, adjustDays, monthStartOverrides });

const SHAWWAL_1445_IN_OMAN: MonthStartOverride = { year: 1445, month: 10, startsOn: '2024-04-10' };

/** The DomainError field (or the message, when something else was thrown) of a refusal. */
function refusal(attempt: () => unknown): string | undefined {
  try {
    attempt();
  } catch (error) {
    return isDomainError(error) ? error.field : String(error);
  }
  return 'accepted';
}

describe('the global day adjustment', () => {
  it('prints the calendar date of (local date + adjustDays)', () => {
    const day = civil('2024-04-24');
    expect(adjustedHijri(day, rules(-1))).toEqual(hijri('1445-10-14'));
    expect(adjustedHijri(day, rules(0))).toEqual(hijri('1445-10-15'));
    expect(adjustedHijri(day, rules(2))).toEqual(hijri('1445-10-17'));
  });

  it('answers null when the shifted day leaves the table', () => {
    expect(adjustedHijri(civil('1924-08-01'), rules(-1))).toBeNull();
    expect(adjustedHijri(civil('2077-11-16'), rules(1))).toBeNull();
    expect(adjustedHijri(civil('2077-11-16'), rules(0))).toEqual(hijri('1500-12-30'));
  });
});

describe('per-month start overrides', () => {
  it('starts Shawwal 1445 on the day the ministry announced, whatever the global adjustment', () => {
    for (const adjustDays of [-1, 0]) {
      const withOverride = rules(adjustDays, [SHAWWAL_1445_IN_OMAN]);
      expect(adjustedHijri(civil('2024-04-10'), withOverride)).toEqual(hijri('1445-10-1'));
      expect(adjustedHijri(civil('2024-04-24'), withOverride)).toEqual(hijri('1445-10-15'));
    }
  });

  it('ends the previous month the day before the announced start', () => {
    // Under −1, Ramadan 1445 began 12 March as it did in Oman; the override makes it 29 days.
    const omani = rules(-1, [SHAWWAL_1445_IN_OMAN]);
    expect(adjustedHijri(civil('2024-03-12'), omani)).toEqual(hijri('1445-9-1'));
    expect(adjustedHijri(civil('2024-04-09'), omani)).toEqual(hijri('1445-9-29'));
  });

  it('keeps months without an override on the calendar start shifted by the adjustment', () => {
    const omani = rules(-1, [SHAWWAL_1445_IN_OMAN]);
    // Dhu al-Qadah 1445 begins 9 May 2024 in Umm al-Qura, so 10 May under −1.
    expect(adjustedHijri(civil('2024-05-09'), omani)).toEqual(hijri('1445-10-30'));
    expect(adjustedHijri(civil('2024-05-10'), omani)).toEqual(hijri('1445-11-1'));
  });

  it('applies to the arithmetic calendar too', () => {
    const civilRules = rules(
      0,
      [{ year: 1444, month: 10, startsOn: '2023-04-21' }],
      'islamic-civil',
    );
    expect(hijriFromCivil(civil('2023-04-21'), 'islamic-civil')).toEqual(hijri('1444-9-30'));
    expect(adjustedHijri(civil('2023-04-21'), civilRules)).toEqual(hijri('1444-10-1'));
  });

  it('gives one date per day, each day one more than the last, across a year of overrides', () => {
    const omani = rules(-1, [
      { year: 1445, month: 9, startsOn: '2024-03-12' },
      SHAWWAL_1445_IN_OMAN,
      { year: 1445, month: 12, startsOn: '2024-06-08' },
    ]);
    const convert = adjustedHijriConverter(omani);
    const first = epochDayFromCivil({ year: 2024, month: 1, day: 1 });
    let previous = convert(first);
    for (let epochDay = first + 1; epochDay < first + 366; epochDay += 1) {
      const today = convert(epochDay);
      const nextMonth = today?.day === 1;
      expect(today?.day).toBe(nextMonth ? 1 : (previous?.day ?? NaN) + 1);
      if (nextMonth) expect([29, 30]).toContain(previous?.day);
      previous = today;
    }
  });
});

describe('refused overrides name the field at fault', () => {
  it('refuses month 13', () => {
    const override = { year: 1445, month: 13, startsOn: '2024-04-10' };
    expect(refusal(() => assertValidHijriRules(rules(0, [override])))).toBe(
      'hijri.monthStartOverrides.0.month',
    );
  });

  it('refuses a start 10 days away from the calendar month start', () => {
    const override = { year: 1445, month: 10, startsOn: '2024-04-20' };
    expect(refusal(() => adjustedHijri(civil('2024-04-24'), rules(0, [override])))).toBe(
      'hijri.monthStartOverrides.0.startsOn',
    );
    expect(() => assertValidHijriRules(rules(0, [override]))).toThrow(/10 days away/);
  });

  it('refuses a start that would make the previous month 31 days long', () => {
    // With +1 every month starts a day early, so Ramadan would run 10 March to 9 April.
    const attempt = () => assertValidHijriRules(rules(1, [SHAWWAL_1445_IN_OMAN]));
    expect(refusal(attempt)).toBe('hijri.monthStartOverrides.0.startsOn');
    expect(attempt).toThrow(/Ramadan 1445 31 days long/);
  });

  it('refuses a start that would make its own month 28 days long', () => {
    const early = { year: 1445, month: 11, startsOn: '2024-05-08' };
    const attempt = () => assertValidHijriRules(rules(-1, [SHAWWAL_1445_IN_OMAN, early]));
    expect(refusal(attempt)).toBe('hijri.monthStartOverrides.0.startsOn');
    expect(attempt).toThrow(/Shawwal 1445 28 days long/);
  });

  it('refuses a malformed date, a repeated month, a month outside the table and a big adjustment', () => {
    const bad = (override: MonthStartOverride) =>
      refusal(() => assertValidHijriRules(rules(0, [SHAWWAL_1445_IN_OMAN, override])));
    expect(bad({ year: 1445, month: 9, startsOn: '2024-02-30' })).toBe(
      'hijri.monthStartOverrides.1.startsOn',
    );
    expect(bad({ ...SHAWWAL_1445_IN_OMAN })).toBe('hijri.monthStartOverrides.1.month');
    expect(bad({ year: 1501, month: 1, startsOn: '2077-11-17' })).toBe(
      'hijri.monthStartOverrides.1.year',
    );
    expect(bad({ year: 1445.5, month: 1, startsOn: '2023-07-19' })).toBe(
      'hijri.monthStartOverrides.1.year',
    );
    expect(refusal(() => assertValidHijriRules(rules(3)))).toBe('hijri.adjustDays');
    expect(refusal(() => assertValidHijriRules(rules(0.5)))).toBe('hijri.adjustDays');
  });
});

describe('the Hijri vectors in test/reference/vectors/hijri.json', () => {
  it.each(vectors?.adjustment_vectors ?? [])(
    'shows $expected_masthead on $gregorian with adjustment $adjustment_days',
    ({ gregorian, adjustment_days, umalqura_of_shifted_day, expected_masthead }) => {
      const date = adjustedHijri(civil(gregorian), rules(adjustment_days));
      expect(date).toEqual(hijri(umalqura_of_shifted_day));
      // The vectors spell months as ICU does (with U+02BB), so print with ICU's names.
      const names = vectors?.icu_english_month_names;
      expect(date && formatHijriMasthead(date, names)).toBe(expected_masthead);
    },
  );

  const omanStarts = (vectors?.oman_official_month_starts ?? []).map((vector) => {
    const { year, month } = hijri(vector.hijri);
    return { ...vector, year, month, override: { year, month, startsOn: vector.oman_start } };
  });

  /** Checks that the override's day is day 1 and the day before closes the previous month. */
  function expectMonthToStartOnOverride(override: MonthStartOverride, adjustDays: number) {
    const omani = rules(adjustDays, [override]);
    const { year, month, startsOn } = override;
    expect(adjustedHijri(civil(startsOn), omani)).toEqual({ year, month, day: 1 });
    const lastOfPrevious = adjustedHijri(dayBefore(startsOn), omani);
    expect(lastOfPrevious?.month).toBe(month === 1 ? 12 : month - 1);
    expect([29, 30]).toContain(lastOfPrevious?.day);
  }

  it.each(omanStarts)(
    'records $hijri as beginning on the Umm al-Qura start $umalqura_start, $oman_minus_uq days from Oman',
    ({ year, month, oman_start, umalqura_start, oman_minus_uq }) => {
      const official = hijriMonthStart(hijriMonthIndex(year, month), 'islamic-umalqura');
      expect(official).toBe(epochDayFromIsoDate(umalqura_start));
      const umalqura = hijriFromCivil(civil(oman_start), 'islamic-umalqura');
      expect(1 - (umalqura?.day ?? NaN)).toBe(oman_minus_uq);
    },
  );

  // Safar 1445 and Safar 1446 have 30 days in Umm al-Qura. Oman began both following months a day
  // late, so with no adjustment a lone override would stretch Safar to 31 days: refused. (Oman
  // had begun Safar a day late too; the publication's −1, or a Safar override, says so.)
  const STRETCHES_PREVIOUS_MONTH_AT_ADJUST_0 = ['1445-03 (Rabiʻ I)', '1446-03 (Rabiʻ I)'];

  it.each(omanStarts)(
    'with adjustment 0 and an override, starts $hijri on $oman_start, ending the month before the day earlier',
    ({ hijri: label, override }) => {
      if (STRETCHES_PREVIOUS_MONTH_AT_ADJUST_0.includes(label)) {
        const attempt = () => assertValidHijriRules(rules(0, [override]));
        expect(refusal(attempt)).toBe('hijri.monthStartOverrides.0.startsOn');
        expect(attempt).toThrow(/Safar 144[56] 31 days long/);
      } else {
        expectMonthToStartOnOverride(override, 0);
      }
    },
  );

  it.each(omanStarts)(
    "with Oman's usual −1 and an override, starts $hijri on $oman_start",
    ({ override }) => expectMonthToStartOnOverride(override, -1),
  );
});
