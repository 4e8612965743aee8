/**
 * English Hijri month names in plain ASCII: no ʻayn or hamza marks, so they survive any font and
 * any search box. A publication may replace them with its own spelling.
 */
export const DEFAULT_HIJRI_MONTH_NAMES: readonly string[] = Object.freeze([
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

/** The name of Hijri month 1-12 in the given list, falling back to the default spelling. */
export function hijriMonthName(
  month: number,
  names: readonly string[] = DEFAULT_HIJRI_MONTH_NAMES,
) {
  return names[month - 1] ?? DEFAULT_HIJRI_MONTH_NAMES[month - 1] ?? `month ${month}`;
}
