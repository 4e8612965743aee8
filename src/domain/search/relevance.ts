import { searchWords } from './fold-text.js';
import type { SearchClause } from './search-query.js';

/** What a story's relevance is judged on: the text a reader sees first. */
export interface RankedText {
  headline: string;
  standfirst: string;
}

// A clause met in the headline counts this much, in the standfirst this much; anywhere else
// (body, captions, topics, bylines) it counts 1.
const HEADLINE = 10;
const STANDFIRST = 4;

/** Whether the words hold the phrase, its words side by side and in order. */
function holds(words: string[], phrase: string[]): boolean {
  const [first] = phrase;
  for (let at = words.indexOf(first ?? ''); at !== -1; at = words.indexOf(first ?? '', at + 1)) {
    if (phrase.every((word, i) => words[at + i] === word)) return true;
  }
  return false;
}

/**
 * How well a story meets the clauses, higher first: for each clause, where it is met. The same
 * on both engines, and computed for the stories a search ranks only (storage/story-search.ts),
 * as neither bm25's nor ts_rank's statistics can be had without reading every match.
 */
export function relevanceOf(clauses: SearchClause[], story: RankedText): number {
  const headline = searchWords(story.headline);
  const standfirst = searchWords(story.standfirst);
  let score = 0;
  for (const { anyOf } of clauses) {
    if (anyOf.some((phrase) => holds(headline, phrase))) score += HEADLINE;
    else if (anyOf.some((phrase) => holds(standfirst, phrase))) score += STANDFIRST;
    else score += 1;
  }
  return score;
}
