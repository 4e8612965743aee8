import type { BodyDocument } from '../../domain/body/body-document.js';
import type { SearchClause } from '../../domain/search/search-query.js';

/** Which published stories a search asks for, and in what order. */
export interface StorySearchQuery {
  /** Readers' visibility at this instant: embargoes and take-down times are read here. */
  asOf: Date;
  /** Every clause must be met (see domain/search/search-query.ts). */
  clauses: SearchClause[];
  sectionId?: number;
  authorId?: number;
  /** Published at or after this instant. */
  from?: Date;
  /** Published before this instant. */
  until?: Date;
  /** Most relevant first (recency breaking ties), or newest first. */
  order: 'relevance' | 'newest';
  limit: number;
  offset: number;
}

/** One story found, with what its snippet is cut from. */
export interface StorySearchHit {
  id: number;
  standfirst: string;
  body: BodyDocument;
}

/**
 * The full-text index of the stories readers may see, on either engine. Storage keeps it
 * current in the transaction of every write to a story; searches check visibility at `asOf`.
 */
export interface StorySearch {
  /**
   * One page of the stories found, in order, and how many there are; `more` when others match
   * beyond the newest ones a search ranks and counts (`total` is then that bound).
   */
  search(
    query: StorySearchQuery,
  ): Promise<{ hits: StorySearchHit[]; total: number; more: boolean }>;
  /** Indexed words that look like this folded word: candidates for a reader's typo. */
  wordsLike(word: string): Promise<string[]>;
}
