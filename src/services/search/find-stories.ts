import type { ArticleSummary } from '../../domain/article/article.js';
import { invalid } from '../../domain/errors.js';
import { bodyPlainText } from '../../domain/body/plain-text.js';
import { editDistance, isNearMiss, MIN_CORRECTED_LENGTH } from '../../domain/search/near-miss.js';
import {
  parseSearchQuery,
  wordsSearchedFor,
  type SearchClause,
} from '../../domain/search/search-query.js';
import { searchSnippet, type SnippetPart } from '../../domain/search/search-snippet.js';
import type { Stores } from '../ports.js';
import type { StorySearchHit } from './search-ports.js';
import { publicationWindow, type SearchRequest } from './search-request.js';

/** A story found, with the passage that matched. */
export interface FoundStory {
  story: ArticleSummary;
  /** Around the first match in the body or standfirst; none when only the headline matched. */
  snippet: SnippetPart[] | undefined;
}

/** A word that found nothing, and the known words that look like it, searched for instead. */
export interface Correction {
  typed: string;
  tried: string[];
}

export interface FoundStories {
  /** False when the query held no word to search for (empty, or only punctuation). */
  searched: boolean;
  found: FoundStory[];
  total: number;
  /** More stories match than a search ranks and counts: `total` is that bound. */
  more: boolean;
  corrections: Correction[];
}

// Known words offered for one typed word.
const MAX_ALTERNATIVES = 3;

type SearchStores = Pick<Stores, 'search' | 'articles' | 'authors'>;

/** The known words a mistyped word probably meant, closest first. */
async function alternativesFor(stores: SearchStores, word: string): Promise<string[]> {
  const candidates = await stores.search.wordsLike(word);
  return candidates
    .filter((known) => isNearMiss(word, known))
    .sort((a, b) => editDistance(word, a) - editDistance(word, b))
    .slice(0, MAX_ALTERNATIVES);
}

/**
 * The clauses with each lone word widened to the words it was probably a typo for. A query of
 * one word has just found nothing with these filters, so that word is replaced rather than
 * widened: asking for it again could only cost (on PostgreSQL, a walk through every story).
 */
async function corrected(stores: SearchStores, clauses: SearchClause[]) {
  const corrections: Correction[] = [];
  const widened: SearchClause[] = [];
  for (const clause of clauses) {
    const [word] = clause.anyOf[0] ?? [];
    const single = clause.anyOf.length === 1 && clause.anyOf[0]?.length === 1;
    const tried =
      single && word && word.length >= MIN_CORRECTED_LENGTH
        ? await alternativesFor(stores, word)
        : [];
    if (word && tried.length > 0) corrections.push({ typed: word, tried });
    const kept = clauses.length === 1 ? [] : clause.anyOf;
    widened.push(tried.length > 0 ? { anyOf: [...kept, ...tried.map((w) => [w])] } : clause);
  }
  return { corrections, widened };
}

function snippetOf(hit: StorySearchHit, words: string[]) {
  return searchSnippet(bodyPlainText(hit.body), words) ?? searchSnippet(hit.standfirst, words);
}

/** The filters' slugs as ids; an unknown section or author is simply not found. */
async function filterIds(
  stores: SearchStores,
  request: SearchRequest,
  sections: { id: number; slug: string }[],
) {
  const sectionId =
    request.section === undefined
      ? undefined
      : sections.find((s) => s.slug === request.section)?.id;
  if (request.section !== undefined && sectionId === undefined)
    throw invalid(`section: there is no section with the slug "${request.section}"`, 'section');
  const author =
    request.author === undefined ? undefined : await stores.authors.findBySlug(request.author);
  if (request.author !== undefined && author === undefined)
    throw invalid(`author: there is no author with the slug "${request.author}"`, 'author');
  return { sectionId, authorId: author?.id };
}

/**
 * One page of the stories readers may see at `asOf` that match the request, most relevant
 * first (or newest), each with a snippet. When nothing matches, words that look like typos are
 * widened to the indexed words they were probably meant as, and the search runs again.
 */
export async function findStories(
  stores: SearchStores,
  request: SearchRequest,
  page: { asOf: Date; limit: number; offset: number; sections: { id: number; slug: string }[] },
): Promise<FoundStories> {
  const clauses = parseSearchQuery(request.query);
  if (clauses.length === 0)
    return { searched: false, found: [], total: 0, more: false, corrections: [] };
  const query = {
    asOf: page.asOf,
    ...(await filterIds(stores, request, page.sections)),
    ...publicationWindow(request),
    order: request.order,
    limit: page.limit,
    offset: page.offset,
  };
  let result = await stores.search.search({ ...query, clauses });
  let searchedFor = clauses;
  let corrections: Correction[] = [];
  if (result.total === 0) {
    const retry = await corrected(stores, clauses);
    if (retry.corrections.length > 0) {
      corrections = retry.corrections;
      searchedFor = retry.widened;
      result = await stores.search.search({ ...query, clauses: searchedFor });
    }
  }
  const summaries = await stores.articles.listPublishedByIds(
    result.hits.map((hit) => hit.id),
    page.asOf,
  );
  const byId = new Map(summaries.map((story) => [story.id, story]));
  const words = wordsSearchedFor(searchedFor);
  const found = result.hits.flatMap((hit) => {
    const story = byId.get(hit.id);
    return story ? [{ story, snippet: snippetOf(hit, words) }] : [];
  });
  return { searched: true, found, total: result.total, more: result.more, corrections };
}
