/**
 * Agency copy names where it was filed at the start of its first paragraph — `ANKARA:`,
 * `MOSCOW, April 23 (Reuters) -`, `LONDON (AP) —` — and our pages print the dateline from its
 * own field (in capitals, before the first paragraph). This reads that opening so the field can
 * be filled and the opening taken out of the body, without eating ordinary first words.
 */

export interface DatelineOpening {
  /** The place as the agency wrote it ("MOSCOW", "Grosseto"). */
  place: string;
  /** The agency named in brackets after it ("Reuters"), or null. */
  agency: string | null;
  /** The text after the opening. */
  rest: string;
}

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const WEEKDAY = '(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day';
const WORD = "\\p{Lu}[\\p{L}\\p{M}'’./-]*";
/** Little words inside place names: "RIO DE JANEIRO", "Dar es Salaam". */
const JOINER = "(?:de|del|da|do|dos|es|el|al|la|le|of|upon|am|an|d'|l')";
const PLACE = `${WORD}(?:\\s+(?:${WORD}|${JOINER}))*?`;
const DATE = `(?:${MONTH}\\.?\\s+\\d{1,2}(?:,?\\s+\\d{4})?|${WEEKDAY})`;
const REGION = `(?!${MONTH}\\b|${WEEKDAY}\\b)${WORD}(?:\\s+${WORD}){0,3}`;
/** A colon, or a dash with space after it: "US-China" is one word, not an opening. */
const DASH = '(?:–|—|&mdash;|&ndash;|&#821[12];)';
const SEPARATOR = `(?:\\s*:|\\s+-{1,2}|\\s*${DASH})\\s+`;

const OPENING = new RegExp(
  `^\\s*(?<place>${PLACE})(?:,\\s*(?<region>${REGION}))?(?:,\\s*(?<date>${DATE}))?` +
    `(?:\\s*\\((?<agency>[^()]{2,40})\\))?${SEPARATOR}(?=\\S)`,
  'u',
);

/**
 * Labels agencies and papers put where a dateline would go: they start a paragraph in capitals
 * with a colon or a dash, and are not places.
 */
const LABELS = new Set([
  'ADVANCE',
  'ADVISORY',
  'ALERT',
  'ANALYSIS',
  'BACKGROUND',
  'BREAKING',
  'BULLETIN',
  'COMMENT',
  'CONTEXT',
  'CORRECTED',
  'CORRECTION',
  'CORRECTS',
  'EDITORIAL',
  "EDITOR'S NOTE",
  'EDITOR’S NOTE',
  'EMBARGOED',
  'EXCLUSIVE',
  'EXPLAINER',
  'FACT CHECK',
  'FACTBOX',
  'FEATURE',
  'FLASH',
  'HIGHLIGHTS',
  'IN BRIEF',
  'INTERVIEW',
  'KEY POINTS',
  'NOTE',
  'NOTE TO EDITORS',
  'OBITUARY',
  'OPINION',
  'PHOTOS',
  'PHOTO',
  'PREVIEW',
  'REFILE',
  'RELATED',
  'REVIEW',
  'SEE ALSO',
  'SUMMARY',
  'TIMELINE',
  'UPDATE',
  'UPDATED',
  'UPDATES',
  'URGENT',
  'VIDEO',
  'WARNING',
  'WRAPUP',
]);

/** Words no place name holds: "WHY IT MATTERS:", "READ MORE:", "WATCH LIVE —". */
const NOT_IN_PLACES = new Set(
  'I IT IS ARE WAS WERE WE YOU MY OUR NOT WHY WHAT HOW WHO WHEN MORE READ WATCH LIVE LISTEN MATTERS'.split(
    ' ',
  ),
);

const isLabel = (place: string) =>
  LABELS.has(place.toUpperCase()) ||
  place
    .toUpperCase()
    .split(/\s+/)
    .some((word) => NOT_IN_PLACES.has(word));

const letters = (text: string) => text.replace(/[^\p{L}]/gu, '');
const inCapitals = (text: string) => letters(text) === letters(text).toUpperCase();

/**
 * A dateline in brackets, as some agencies write it: "(New York, NY - October 21) Et, …". The
 * date inside is required, so a bracketed aside or agency ("(Sports Network) -") is not one.
 */
const BRACKETED = new RegExp(
  `^\\s*\\((?<place>${PLACE})(?:,\\s*(?<region>${REGION}))?\\s*(?:-{1,2}|${DASH}|,)\\s*` +
    `(?<date>${DATE})\\)(?:\\s*(?:-{1,2}|${DASH}))?\\s+(?=\\S)`,
  'u',
);

/**
 * The dateline a paragraph opens with, or null when it opens with none. A place in capitals
 * ("ANKARA:") stands on its own; one in ordinary case ("Moscow") counts only with a date or an
 * agency after it, so "However, the minister said —" is never a dateline.
 */
export function readDatelineOpening(paragraph: string): DatelineOpening | null {
  const match = OPENING.exec(paragraph) ?? BRACKETED.exec(paragraph);
  const groups = match?.groups;
  if (!match || !groups) return null;
  const place = (groups.place ?? '').trim();
  if (letters(place).length < 3 || isLabel(place)) return null;
  const agency = groups.agency?.trim() ?? null;
  if (!inCapitals(place) && !groups.date && !agency) return null;
  return { place, agency, rest: paragraph.slice(match[0].length) };
}

/** Opening tags, and whole headings (some agencies repeat the headline in the body), then text. */
const FIRST_TEXT = /^((?:\s*(?:<(h[1-6])\b[^>]*>[\s\S]*?<\/\2\s*>|<(?!\/)[^>]*>))*\s*)([^<]*)/i;

/**
 * The opening of a body's first paragraph, and the body without it. Only text before any
 * inline markup is read: `<p><strong>ANKARA</strong>: …` is left as it is.
 */
export function takeDatelineOpening(
  bodyHtml: string,
): { opening: DatelineOpening; bodyHtml: string } | null {
  // A dateline is short and comes first: reading only the head keeps a huge body cheap.
  const first = FIRST_TEXT.exec(bodyHtml.slice(0, 4000));
  if (!first) return null;
  const [, tags = '', , text = ''] = first;
  const head = text.slice(0, 300);
  const opening = readDatelineOpening(head);
  if (!opening) return null;
  const consumed = head.length - opening.rest.length;
  return { opening, bodyHtml: tags + bodyHtml.slice(tags.length + consumed) };
}

/** The place of a dateline field: "MOSCOW, Monday (Reuters)" is "MOSCOW". */
export function datelinePlace(field: string): string {
  const opening = readDatelineOpening(`${field} — x`);
  const place = opening?.place ?? field.split(/[,(]/)[0] ?? '';
  return place
    .replace(/[\s:–—-]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}
