/**
 * IPTC NewsML-G2: a `<newsItem>` on its own, or several in a `<newsMessage>`'s `<itemSet>`.
 * Text items carry their story inline (XHTML or NITF); picture items are one photo with its
 * caption and credit. Packages, concepts, planning items and video are not copy the desk can
 * use, and each says so.
 */
import { textOf, type XmlElement } from '../import/xml-records.js';
import { nitfBodyParts, type NitfBodyParts } from './nitf-items.js';
import {
  finishWireRecord,
  paragraphsOf,
  urgencyOf,
  versionOf,
  type WireDraft,
  type WireReadOptions,
} from './wire-draft.js';
import type { WirePhoto, WireRecord } from './wire-item.js';
import { attribute, htmlOf, kid, kids, localName, words } from './wire-xml.js';

const ITEMS = new Set(['newsitem', 'packageitem', 'conceptitem', 'planningitem', 'knowledgeitem']);

/** The records of a NewsML-G2 file: its item, or a message's header and each item in it. */
export function isNewsmlG2Record(path: readonly string[]): boolean {
  const names = path.map(localName);
  if (names.length === 1) return ITEMS.has(names[0] ?? '');
  if (names[0] !== 'newsmessage') return false;
  if (names.length === 2) return names[1] === 'header';
  return names.length === 3 && names[1] === 'itemset' && ITEMS.has(names[2] ?? '');
}

const NOT_COPY: Record<string, string> = {
  packageitem: 'a package (it lists other items; each of them comes on its own)',
  conceptitem: 'a concept item (a term for a vocabulary, not a story)',
  planningitem: 'a planning item (coverage planned, not a story yet)',
  knowledgeitem: 'a knowledge item (a vocabulary, not a story)',
};

const NOT_USED_CLASSES: Record<string, string> = {
  video: 'a video; the wire desk takes text and pictures',
  audio: 'an audio item; the wire desk takes text and pictures',
};

/** The code of a qcode: `nprov:REUTERS` is REUTERS. */
const codeOf = (qcode: string) => qcode.slice(qcode.indexOf(':') + 1).replace(/^www\./, '');

/** Where the item was filed: `<located>`'s name, or the code of a `city:` qcode. */
function locatedOf(meta: XmlElement | undefined, language: string): string {
  const located = kid(meta, 'located');
  if (!located) return '';
  const qcode = attribute(located, 'qcode');
  return nameOf(located, language) || (qcode.startsWith('city:') ? codeOf(qcode) : '');
}

/** A concept's name in the item's language, or its first. */
function nameOf(concept: XmlElement, language: string): string {
  const names = kids(concept, 'name');
  const inLanguage = names.find((name) => attribute(name, 'xml:lang') === language);
  return words(inLanguage ?? names[0]);
}

