/**
 * What the foot of a story's page offers to read next (issue 14): its related stories, chosen
 * when the story is saved (ADR 0049), and the newest stories of its section, read with the page.
 */
import type { SearchClause } from '../search/search-query.js';
import { searchWords } from '../search/fold-text.js';
import { isVisibleToReaders, type VisibilityFacts } from './reader-visibility.js';

/** Related stories kept per story: more than a page shows, so one taken down leaves no gap. */
export const RELATED_KEPT = 6;
/** Related stories a page shows. */
export const RELATED_SHOWN = 4;
/** Newest stories of the section a page shows under "More in …". */
export const SECTION_SHOWN = 4;

/** A story the foot of a page links to. */
export interface StoryLink {
  id: number;
  slug: string;
  headline: string;
  section: { slug: string };
  publishedAt: Date;
}

/** A story kept as related to another, with what the visibility rule reads of it. */
export interface RelatedStory extends StoryLink, VisibilityFacts {
  publishedAt: Date;
}

/** The foot of a story's page: its related stories, then more from its section. */
export interface FurtherReading {
  related: StoryLink[];
  moreInSection: StoryLink[];
  /** Every story kept as related, shown or not: the page changes when any of them does. */
  relatedIds: number[];
}

export const NO_FURTHER_READING: FurtherReading = {
  related: [],
  moreInSection: [],
  relatedIds: [],
};

/**
 * The related stories readers may see at `asOf`, best first; under them the section's newest
 * without those already listed above, the story itself, or more than the page shows.
 */
export function furtherReadingOf(
  storyId: number,
  kept: RelatedStory[],
  newestInSection: StoryLink[],
  asOf: Date,
): FurtherReading {
  const related = kept.filter((story) => isVisibleToReaders(story, asOf)).slice(0, RELATED_SHOWN);
  const listed = new Set([storyId, ...related.map((story) => story.id)]);
  return {
    related,
    moreInSection: newestInSection.filter((story) => !listed.has(story.id)).slice(0, SECTION_SHOWN),
    relatedIds: kept.map((story) => story.id),
  };
}

/** What is known of a story that might be related to another. */
export interface RelatedCandidate {
  id: number;
  /** Topics it shares with the story. */
  sharedTags: number;
  sameSection: boolean;
  /** How well its headline and standfirst match the story's headline, from 0 to 1. */
  textMatch: number;
  publishedAt: Date;
}

// Shared topics weigh most: one outweighs the same section and the closest text together.
const TAG_POINTS = 4;
const COUNTED_TAGS = 3;
const SECTION_POINTS = 2;
// Text counts in three steps, so that near-equal matches tie and the newer story comes first.
const TEXT_STEPS = 3;
const TEXT_POINTS = 1.5;

const textPoints = (match: number) =>
  (Math.round(Math.min(1, Math.max(0, match)) * TEXT_STEPS) * TEXT_POINTS) / TEXT_STEPS;

/** How related a candidate is; the same section alone makes a story no more than a neighbour. */
export function relatedScore(candidate: RelatedCandidate): number {
  return (
    Math.min(candidate.sharedTags, COUNTED_TAGS) * TAG_POINTS +
    (candidate.sameSection ? SECTION_POINTS : 0) +
    textPoints(candidate.textMatch)
  );
}

/**
 * A topic in common, or two headline words: a story sharing only the section is already under
 * "More in …".
 */
const isRelated = (candidate: RelatedCandidate) =>
  candidate.sharedTags > 0 || textPoints(candidate.textMatch) >= TEXT_POINTS / 2;

/** The ids of the most related candidates, best first, newest first among equals. */
export function chooseRelated(candidates: RelatedCandidate[], kept = RELATED_KEPT): number[] {
  return candidates
    .filter(isRelated)
    .map((candidate) => ({ candidate, score: relatedScore(candidate) }))
    .sort(
      (x, y) =>
        y.score - x.score ||
        y.candidate.publishedAt.getTime() - x.candidate.publishedAt.getTime() ||
        y.candidate.id - x.candidate.id,
    )
    .slice(0, kept)
    .map(({ candidate }) => candidate.id);
}

// A headline word found counts twice a standfirst's; this many headline words make a full match.
const WORDS_FOR_FULL_MATCH = 4;

/**
 * How closely a candidate's headline and standfirst match the story's telling words, from 0 to
 * 1: two words in common in the headlines count, one does not.
 */
export function textMatchOf(
  words: string[],
  candidate: { headline: string; standfirst: string },
): number {
  if (words.length === 0) return 0;
  const inHeadline = new Set(searchWords(candidate.headline));
  const inStandfirst = new Set(searchWords(candidate.standfirst));
  let found = 0;
  for (const word of words) found += inHeadline.has(word) ? 2 : inStandfirst.has(word) ? 1 : 0;
  return Math.min(1, found / (2 * Math.min(words.length, WORDS_FOR_FULL_MATCH)));
}

// Headline words that say little about the story, in English, the most common language of our
// papers; anything shorter than four letters is left out anyway.
const FILLER = new Set(
  'about after again amid also been before being from have into more over says said than that their them then they this were what when which while will with would year years'.split(
    ' ',
  ),
);
const MIN_LETTERS = 4;
const MAX_WORDS = 8;

/** The headline's telling words, folded as search folds them: longest first, at most eight. */
export function wordsToMatch(headline: string): string[] {
  const words = new Set(
    searchWords(headline).filter((word) => word.length >= MIN_LETTERS && !FILLER.has(word)),
  );
  return [...words].sort((x, y) => y.length - x.length || (x < y ? -1 : 1)).slice(0, MAX_WORDS);
}

/**
 * Clauses a story meets when it has at least two of the words (one, when only one is given):
 * for each word, any of the others. A single shared word is too weak a sign to look for.
 */
export function atLeastTwoOf(words: string[]): SearchClause[] {
  if (words.length < 2) return words.map((word) => ({ anyOf: [[word]] }));
  return words.map((left) => ({
    anyOf: words.filter((word) => word !== left).map((word) => [word]),
  }));
}
