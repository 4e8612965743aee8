import { h } from '../../jsx/jsx.js';
import type { SearchResults } from '../../../services/search/search-stories.js';
import { StoryCard } from './story-card.js';

/** The address of page n of a search's results. */
export const searchPagePath = (query: string, page: number) =>
  `/search?q=${encodeURIComponent(query)}${page > 1 ? `&page=${page}` : ''}`;

function Pagination({ results }: { results: SearchResults }) {
  const { page, pageCount, query } = results;
  if (pageCount <= 1) return null;
  return (
    <nav class="pagination" aria-label="Pages">
      {page > 1 ? (
        <a href={searchPagePath(query, page - 1)} rel="prev">
          ← Newer stories
        </a>
      ) : (
        <span />
      )}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <a href={searchPagePath(query, page + 1)} rel="next">
          Older stories →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}

function Summary({ results }: { results: SearchResults }) {
  if (results.words.length === 0)
    return <p>Type words from a headline or summary in the search box above.</p>;
  if (results.total === 0)
    return <p>No stories match “{results.query}”. Try fewer or other words.</p>;
  return (
    <p>
      {results.total === 1 ? 'One story matches' : `${results.total} stories match`} “
      {results.query}”, newest first.
    </p>
  );
}

/** Search results: the stories whose headline or summary has every word, newest first. */
export function SearchPageView({ results }: { results: SearchResults }) {
  return (
    <div>
      <header class="section-head">
        <h1>Search</h1>
        <Summary results={results} />
      </header>
      <ul class="grid">
        {results.stories.map((story) => (
          <StoryCard story={story} headingLevel={2} />
        ))}
      </ul>
      <Pagination results={results} />
    </div>
  );
}
