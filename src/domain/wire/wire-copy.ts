/**
 * Agency copy as the desk reads it: the draft one click makes of an item, and what changed
 * between an item's versions.
 */
import type { ArticleDraft } from '../article/article-draft.js';
import {
  diffParagraphs,
  diffWords,
  type DiffParagraph,
  type DiffPart,
} from '../article/text-diff.js';
import { bodyFromHtml } from '../body/body-from-html.js';
import { bodyParagraphs } from '../body/plain-text.js';
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
 * The draft an item makes: headline, dateline, the body through the sanitizer, subjects as
 * tags and the agency as the sign-off. Bylines are profiles the caller found for the agency's
 * names; the lead photo is the caller's to fetch (see `leadOfWirePhoto`).
 */
export function draftOfWireItem(
  item: WireItem,
  place: { sectionId: number; bylines: number[] },
): ArticleDraft {
  return {
    headline: item.headline.slice(0, MAX_HEADLINE),
    standfirst: '',
    dateline: item.dateline.slice(0, MAX_DATELINE),
    body: bodyFromHtml(item.bodyHtml),
    sectionId: place.sectionId,
    tags: uniqueTags(item.subjects),
    bylines: place.bylines,
    lead: null,
    signOff: item.agency,
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

/**
 * The note left on a draft made from the wire: where it came from, the agency's bylines no
 * profile matched, and the photos offered besides the lead (with caption and credit) for the
 * desk to fetch and place, with the reason when fetching the first one failed.
 */
export function wireDraftNote(
  item: WireItem,
  unmatchedBylines: string[],
  photos: PhotosTaken = { lead: null, refused: null },
): string {
  const lines = [`From the wire: ${item.agency}, version ${item.version} of ${item.uri}.`];
  if (unmatchedBylines.length > 0) lines.push(`Agency bylines: ${unmatchedBylines.join(', ')}.`);
  if (photos.refused) lines.push(`The first photo could not be fetched: ${photos.refused}.`);
  for (const photo of item.photos) {
    if (photo.href === photos.lead) continue;
    const about = [photo.caption, photo.credit && `(${photo.credit})`].filter(Boolean).join(' ');
    lines.push(`Photo offered: ${photo.href}${about ? ` — ${about}` : ''}`);
  }
  return lines.join('\n');
}
