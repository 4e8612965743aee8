/**
 * What every format's parser shares: it gathers a `WireDraft` as the format words it, and
 * `finishWireRecord` applies the rules that are the same for all — which date the queue orders
 * by, the dateline from the field or the body's opening, the agency, and which records are not
 * items at all and why.
 */
import { escapeHtml } from '../body/escape-html.js';
import { sanitizeBodyHtml } from '../body/sanitize-body-html.js';
import { agencyName } from './agency-sign-off.js';
import { datelinePlace, takeDatelineOpening } from './dateline-opening.js';
import type { WireItem, WirePhoto, WireRecord } from './wire-item.js';

export interface WireDraft {
  uri: string;
  version: number;
  /** Candidates for the agency, best first; the first non-empty one is used. */
  agencies: string[];
  /**
   * Who published the file (a feed's channel): the agency only when neither the item, the
   * bracket of its opening dateline nor the source's configuration names one.
   */
  publisher?: string;
  urgency: number | null;
  headline: string;
  /** The item's own dateline field, as written; '' when it has none. */
  datelineField: string;
  bodyHtml: string;
  bylines: string[];
  subjects: string[];
  photos: WirePhoto[];
  /** Dates as the file writes them: the version's time candidates best first, and the first. */
  sentDates: string[];
  firstCreated: string;
  language: string | null;
  format: string;
}

export interface WireReadOptions {
  /** When the file or feed was received: the date of an item that gives none. */
  receivedAt?: string;
  /** The source's agency, for items that name none (a drop folder for one agency). */
  agency?: string;
}

/** Text as a reader sees it: runs of spaces and line breaks made one space. */
export const plain = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Each non-empty name once, in order. */
export const distinct = (names: readonly string[]) => [
  ...new Set(names.map(plain).filter((name) => name !== '')),
];

const COMPACT_INSTANT = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?)?(Z|[+-]\d{4})?$/;

/** Month names' first letters in the languages feeds write RFC 822 dates in ("Seg, 24 Set 2018"). */
const MONTHS: Record<string, string> = {
  jan: 'Jan',
  ene: 'Jan',
  gen: 'Jan',
  janv: 'Jan',
  feb: 'Feb',
  fev: 'Feb',
  febr: 'Feb',
  mar: 'Mar',
  mrz: 'Mar',
  mär: 'Mar',
  apr: 'Apr',
  abr: 'Apr',
  avr: 'Apr',
  may: 'May',
  mai: 'May',
  mag: 'May',
  mayo: 'May',
  jun: 'Jun',
  juin: 'Jun',
  giu: 'Jun',
  jul: 'Jul',
  juil: 'Jul',
  lug: 'Jul',
  aug: 'Aug',
  ago: 'Aug',
  aou: 'Aug',
  aoû: 'Aug',
  sep: 'Sep',
  set: 'Sep',
  oct: 'Oct',
  out: 'Oct',
  okt: 'Oct',
  ott: 'Oct',
  nov: 'Nov',
  dec: 'Dec',
  dez: 'Dec',
  dic: 'Dec',
  déc: 'Dec',
};

const LOCAL_RFC822 = /^(?:[^\d,]+,\s*)?(\d{1,2})\.?\s+([^\s\d.]+)\.?\s+(\d{4})(.*)$/u;

/** An RFC 822 date with another language's day and month names, in English. */
function inEnglish(text: string): string {
  const parts = LOCAL_RFC822.exec(text);
  if (!parts) return text;
  const month = (parts[2] ?? '').toLowerCase();
  const english = MONTHS[month] ?? MONTHS[month.slice(0, 4)] ?? MONTHS[month.slice(0, 3)];
  return english ? `${parts[1]} ${english} ${parts[3]}${parts[4]}` : text;
}

/** NITF's compact ISO 8601 (20020410T123000Z) written out. */
function expanded(text: string): string {
  const compact = COMPACT_INSTANT.exec(text);
  if (!compact) return text;
  const zone = (compact[7] ?? 'Z').replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  return `${compact[1]}-${compact[2]}-${compact[3]}T${compact[4] ?? '00'}:${compact[5] ?? '00'}:${compact[6] ?? '00'}${zone}`;
}

