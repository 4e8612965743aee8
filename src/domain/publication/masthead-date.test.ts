import { describe, expect, it } from 'vitest';
import { readReferenceJson } from '../../../test/reference-data.js';
import { isDomainError } from '../errors.js';
import type { MonthStartOverride } from './hijri/adjusted-hijri.js';
import { DEFAULT_HIJRI_MONTH_NAMES, mastheadDate } from './masthead-date.js';
import type { MastheadDateSettings } from './masthead-date.js';

interface HijriVectors {
  icu_english_month_names: string[];
  seed_expected_output: {
    input: { instant: string; timeZone: string; calendar: string; adjustment_days: number };
    expected: string;
    with_adjustment_0: string;
  };
  timezone_vectors: {
    instant_utc: string;
    muscat_local: string;
    muscat_gregorian_masthead: string;
    umalqura_in_Asia_Muscat: string;
    umalqura_in_UTC: string;
    umalqura_in_America_New_York: string;
  }[];
  masthead_observations_same_site: {
    gregorian: string;
    masthead: string;
    umalqura: string;
    oman_official: string;
    seed_minus_umalqura_days: number;
    seed_correct_for_oman: boolean;
  }[];
  oman_official_month_starts: { hijri: string; oman_start: string }[];
}

const vectors = readReferenceJson('vectors', 'hijri.json') as HijriVectors;

const MUSCAT = 'Asia/Muscat';
const SEED_INSTANT = new Date('2024-04-24T08:00:00Z');
const SHAWWAL_1445_IN_OMAN = { year: 1445, month: 10, startsOn: '2024-04-10' };

const settings = (
  adjustDays: number,
  more: Partial<MastheadDateSettings['hijri']> = {},
  timezone = MUSCAT,
): MastheadDateSettings => ({
  timezone,
  hijri: { calendar: 'islamic-umalqura', adjustDays, monthStartOverrides: [], ...more },
});

/** Noon UTC of a date, which is the same civil date in Muscat. */
const noon = (isoDate: string) => new Date(`${isoDate}T12:00:00Z`);