function hostOf(uri: string): string {
  try {
    return new URL(uri).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** The story an item carries inline: XHTML, NITF, or plain text. */
function inlineStory(contentSet: XmlElement | undefined): Partial<NitfBodyParts> {
  const inline = kid(contentSet, 'inlinexml');
  if (inline) {
    const nitf = kid(inline, 'nitf');
    if (nitf) return nitfBodyParts(kid(nitf, 'body'));
    const body = kid(inline, 'html', 'body');
    return { bodyHtml: htmlOf(body ?? inline) };
  }
  return { bodyHtml: paragraphsOf(textOf(kid(contentSet, 'inlinedata'))) };
}

/** The largest picture rendition, as a photo with the item's caption and credit. */
function pictureOf(item: XmlElement, language: string): WirePhoto[] {
  const renditions = kids(kid(item, 'contentset'), 'remotecontent').filter((rendition) =>
    /^image\//.test(attribute(rendition, 'contenttype') || 'image/'),
  );
  const width = (rendition: XmlElement) => Number(attribute(rendition, 'width')) || 0;
  const best = [...renditions].sort((a, b) => width(b) - width(a))[0];
  if (!best) return [];
  const meta = kid(item, 'contentmeta');
  const descriptions = kids(meta, 'description');
  const caption =
    descriptions.find((d) => attribute(d, 'role') === 'drol:caption') ?? descriptions[0];
  const alt = descriptions.find((d) => attribute(d, 'role') === 'drol:alternativeText');
  const holder = kid(item, 'rightsinfo', 'copyrightholder');
  return [
    {
      href: attribute(best, 'href') || attribute(best, 'residref'),
      caption: words(caption),
      credit: words(kid(meta, 'creditline')) || (holder ? nameOf(holder, language) : ''),
      alt: words(alt),
    },
  ];
}

/** The agency: the provider's name or code, else where the content came from. */
function agenciesOf(item: XmlElement, language: string): string[] {
  const provider = kid(item, 'itemmeta', 'provider');
  return [
    provider ? nameOf(provider, language) : '',
    codeOf(attribute(provider, 'qcode')),
    ...kids(kid(item, 'contentmeta'), 'infosource').map((source) => nameOf(source, language)),
    hostOf(attribute(provider, 'uri')),
  ];
}

/** The headline of role main (or none), then any. */
function headlineOf(meta: XmlElement | undefined): string {
  const headlines = kids(meta, 'headline');
  const main = headlines.find((h) => ['', 'hdltype:main'].includes(attribute(h, 'role')));
  return words(main ?? headlines[0]);
}

/** One `<newsItem>` as a draft: `sentAt` is the message's time when the item gives none. */
function newsItemDraft(item: XmlElement, messageSent: string): WireDraft {
  const meta = kid(item, 'contentmeta');
  const itemMeta = kid(item, 'itemmeta');
  const language = attribute(item, 'xml:lang') || attribute(kid(meta, 'language'), 'tag') || '';
  const picture = /^ninat:(picture|graphic)$/.test(attribute(kid(itemMeta, 'itemclass'), 'qcode'));
  const story = picture ? {} : inlineStory(kid(item, 'contentset'));
  // `<by>` is the byline as printed; creators are often the agency itself, so they come last.
  const bylineSources = [
    kids(meta, 'by').map(words),
    story.bylines ?? [],
    kids(meta, 'creator').map((creator) => nameOf(creator, language)),
  ];
  return {
    uri: attribute(item, 'guid'),
    version: versionOf(attribute(item, 'version')),
    agencies: [...agenciesOf(item, language), story.distributor ?? ''],
    urgency: urgencyOf(words(kid(meta, 'urgency'))),
    headline: headlineOf(meta) || (story.headline ?? ''),
    datelineField:
      words(kid(meta, 'dateline')) || locatedOf(meta, language) || (story.dateline ?? ''),
    bodyHtml: story.bodyHtml ?? '',
    bylines: bylineSources.find((names) => names.length > 0) ?? [],
    subjects: [
      ...kids(meta, 'subject').map((subject) => nameOf(subject, language)),
      ...kids(meta, 'keyword').map(words),
    ],
    photos: picture ? pictureOf(item, language) : (story.photos ?? []),
    sentDates: [words(kid(itemMeta, 'versioncreated')), messageSent],
    firstCreated: words(kid(itemMeta, 'firstcreated')),
    language: language || null,
    format: 'newsml-g2',
  };
}

/** Why an item is not copy for the desk, or null when it is. */
function notCopy(item: XmlElement): string | null {
  const kind = localName(item.name);
  if (NOT_COPY[kind]) return NOT_COPY[kind];
  const itemMeta = kid(item, 'itemmeta');
  const itemClass = codeOf(attribute(kid(itemMeta, 'itemclass'), 'qcode'));
  if (NOT_USED_CLASSES[itemClass]) return NOT_USED_CLASSES[itemClass];
  if (attribute(kid(itemMeta, 'pubstatus'), 'qcode') === 'stat:canceled')
    return 'the agency withdrew it (pubStatus stat:canceled)';
  return null;
}

/** One NewsML-G2 item: a wire item, or why it is none. `messageSent` is its message's time. */
export function newsmlG2Record(
  item: XmlElement,
  ref: string,
  options?: WireReadOptions & { messageSent?: string },
): WireRecord {
  const guid = attribute(item, 'guid');
  const refused = notCopy(item);
  if (refused) return { failed: refused, ref: guid || ref };
  return finishWireRecord(newsItemDraft(item, options?.messageSent ?? ''), ref, options);
}

/** The time a `<newsMessage>`'s header says it was sent. */
export const messageSentOf = (header: XmlElement) => words(kid(header, 'sent'));
