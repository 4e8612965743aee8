import { invalid } from '../../domain/errors.js';
import { readMasthead } from '../read-masthead.js';
import { readStoryList, type StoryList } from '../read-story-list.js';
import type { Stores } from '../ports.js';
import type { SiteReads } from '../site-context.js';

/** Longer queries are refused; more words than this are not searched for. */
export const MAX_QUERY_LENGTH = 200;
const MAX_WORDS = 8;

export interface SearchResults extends StoryList {
  /** The query as the reader typed it, trimmed. */
  query: string;
  /** The words searched for; none for an empty query, which lists nothing. */
  words: string[];
}

/** The distinct words of a query, in the order typed. */
export function searchWordsOf(query: string): string[] {
  const words = query.toLowerCase().split(/\s+/u).filter(Boolean);
  return [...new Set(words)].slice(0, MAX_WORDS);
}

/**
 * One page of the published stories whose headline or standfirst contains every word of the
 * query, newest first. An empty query finds nothing (the page shows just the search box).
 */
export async function searchStories(
  context: SiteReads<Pick<Stores, 'articles'>>,
  rawQuery: unknown,
  page: number,
): Promise<SearchResults> {
  if (rawQuery !== undefined && typeof rawQuery !== 'string')
    throw invalid('q: give one search, as text', 'q');
  const query = (rawQuery ?? '').trim();
  if (query.length > MAX_QUERY_LENGTH)
    throw invalid(`q: must be at most ${MAX_QUERY_LENGTH} characters`, 'q');
  const words = searchWordsOf(query);
  const publication = await context.publication.current();
  if (words.length === 0) {
    const masthead = readMasthead(publication.settings, context.clock.now(), context.weather);
    return { query, words, masthead, publication, stories: [], page: 1, pageCount: 1, total: 0 };
  }
  return { query, words, ...(await readStoryList(context, publication, { words }, page)) };
}
