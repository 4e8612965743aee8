/**
 * Agency copy as the desk reads it: the draft one click makes of one item or of several merged,
 * and what changed between an item's versions.
 */
import type { ArticleDraft } from '../article/article-draft.js';
import {
  diffParagraphs,
  diffWords,
  type DiffParagraph,
  type DiffPart,
} from '../article/text-diff.js';
import { bodyFromHtml } from '../body/body-from-html.js';
import type { BodyDocument } from '../body/body-document.js';
import { bodyParagraphs } from '../body/plain-text.js';
import { agencySignOff } from './agency-sign-off.js';
import { takeDatelineOpening } from './dateline-opening.js';
import { distinct } from './wire-draft.js';
import type { WireItem, WirePhoto } from './wire-item.js';

// The draft's own limits (article-draft.ts): longer agency fields are cut, not refused.
const MAX_TAGS = 30;
const MAX_TAG = 80;
const MAX_HEADLINE = 300;
const MAX_DATELINE = 80;
const MAX_CAPTION = 1000;
const MAX_CREDIT = 200;
const MAX_ALT = 500;

/** What a newer version changed: the headline word by word, the body paragraph by paragraph. */
export interface WireChanges {
  previousVersion: number;
  headline: DiffPart[];
  body: DiffParagraph[];
}

/** The paragraphs of agency HTML, read through the sanitizer as a draft's body would be. */
export const wireParagraphs = (bodyHtml: string): string[] =>
  bodyParagraphs(bodyFromHtml(bodyHtml));

/** The changes from the previous version's headline and body to the current ones. */
export function wireChanges(
  previous: { version: number; headline: string; bodyHtml: string },
  current: { headline: string; bodyHtml: string },
): WireChanges {
  return {
    previousVersion: previous.version,
    headline: diffWords(previous.headline, current.headline),
    body: diffParagraphs(wireParagraphs(previous.bodyHtml), wireParagraphs(current.bodyHtml)),
  };
}

const uniqueTags = (subjects: string[]): string[] => {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const subject of subjects) {
    const tag = subject.trim().slice(0, MAX_TAG).trim();
    if (tag === '' || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    tags.push(tag);
  }
  return tags.slice(0, MAX_TAGS);
};

/**
 * One story's body of the items' bodies in the order the desk chose them, each through the
 * sanitizer; a later item's opening dateline is dropped, the story printing only the lead's.
 */
function mergedBody(items: readonly WireItem[]): BodyDocument {
  const blocks = items.flatMap((item, index) => {
    const html =
      index === 0 ? item.bodyHtml : (takeDatelineOpening(item.bodyHtml)?.bodyHtml ?? item.bodyHtml);
    return bodyFromHtml(html).content;
  });
  return { type: 'doc', content: blocks };
}

/** Every item's bylines once each, the lead's first: the names the caller looks profiles up by. */
export const wireBylines = (items: readonly WireItem[]): string[] =>
  distinct(items.flatMap((item) => item.bylines));

/** The photo a draft of the items leads with: the lead item's first, else the next item's. */
export const leadWirePhoto = (items: readonly WireItem[]): WirePhoto | undefined =>
  items.flatMap((item) => item.photos)[0];

/**
 * The draft items make, the first chosen being the lead: its headline and dateline, the bodies
 * in the order chosen, every item's subjects as tags (once each), and the agency as the
 * sign-off ("Agencies" when they differ). Bylines are profiles the caller found for
 * `wireBylines`; the lead photo is the caller's to fetch (see `leadOfWirePhoto`).
 */
export function draftOfWireItems(
  items: readonly [WireItem, ...WireItem[]],
  place: { sectionId: number; bylines: number[] },
): ArticleDraft {
  const [lead] = items;
  return {
    headline: lead.headline.slice(0, MAX_HEADLINE),
    standfirst: '',
    dateline: lead.dateline.slice(0, MAX_DATELINE),
    body: mergedBody(items),
    sectionId: place.sectionId,
    tags: uniqueTags(items.flatMap((item) => item.subjects)),
    bylines: place.bylines,
    lead: null,
    signOff: agencySignOff(items.map((item) => item.agency)),
    seoTitle: '',
    seoDescription: '',
    socialTitle: '',
    socialDescription: '',
    socialImageId: null,
  };
}

/** The lead photo of a draft: the agency's photo, once in the library, with its words. */
export const leadOfWirePhoto = (photo: WirePhoto, mediaId: number): ArticleDraft['lead'] => ({
  mediaId,
  caption: photo.caption.slice(0, MAX_CAPTION),
  credit: photo.credit.slice(0, MAX_CREDIT),
  alt: photo.alt.slice(0, MAX_ALT),
});

/** What became of the item's photos when the draft was made. */
export interface PhotosTaken {
  /** The address of the one fetched as the lead photo, if any. */
  lead: string | null;
  /** Why the first photo could not be fetched, if it was tried and failed. */
  refused: string | null;
}

/** Where one item of a draft came from. */
const sourceLine = (item: WireItem) => `${item.agency}, version ${item.version} of ${item.uri}`;

/**
 * The note left on a draft made from the wire: where it came from (every item, in the order
 * merged), the agency's bylines no profile matched, and the photos offered besides the lead
 * (with caption and credit) for the desk to fetch and place, with the reason when fetching the
 * lead failed.
 */
export function wireDraftNote(
  items: readonly WireItem[],
  unmatchedBylines: string[],
  photos: PhotosTaken = { lead: null, refused: null },
): string {
  const lines =
    items.length === 1
      ? [`From the wire: ${sourceLine(items[0]!)}.`]
      : [
          `Merged from ${items.length} wire items, the first as the lead:`,
          ...items.map((item, index) => `${index + 1}. ${sourceLine(item)}: ${item.headline}`),
        ];
  if (unmatchedBylines.length > 0) lines.push(`Agency bylines: ${unmatchedBylines.join(', ')}.`);
  if (photos.refused) lines.push(`The first photo could not be fetched: ${photos.refused}.`);
  for (const photo of items.flatMap((item) => item.photos)) {
    if (photo.href === photos.lead) continue;
    const about = [photo.caption, photo.credit && `(${photo.credit})`].filter(Boolean).join(' ');
    lines.push(`Photo offered: ${photo.href}${about ? ` — ${about}` : ''}`);
  }
  return lines.join('\n');
}
