/**
 * The agency a story made from wire copy is signed off with: "— Reuters" under one agency's
 * copy, "— Agencies" when the desk merged copy from several (the reference page's style).
 */

/** Agencies' codes and long names, as the sign-off prints them. */
const KNOWN_AGENCIES: Record<string, string> = {
  REUTERS: 'Reuters',
  'THOMSON REUTERS': 'Reuters',
  'THOMSONREUTERS.COM': 'Reuters',
  'REUTERS.COM': 'Reuters',
  AP: 'AP',
  'ASSOCIATED PRESS': 'AP',
  'THE ASSOCIATED PRESS': 'AP',
  AFP: 'AFP',
  'AGENCE FRANCE-PRESSE': 'AFP',
  'AGENCE FRANCE PRESSE': 'AFP',
  DPA: 'dpa',
  'DEUTSCHE PRESSE-AGENTUR': 'dpa',
  ONA: 'ONA',
  'OMAN NEWS AGENCY': 'ONA',
  WAM: 'WAM',
  SPA: 'SPA',
  KUNA: 'KUNA',
  QNA: 'QNA',
  IANS: 'IANS',
  PTI: 'PTI',
  ANI: 'ANI',
  XINHUA: 'Xinhua',
  ANADOLU: 'Anadolu',
  'ANADOLU AGENCY': 'Anadolu',
  EFE: 'EFE',
  ANSA: 'ANSA',
  TT: 'TT',
  GYI: 'Getty Images',
  'GETTY IMAGES': 'Getty Images',
  'GETTY IMAGES INC.': 'Getty Images',
  BLOOMBERG: 'Bloomberg',
};

/** An agency as the sign-off names it: a known code or long name made short, else as written. */
export function agencyName(raw: string): string {
  const name = raw.replace(/\s+/g, ' ').trim();
  return KNOWN_AGENCIES[name.toUpperCase()] ?? name;
}

/** The sign-off for a story made from `agencies`' items: one agency's name, or "Agencies". */
export function agencySignOff(agencies: readonly string[]): string {
  const names = new Map<string, string>();
  for (const agency of agencies) {
    const name = agencyName(agency);
    if (name !== '') names.set(name.toLowerCase(), name);
  }
  if (names.size > 1) return 'Agencies';
  return [...names.values()][0] ?? '';
}
