/**
 * RSS (2.0, 1.0 and the CDF it grew beside) and Atom entries as wire items. A feed names its
 * publisher once, on the channel, so the channel's title (or an Atom feed's author) is the
 * agency unless the item names its own source.
 */
import type { XmlElement } from '../import/xml-records.js';
import {
  distinct,
  finishWireRecord,
  paragraphsOf,
  plain,
  type WireDraft,
  type WireReadOptions,
} from './wire-draft.js';
import type { WirePhoto, WireRecord } from './wire-item.js';
import { attribute, htmlOf, kid, localName, words } from './wire-xml.js';

/** What the channel says once for all its items. */
export interface FeedChannel {
  title: string;
  language: string;
}

const ROOTS = new Set(['rss', 'rdf', 'feed', 'channel']);
const CHANNEL_FIELDS = new Set(['title', 'language', 'author']);

/** The records of a feed: its channel's title, language and author, and each item or entry. */
export function isFeedRecord(path: readonly string[]): boolean {
  const names = path.map(localName);
  const last = names.at(-1) ?? '';
  if (!ROOTS.has(names[0] ?? '') || names.length < 2) return false;
  if (last === 'item' || last === 'entry') return names.length <= 3;
  const parent = names.at(-2);
  const onChannel = parent === 'channel' || (parent === 'feed' && names.length === 2);
  return onChannel && CHANNEL_FIELDS.has(last);
}

/** Takes a channel-level record into `channel`. */
export function readChannelField(channel: FeedChannel, element: XmlElement): void {
  const name = localName(element.name);
  if (name === 'title' && channel.title === '') channel.title = headlineText(element);
  if (name === 'language' && channel.language === '') channel.language = words(element);
  if (name === 'author' && channel.title === '') channel.title = words(kid(element, 'name'));
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** Character references left in text that was escaped twice ("&#x0024;4300"). */
const decodeReferences = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });

/** A title as text: Atom's `type="html"` and RSS titles with markup lose their tags. */
function headlineText(title: XmlElement | undefined): string {
  if (attribute(title, 'type') === 'xhtml') return words(title);
  return plain(decodeReferences(words(title).replace(/<[^>]*>/g, ' ')));
}

/** Atom's text constructs, or RSS's HTML in text: as HTML either way. */
function htmlIn(element: XmlElement | undefined): string {
  if (!element) return '';
  const type = attribute(element, 'type');
  if (type === 'xhtml') return htmlOf(kid(element, 'div') ?? element);
  // Unescaped markup in a description arrives as elements, not text.
  if (element.content.some((part) => typeof part !== 'string')) return htmlOf(element);
  const text = element.content.map((part) => (typeof part === 'string' ? part : '')).join('');
  if (type === 'text' || !/<[a-z!/]/i.test(text)) return paragraphsOf(text);
  return text.trim();
}

/**
 * Elements named by `name` as written, prefix included (`media:content`, `dc:creator`); a
 * feed's own elements also under the `atom:` prefix some publishers write.
 */
const named = (element: XmlElement, name: string) =>
  element.content.filter(
    (part): part is XmlElement =>
      typeof part !== 'string' && (part.name === name || part.name === `atom:${name}`),
  );

const own = (element: XmlElement, name: string) => named(element, name)[0];

/** Photos: image enclosures, and the widest of each picture's `media:content` renditions. */
function photosOf(entry: XmlElement): WirePhoto[] {
  const enclosures = [...named(entry, 'enclosure'), ...named(entry, 'link')]
    .filter((link) => attribute(link, 'rel') === 'enclosure' || link.name === 'enclosure')
    .filter((link) => attribute(link, 'type').startsWith('image/'))
    .map((link) => photo(attribute(link, 'url') || attribute(link, 'href'), '', ''));
  const media = [
    ...named(entry, 'media:content'),
    ...named(entry, 'media:group').flatMap((group) => named(group, 'media:content')),
  ]
    .filter((content) => /^image\/|^$/.test(attribute(content, 'type')))
    .filter((content) => ['', 'image'].includes(attribute(content, 'medium')));
  const widest = new Map<string, XmlElement>();
  const width = (content: XmlElement | undefined) => Number(attribute(content, 'width')) || 0;
  for (const content of media) {
    const picture = attribute(content, 'url').split('?')[0] ?? '';
    if (width(content) >= width(widest.get(picture))) widest.set(picture, content);
  }
  const renditions = [...widest.values()].map((content) =>
    photo(
      attribute(content, 'url'),
      words(named(content, 'media:description')[0] ?? named(entry, 'media:description')[0]),
      words(named(content, 'media:credit')[0] ?? named(entry, 'media:credit')[0]),
    ),
  );
  return [...enclosures, ...renditions];
}

const photo = (href: string, caption: string, credit: string): WirePhoto => ({
  href,
  caption,
  credit,
  alt: '',
});

/** The link an entry points to: Atom's alternate link, RSS's `<link>`, CDF's `href`. */
function linkOf(entry: XmlElement): string {
  const links = named(entry, 'link');
  const alternate = links.find((link) => ['', 'alternate'].includes(attribute(link, 'rel')));
  return attribute(alternate, 'href') || words(alternate) || attribute(entry, 'href');
}

/** "editor@example.com (Jane Doe)" is Jane Doe; an address alone is no byline. */
const authorName = (author: XmlElement) =>
  (words(kid(author, 'name')) || words(author))
    .replace(/^\S+@\S+\s*\((.*)\)$/, '$1')
    .replace(/^\S+@\S+$/, '');

/** One RSS `<item>` or Atom `<entry>`: an item, or why it is none. */
export function feedRecord(
  entry: XmlElement,
  channel: FeedChannel,
  ref: string,
  options?: WireReadOptions,
): WireRecord {
  const atom = localName(entry.name) === 'entry';
  const categories = named(entry, 'category').map(
    (category) => attribute(category, 'label') || attribute(category, 'term') || words(category),
  );
  const draft: WireDraft = {
    uri: words(own(entry, 'guid')) || words(own(entry, 'id')) || linkOf(entry),
    version: 1,
    // RSS names the source in text; Atom's <source> is a copy of the origin feed's head.
    agencies: [words(kid(own(entry, 'source'), 'title')) || words(own(entry, 'source'))],
    publisher: channel.title,
    urgency: null,
    headline: headlineText(own(entry, 'title')),
    datelineField: '',
    bodyHtml:
      htmlIn(named(entry, 'content:encoded')[0]) ||
      htmlIn(own(entry, 'content')) ||
      htmlIn(own(entry, 'description')) ||
      htmlIn(own(entry, 'summary')) ||
      htmlIn(own(entry, 'abstract')),
    bylines: [...named(entry, 'dc:creator').map(words), ...named(entry, 'author').map(authorName)],
    subjects: distinct(categories),
    photos: photosOf(entry),
    sentDates: ['updated', 'pubdate', 'dc:date', 'published', 'modified', 'issued'].map((name) =>
      words(own(entry, name)),
    ),
    firstCreated: atom ? words(own(entry, 'published')) : '',
    language: attribute(entry, 'xml:lang') || channel.language || null,
    format: atom ? 'atom' : 'rss',
  };
  return finishWireRecord(draft, ref, options);
}
