/**
 * NITF (IPTC's News Industry Text Format), on its own or inside a NewsML-G2 item: the head's
 * docdata says which story and version, how urgent and when; the body's head gives the
 * headline, byline, dateline and distributor; `<media>` in the body are its photos.
 */
import type { XmlElement } from '../import/xml-records.js';
import {
  finishWireRecord,
  urgencyOf,
  versionOf,
  type WireDraft,
  type WireReadOptions,
} from './wire-draft.js';
import type { WirePhoto, WireRecord } from './wire-item.js';
import { attribute, descendants, htmlOf, kid, kids, localName, words } from './wire-xml.js';

/** What NITF's body says, as far as NewsML-G2 also reads it from an inline NITF document. */
export interface NitfBodyParts {
  headline: string;
  bylines: string[];
  dateline: string;
  distributor: string;
  bodyHtml: string;
  photos: WirePhoto[];
}

/** "By Meredith Jameson, <byttl>Staff Reporter</byttl>" is Meredith Jameson. */
function bylineName(byline: XmlElement): string {
  const name = byline.content
    .map((part) =>
      typeof part === 'string' ? part : localName(part.name) === 'byttl' ? '' : words(part),
    )
    .join(' ');
  return name
    .replace(/\s+/g, ' ')
    .replace(/^\s*by\s+/i, '')
    .replace(/[\s,;]+$/, '')
    .trim();
}

/** A `<media media-type="image">` as a photo: its reference, caption and producer. */
function nitfPhoto(media: XmlElement): WirePhoto | null {
  const type = attribute(media, 'media-type');
  if (type !== '' && type !== 'image' && type !== 'photo') return null;
  const reference = kid(media, 'media-reference');
  return {
    href: attribute(reference, 'source') || attribute(reference, 'data-location'),
    caption: words(kid(media, 'media-caption')),
    credit: words(kid(media, 'media-producer')) || words(kid(media, 'credit')),
    alt: attribute(reference, 'alternate-text'),
  };
}

const MEDIA = new Set(['media']);

/** The headline, byline, dateline, distributor, body and photos of an NITF `<body>`. */
export function nitfBodyParts(body: XmlElement | undefined): NitfBodyParts {
  const head = kid(body, 'body.head');
  const content = kid(body, 'body.content');
  const dateline = kid(head, 'dateline');
  return {
    headline: words(kid(head, 'hedline', 'hl1')) || words(kid(head, 'hedline')),
    bylines: kids(head, 'byline').map(bylineName),
    dateline:
      words(kid(dateline, 'location', 'city')) ||
      words(kid(dateline, 'location')) ||
      words(dateline),
    distributor: words(kid(head, 'distributor')),
    bodyHtml: content ? htmlOf(content, MEDIA) : '',
    photos: descendants(content, 'media')
      .map(nitfPhoto)
      .filter((photo): photo is WirePhoto => photo !== null),
  };
}

/** One `<nitf>` document: an item, or why it is none. */
export function nitfRecord(nitf: XmlElement, ref: string, options?: WireReadOptions): WireRecord {
  const docdata = kid(nitf, 'head', 'docdata');
  const parts = nitfBodyParts(kid(nitf, 'body'));
  const draft: WireDraft = {
    uri: attribute(kid(docdata, 'doc-id'), 'id-string'),
    version: versionOf(attribute(kid(docdata, 'du-key'), 'version')),
    agencies: [
      parts.distributor,
      attribute(kid(docdata, 'doc.copyright'), 'holder'),
      attribute(kid(docdata, 'doc-id'), 'regsrc'),
    ],
    urgency: urgencyOf(attribute(kid(docdata, 'urgency'), 'ed-urg')),
    headline: parts.headline || words(kid(nitf, 'head', 'title')),
    datelineField: parts.dateline,
    bodyHtml: parts.bodyHtml,
    bylines: parts.bylines,
    subjects: [
      ...kids(kid(docdata, 'key-list'), 'keyword').map((keyword) => attribute(keyword, 'key')),
      ...descendants(kid(nitf, 'head'), 'tobject.subject').map((subject) =>
        attribute(subject, 'tobject.subject.matter'),
      ),
    ],
    photos: parts.photos,
    sentDates: [
      attribute(kid(docdata, 'date.release'), 'norm'),
      attribute(kid(docdata, 'date.issue'), 'norm'),
    ],
    firstCreated: attribute(kid(docdata, 'date.issue'), 'norm'),
    language: attribute(nitf, 'xml:lang') || attribute(kid(nitf, 'body'), 'xml:lang') || null,
    format: 'nitf',
  };
  return finishWireRecord(draft, ref, options);
}
