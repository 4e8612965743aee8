/**
 * Which version an arriving item is of the one the queue holds. NewsML-G2, NITF and ninjs number
 * their versions; RSS and Atom do not (every entry reads as version 1), so a feed entry whose
 * copy changed is the next version, and one whose copy is the same is a repeat even when the
 * feed re-stamped its date, as feeds do on every rebuild (ADR 0061).
 */
import type { WireItem } from './wire-item.js';

/** A repeat of the version held, an older one, or a newer one with its number. */
export type VersionVerdict =
  { outcome: 'duplicate' | 'older' } | { outcome: 'newer'; version: number };

/** The formats whose items carry no version number of their own. */
const UNNUMBERED_FORMATS = new Set(['rss', 'atom']);

/** What a reader or the desk would see change: the words, the names, the photos. */
const copyOf = (item: WireItem) =>
  JSON.stringify([
    item.headline,
    item.dateline,
    item.bodyHtml,
    item.bylines,
    item.subjects,
    item.photos.map((photo) => [photo.href, photo.caption, photo.credit, photo.alt]),
  ]);

/** The arriving item against the one held under the same uri (see the module comment). */
export function versionAgainst(held: WireItem, arriving: WireItem): VersionVerdict {
  if (!UNNUMBERED_FORMATS.has(arriving.format)) {
    if (arriving.version === held.version) return { outcome: 'duplicate' };
    if (arriving.version < held.version) return { outcome: 'older' };
    return { outcome: 'newer', version: arriving.version };
  }
  if (copyOf(arriving) === copyOf(held)) return { outcome: 'duplicate' };
  if (Date.parse(arriving.sentAt) < Date.parse(held.sentAt)) return { outcome: 'older' };
  return { outcome: 'newer', version: held.version + 1 };
}
