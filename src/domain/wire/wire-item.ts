/**
 * One piece of agency copy as the wire desk holds it, whatever format it came in (RSS/Atom,
 * NewsML-G2, NITF, ninjs). The parsers (one per format) produce it; the wire queue stores it,
 * drops a repeat of the same `uri` and `version`, and marks the item updated when a newer
 * version arrives.
 */
export interface WireItem {
  /** The agency's identity for the story across its versions (GUID, NewsML guid, ninjs uri). */
  uri: string;
  /** Higher is newer; 1 when the format has no version. */
  version: number;
  /** The agency ("Reuters", "AFP", "ONA"), as the sign-off names it. */
  agency: string;
  /** 1 (flash) … 9 (lowest), NewsML/ninjs urgency; null when the item gives none. */
  urgency: number | null;
  headline: string;
  /** The dateline place, from the item's field or its body's opening ("ANKARA"); may be ''. */
  dateline: string;
  /** The body as HTML; the importer sanitises it on the way to our document format. */
  bodyHtml: string;
  bylines: string[];
  /** Subjects and keywords, as names readers would see as tags. */
  subjects: string[];
  photos: WirePhoto[];
  /** ISO instants. `sentAt` is the version's time, used to order the queue. */
  firstCreatedAt: string | null;
  sentAt: string;
  language: string | null;
  /** Which format it came in: 'rss', 'atom', 'newsml-g2', 'nitf', 'ninjs'. */
  format: string;
}

export interface WirePhoto {
  /** Where to fetch it: an absolute URL, or a path relative to the file it came in. */
  href: string;
  caption: string;
  credit: string;
  alt: string;
}

/** What a parser gives for each record: an item, or why that record is not one. */
export type WireRecord = { item: WireItem } | { failed: string; ref: string };
