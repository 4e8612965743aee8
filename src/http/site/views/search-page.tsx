import { h } from '../../jsx/jsx.js';
import type { SearchResults } from '../../../services/search/search-stories.js';
import type { SearchRequest } from '../../../services/search/search-request.js';
import { StoryCard } from './story-card.js';

/** The address of page n of a search's results, its filters kept. */
export function searchPagePath(request: SearchRequest, page: number) {
  const params = new URLSearchParams({ q: request.query });
  if (request.section) params.set('section', request.section);
  if (request.author) params.set('author', request.author);
  if (request.from) params.set('from', request.from);
  if (request.to) params.set('to', request.to);
  if (request.order !== 'relevance') params.set('order', request.order);
  if (page > 1) params.set('page', String(page));
  return `/search?${params.toString()}`;
}

function Pagination({ results }: { results: SearchResults }) {
  const { page, pageCount, request } = results;
  if (pageCount <= 1) return null;
  return (
    <nav class="pagination" aria-label="Pages">
      {page > 1 ? (
        <a href={searchPagePath(request, page - 1)} rel="prev">
          ← Previous
        </a>
      ) : (
        <span />
      )}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <a href={searchPagePath(request, page + 1)} rel="next">
          Next →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}

function Summary({ results }: { results: SearchResults }) {
  const { request, total } = results;
  if (!results.searched)
    return request.query ? (
      <p>“{request.query}” has no words to search for. Type a name or a word from a story.</p>
    ) : (
      <p>Type words from a story, a name or a topic. Put a phrase in "double quotes".</p>
    );
  if (total === 0) return <p>No stories match “{request.query}”. Try fewer or other words.</p>;
  const order = request.order === 'newest' ? 'newest first' : 'best matches first';
  if (results.more)
    return (
      <p>
        More than {total} stories match “{request.query}”: the newest {total}, {order}. Add words or
        filters to narrow them.
      </p>
    );
  return (
    <p>
      {total === 1 ? 'One story matches' : `${total} stories match`} “{request.query}”, {order}.
    </p>
  );
}

function Notices({ results }: { results: SearchResults }) {
  return (
    <div>
      {results.request.cut ? <p>Only the first 200 characters of the search were used.</p> : null}
      {results.corrections.map((c) => (
        <p>
          Nothing matched “{c.typed}”; showing stories with{' '}
          {c.tried.map((w) => `“${w}”`).join(' or ')}.
        </p>
      ))}
    </div>
  );
}

/** Narrow by section and date, and choose the order; the query itself is in the site header. */
function Filters({ results }: { results: SearchResults }) {
  const { request, publication } = results;
  return (
    <form
      class="search-filters"
      action="/search"
      method="get"
      role="search"
      aria-label="Narrow the results"
    >
      <input type="hidden" name="q" value={request.query} />
      {request.author ? <input type="hidden" name="author" value={request.author} /> : null}
      <label>
        Section{' '}
        <select name="section">
          <option value="">All</option>
          {publication.sections
            .filter((s) => !s.hidden)
            .map((s) => (
              <option value={s.slug} selected={s.slug === request.section}>
                {s.name}
              </option>
            ))}
        </select>
      </label>
      <label>
        From <input type="date" name="from" value={request.from ?? ''} />
      </label>
      <label>
        To <input type="date" name="to" value={request.to ?? ''} />
      </label>
      <label>
        Order{' '}
        <select name="order">
          <option value="relevance">Best match</option>
          <option value="newest" selected={request.order === 'newest'}>
            Newest first
          </option>
        </select>
      </label>
      <button type="submit">Filter</button>
    </form>
  );
}

/** Search results: the stories found, most relevant (or newest) first, each with its passage. */
export function SearchPageView({ results }: { results: SearchResults }) {
  return (
    <div>
      <header class="section-head">
        <h1>Search</h1>
        <Summary results={results} />
        <Notices results={results} />
        {results.searched ? <Filters results={results} /> : null}
      </header>
      <ul class="grid">
        {results.found.map(({ story, snippet }) => (
          <StoryCard story={story} headingLevel={2} snippet={snippet} />
        ))}
      </ul>
      <Pagination results={results} />
    </div>
  );
}