describe('the masthead date', () => {
  it('reads exactly like the reference page for the seed publication (Umm al-Qura −1)', () => {
    expect(mastheadDate(SEED_INSTANT, settings(-1))).toEqual({
      gregorian: 'Wednesday, April 24, 2024',
      hijri: 'Shawwal 14, 1445 H',
      text: 'Wednesday, April 24, 2024 | Shawwal 14, 1445 H',
      isoDate: '2024-04-24',
    });
  });

  it('shows Shawwal 15 with the ministry-announced Shawwal 1445 start, despite the −1', () => {
    const omani = settings(-1, { monthStartOverrides: [SHAWWAL_1445_IN_OMAN] });
    expect(mastheadDate(SEED_INSTANT, omani).text).toBe(
      'Wednesday, April 24, 2024 | Shawwal 15, 1445 H',
    );
  });

  it('names Hijri months in plain ASCII unless the publication spells them its own way', () => {
    expect(DEFAULT_HIJRI_MONTH_NAMES).toEqual([
      'Muharram',
      'Safar',
      'Rabi al-Awwal',
      'Rabi al-Thani',
      'Jumada al-Awwal',
      'Jumada al-Thani',
      'Rajab',
      'Shaban',
      'Ramadan',
      'Shawwal',
      'Dhu al-Qadah',
      'Dhu al-Hijjah',
    ]);
    expect(DEFAULT_HIJRI_MONTH_NAMES.every((name) => /^[\x20-\x7e]+$/.test(name))).toBe(true);
    const own = DEFAULT_HIJRI_MONTH_NAMES.map((name) => name.toUpperCase());
    expect(mastheadDate(SEED_INSTANT, settings(0, { monthNames: own })).hijri).toBe(
      'SHAWWAL 15, 1445 H',
    );
  });

  it('prints only the Gregorian date when the Hijri date is off or out of the table', () => {
    const off = settings(0, { calendar: 'none' });
    expect(mastheadDate(SEED_INSTANT, off)).toMatchObject({
      hijri: null,
      text: 'Wednesday, April 24, 2024',
    });
    const later = mastheadDate(noon('2100-01-01'), settings(0));
    expect(later).toMatchObject({ hijri: null, text: 'Friday, January 1, 2100' });
    const arithmetic = mastheadDate(noon('2100-01-01'), settings(0, { calendar: 'islamic-civil' }));
    expect(arithmetic.hijri).toBe('Shawwal 19, 1523 H');
  });

  it('gives the local civil date for <time datetime>, zero-padded', () => {
    expect(mastheadDate(new Date('2024-03-08T20:30:00Z'), settings(0)).isoDate).toBe('2024-03-09');
  });

  it('reuses the day’s result even when the settings wrapper is rebuilt per request', () => {
    const hijri = settings(-1).hijri;
    const first = mastheadDate(SEED_INSTANT, { timezone: MUSCAT, hijri });
    expect(mastheadDate(new Date('2024-04-24T19:00:00Z'), { timezone: MUSCAT, hijri })).toBe(first);
    const nextDay = mastheadDate(new Date('2024-04-24T20:00:00Z'), { timezone: MUSCAT, hijri });
    expect(nextDay.text).toBe('Thursday, April 25, 2024 | Shawwal 15, 1445 H');
    expect(mastheadDate(SEED_INSTANT, { timezone: 'America/New_York', hijri }).isoDate).toBe(
      '2024-04-24',
    );
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('refuses settings it cannot apply, naming the field', () => {
    const field = (value: MastheadDateSettings) => {
      try {
        mastheadDate(SEED_INSTANT, value);
      } catch (error) {
        return isDomainError(error) ? error.field : String(error);
      }
      return 'accepted';
    };
    expect(field(settings(0, {}, 'Muscat'))).toBe('timezone');
    const month13: MonthStartOverride = { ...SHAWWAL_1445_IN_OMAN, month: 13 };
    expect(field(settings(0, { monthStartOverrides: [month13] }))).toBe(
      'hijri.monthStartOverrides.0.month',
    );
  });
});

describe('the Hijri vectors in test/reference/vectors/hijri.json', () => {
  const icuNames = vectors?.icu_english_month_names ?? [];
  /** The vectors print ICU's month names and era: `Shaʻban 29, 1445 AH`. */
  const withIcuNames = (adjustDays: number, timezone: string) =>
    settings(adjustDays, { monthNames: icuNames }, timezone);
  const asMasthead = (icu: string) => icu.replace(/ AH$/, ' H');

  it('reproduces the seed output for the given instant, and with adjustment 0', () => {
    const seed = vectors?.seed_expected_output;
    const { instant = '', timeZone = '', adjustment_days = NaN } = seed?.input ?? {};
    expect(mastheadDate(new Date(instant), settings(adjustment_days, {}, timeZone)).text).toBe(
      seed?.expected,
    );
    expect(mastheadDate(new Date(instant), settings(0, {}, timeZone)).text).toBe(
      seed?.with_adjustment_0,
    );
    expect(mastheadDate(SEED_INSTANT, settings(adjustment_days, {}, timeZone)).text).toBe(
      seed?.expected,
    );
  });

  it.each(vectors?.timezone_vectors ?? [])(
    'dates $instant_utc by the wall calendar of each zone',
    (vector) => {
      const muscat = mastheadDate(new Date(vector.instant_utc), withIcuNames(0, MUSCAT));
      expect(muscat.gregorian).toBe(vector.muscat_gregorian_masthead);
      expect(muscat.isoDate).toBe(vector.muscat_local.slice(0, 10));
      expect(muscat.hijri).toBe(asMasthead(vector.umalqura_in_Asia_Muscat));
      const utc = mastheadDate(new Date(vector.instant_utc), withIcuNames(0, 'UTC'));
      expect(utc.hijri).toBe(asMasthead(vector.umalqura_in_UTC));
      const newYork = mastheadDate(
        new Date(vector.instant_utc),
        withIcuNames(0, 'America/New_York'),
      );
      expect(newYork.hijri).toBe(asMasthead(vector.umalqura_in_America_New_York));
    },
  );

  it.each(vectors?.masthead_observations_same_site ?? [])(
    'reproduces the observed masthead of $gregorian, and the Omani date with an override',
    (observed) => {
      // The site spells Rabi al-Awwal its own way.
      const siteNames = DEFAULT_HIJRI_MONTH_NAMES.map((name, i) =>
        i === 2 ? "Rabi' al-awwal" : name,
      );
      const day = noon(observed.gregorian);
      const seen = mastheadDate(
        day,
        settings(observed.seed_minus_umalqura_days, { monthNames: siteNames }),
      );
      expect(seen.text).toBe(observed.masthead);

      const [year, month, uqDay] = observed.umalqura.split('-').map(Number);
      expect(mastheadDate(day, settings(0)).hijri).toMatch(new RegExp(` ${uqDay}, ${year} H$`));

      // The site keeps its −1 and records the month Oman began with Umm al-Qura (or a day late).
      const [, omanDay] = /^\d+-\d+-(\d+)/.exec(observed.oman_official) ?? [];
      const prefix = `${year}-${String(month).padStart(2, '0')} `;
      const start = vectors?.oman_official_month_starts.find((s) => s.hijri.startsWith(prefix));
      const override = {
        year: year ?? NaN,
        month: month ?? NaN,
        startsOn: start?.oman_start ?? '',
      };
      const adjust = observed.seed_minus_umalqura_days;
      const omani = mastheadDate(day, settings(adjust, { monthStartOverrides: [override] }));
      expect(omani.hijri).toMatch(new RegExp(` ${omanDay}, ${year} H$`));
      expect(omani.hijri === seen.hijri?.replace("Rabi' al-awwal", 'Rabi al-Awwal')).toBe(
        observed.seed_correct_for_oman,
      );
    },
  );
});
