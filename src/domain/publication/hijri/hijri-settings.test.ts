import { describe, expect, it } from 'vitest';
import { readReferenceJson } from '../../../../test/reference-data.js';
import { hijriSettingsSchema } from './hijri-settings.js';

/** Paths and messages of the issues zod reports for an input. */
function issuesOf(input: unknown) {
  const result = hijriSettingsSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map(({ path, message }) => ({ path, message }));
}

const SHAWWAL_1445_IN_OMAN = { year: 1445, month: 10, startsOn: '2024-04-10' };

describe('the Hijri settings schema', () => {
  it('defaults to Umm al-Qura with no adjustment and no overrides', () => {
    expect(hijriSettingsSchema.parse({})).toEqual({
      calendar: 'islamic-umalqura',
      adjustDays: 0,
      monthStartOverrides: [],
    });
  });

  it('accepts an announced month start that fits the adjustment', () => {
    const settings = { adjustDays: -1, monthStartOverrides: [SHAWWAL_1445_IN_OMAN] };
    expect(hijriSettingsSchema.parse(settings).monthStartOverrides).toEqual([SHAWWAL_1445_IN_OMAN]);
  });

  it('takes adjustDays only as a whole number from -2 to +2, reported once', () => {
    for (const adjustDays of [-2, -1, 0, 1, 2]) expect(issuesOf({ adjustDays })).toEqual([]);
    for (const adjustDays of [-3, 3, 0.5]) {
      const issues = issuesOf({ adjustDays, monthStartOverrides: [SHAWWAL_1445_IN_OMAN] });
      expect(issues.map(({ path }) => path)).toEqual([['adjustDays']]);
    }
  });

  it('reports a bad override on its own field', () => {
    const at = (override: object, adjustDays = 0) =>
      issuesOf({ adjustDays, monthStartOverrides: [override] }).map(({ path }) => path.join('.'));
    expect(at({ ...SHAWWAL_1445_IN_OMAN, month: 13 })).toEqual(['monthStartOverrides.0.month']);
    expect(at({ ...SHAWWAL_1445_IN_OMAN, startsOn: '2024-04-20' })).toEqual([
      'monthStartOverrides.0.startsOn',
    ]);
    expect(at(SHAWWAL_1445_IN_OMAN, 1)).toEqual(['monthStartOverrides.0.startsOn']);
    expect(at({ ...SHAWWAL_1445_IN_OMAN, startsOn: '10 April 2024' })).toEqual([
      'monthStartOverrides.0.startsOn',
    ]);
  });

  it('still checks the shape of overrides when the Hijri date is switched off', () => {
    const far = { ...SHAWWAL_1445_IN_OMAN, startsOn: '2024-04-20' };
    expect(issuesOf({ calendar: 'none', monthStartOverrides: [far] })).toEqual([]);
    const month13 = { ...SHAWWAL_1445_IN_OMAN, month: 13 };
    expect(issuesOf({ calendar: 'none', monthStartOverrides: [month13] })).toHaveLength(1);
  });

  it("takes the publication's own spelling of the twelve month names", () => {
    const monthNames = Array.from({ length: 12 }, (_, i) => `Month ${i + 1}`);
    expect(hijriSettingsSchema.parse({ monthNames }).monthNames).toEqual(monthNames);
    expect(issuesOf({ monthNames: monthNames.slice(1) })[0]?.path).toEqual(['monthNames']);
  });
});

describe('the seed publication in test/reference/seed/publication.json', () => {
  it('parses to Umm al-Qura −1, the reference masthead', () => {
    const seed = readReferenceJson('seed', 'publication.json') as {
      hijri: unknown;
    };
    expect(hijriSettingsSchema.parse(seed.hijri)).toEqual({
      calendar: 'islamic-umalqura',
      adjustDays: -1,
      monthStartOverrides: [],
    });
  });
});