/** An ISO instant from the ways wire formats write one, or null when it is not a date. */
export function instantOf(raw: string | undefined): string | null {
  const text = plain(raw);
  if (text === '' || /^0000/.test(text)) return null;
  let time = Date.parse(expanded(text));
  if (Number.isNaN(time)) time = Date.parse(inEnglish(text));
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** A whole number written as one (11 or "11"), or null. */
function wholeNumber(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isInteger(raw) ? raw : null;
  const text = typeof raw === 'string' ? raw.trim() : '';
  return /^\d{1,9}$/.test(text) ? Number(text) : null;
}

/** A version number as written ("11", 2); 1 when there is none or it is not a number. */
export function versionOf(raw: unknown): number {
  const version = wholeNumber(raw);
  return version !== null && version >= 0 ? version : 1;
}

/** Urgency 1 (flash) to 9, or null when the item gives none that fits. */
export function urgencyOf(raw: unknown): number | null {
  const urgency = wholeNumber(raw);
  return urgency !== null && urgency >= 1 && urgency <= 9 ? urgency : null;
}

/** Plain text as paragraphs of HTML: a blank line (or, failing that, a line break) parts them. */
export function paragraphsOf(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const parts = /\n\s*\n/.test(trimmed) ? trimmed.split(/\n\s*\n/) : trimmed.split(/\n/);
  return parts
    .map(plain)
    .filter((part) => part !== '')
    .map((part) => `<p>${escapeHtml(part)}</p>`)
    .join('');
}

/** The inside of an HTML document's `<body>`, or the HTML as it is when it is a fragment. */
export function bodyFragment(html: string): string {
  return /<body\b[^>]*>([\s\S]*?)(?:<\/body>|$)/i.exec(html)?.[1] ?? html;
}

const failure = (ref: string, reason: string): WireRecord => ({ failed: reason, ref });

/** The dates of a draft: the version's time (falling back to the first) and the first. */
function datesOf(draft: WireDraft, options: WireReadOptions) {
  const firstCreatedAt = instantOf(draft.firstCreated);
  const sent = draft.sentDates.map(instantOf).find((date) => date !== null);
  const sentAt = sent ?? firstCreatedAt ?? instantOf(options.receivedAt);
  return { firstCreatedAt, sentAt };
}

/**
 * Where `draft` was filed, and its body with any opening dateline taken out (the page prints
 * the dateline from its field, so leaving it would print it twice). The story's own opening
 * names the place when it has one, being what the agency wrote for readers; else the field.
 */
function datelineOf(draft: WireDraft) {
  const taken = takeDatelineOpening(draft.bodyHtml);
  return {
    dateline: taken?.opening.place ?? datelinePlace(draft.datelineField),
    bodyHtml: taken ? taken.bodyHtml : draft.bodyHtml,
    agency: taken?.opening.agency ?? '',
  };
}

/** The item a draft makes, or why it makes none; `ref` names the record in the reason. */
export function finishWireRecord(
  draft: WireDraft,
  ref: string,
  options: WireReadOptions = {},
): WireRecord {
  const uri = plain(draft.uri);
  const headline = plain(draft.headline);
  if (uri === '') return failure(ref, 'it has no identifier (guid, uri or id)');
  if (headline === '') return failure(uri, 'it has no headline');
  const { firstCreatedAt, sentAt } = datesOf(draft, options);
  if (sentAt === null) {
    const written = distinct([...draft.sentDates, draft.firstCreated]);
    const verdict = written.length > 1 ? 'are not dates' : 'is not a date';
    const said = written.length > 0 ? ` ("${written.join('", "')}" ${verdict})` : '';
    return failure(uri, `it has no date the desk can read${said}`);
  }
  const { dateline, bodyHtml, agency } = datelineOf(draft);
  const agencies = [...draft.agencies, agency, options.agency ?? '', draft.publisher ?? ''].map(
    plain,
  );
  const item: WireItem = {
    uri,
    version: draft.version,
    agency: agencyName(agencies.find((name) => name !== '') ?? ''),
    urgency: draft.urgency,
    headline,
    dateline,
    // Reduced to the body's allow-list here, so no queue preview ever holds a script.
    bodyHtml: sanitizeBodyHtml(bodyHtml).trim(),
    bylines: distinct(draft.bylines),
    subjects: distinct(draft.subjects),
    photos: draft.photos.filter((photo) => photo.href !== ''),
    firstCreatedAt,
    sentAt,
    language: plain(draft.language ?? '') || null,
    format: draft.format,
  };
  return { item };
}
