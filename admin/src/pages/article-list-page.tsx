import { newsroom, type DeskFilters } from '../api/newsroom.js';
import type { ArticleStatus } from '../api/types.js';
import { ArticleTable } from '../components/article-table.js';
import { STATUS_LABELS } from '../components/status.js';
import { useLoad, valueOr } from '../components/use-load.js';
import { Link, navigate } from '../router.js';

const PER_PAGE = 50;

function filtersOf(query: URLSearchParams): DeskFilters {
  const number = (key: string) => (query.get(key) ? Number(query.get(key)) : '');
  return {
    search: query.get('search') ?? '',
    status: (query.get('status') ?? '') as ArticleStatus | '',
    sectionId: number('sectionId'),
    authorId: number('authorId'),
    page: Math.max(1, Number(query.get('page') ?? 1) || 1),
  };
}

function pathFor(filters: DeskFilters) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== '' && value !== undefined && !(key === 'page' && value === 1))
      params.set(key, String(value));
  }
  const text = params.toString();
  return `/articles${text ? `?${text}` : ''}`;
}

/** Every article the user may see, searchable by headline and filtered by state, section, author. */
export function ArticleListPage({ query }: { query: URLSearchParams }) {
  const filters = filtersOf(query);
  const key = pathFor(filters);
  const [list] = useLoad(() => newsroom.list(filters), [key]);
  const [sections] = useLoad(() => newsroom.sections(), []);
  const [authors] = useLoad(() => newsroom.authors(), []);

  const submit = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '');
    navigate(
      pathFor({
        search: text('search').trim(),
        status: text('status') as ArticleStatus | '',
        sectionId: text('sectionId') ? Number(text('sectionId')) : '',
        authorId: text('authorId') ? Number(text('authorId')) : '',
        page: 1,
      }),
    );
  };
  const page = filters.page ?? 1;
  const articles = valueOr(list, { page, articles: [] }).articles;

  return (
    <>
      <h1>Articles</h1>
      <form class="filters" role="search" onSubmit={submit} key={key}>
        <div>
          <label for="search">Search headlines</label>
          <input id="search" name="search" type="search" value={filters.search} />
        </div>
        <div>
          <label for="status">Status</label>
          <select id="status" name="status" value={filters.status}>
            <option value="">Any status</option>
            {Object.entries(STATUS_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="section">Section</label>
          <select id="section" name="sectionId" value={String(filters.sectionId)}>
            <option value="">Any section</option>
            {valueOr(sections, []).map((section) => (
              <option key={section.id} value={section.id}>
                {section.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="author">Author</label>
          <select id="author" name="authorId" value={String(filters.authorId)}>
            <option value="">Any author</option>
            {valueOr(authors, []).map((author) => (
              <option key={author.id} value={author.id}>
                {author.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Filter</button>
      </form>
      {list.state === 'loading' && <p class="loading">Loading…</p>}
      {list.state === 'failed' && (
        <p class="form-error" role="alert">
          {list.message}
        </p>
      )}
      {list.state === 'ready' && (
        <ArticleTable
          caption="Articles"
          articles={articles}
          sections={valueOr(sections, [])}
          empty="No articles match."
        />
      )}
      <nav class="pager" aria-label="Pages">
        {page > 1 && <Link href={pathFor({ ...filters, page: page - 1 })}>Previous page</Link>}
        {articles.length === PER_PAGE && (
          <Link href={pathFor({ ...filters, page: page + 1 })}>Next page</Link>
        )}
      </nav>
    </>
  );
}
