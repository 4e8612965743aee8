import { newsroom, type DeskFilters } from '../api/newsroom.js';
import type { ArticleStatus, Author, Section } from '../api/types.js';
import { ArticleTable } from '../components/article-table.js';
import { STATUS_LABELS } from '../components/status.js';
import { useLoad, valueOr } from '../components/use-load.js';
import { Link, navigate } from '../router.js';
import { usePageTitle } from '../components/page-title.js';
import { formText } from '../components/form-submit.js';

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

function formFilters(form: HTMLFormElement): DeskFilters {
  const text = formText(form);
  return {
    search: text('search'),
    status: text('status') as ArticleStatus | '',
    sectionId: text('sectionId') ? Number(text('sectionId')) : '',
    authorId: text('authorId') ? Number(text('authorId')) : '',
    page: 1,
  };
}

interface FilterFormProps {
  filters: DeskFilters;
  sections: Section[];
  authors: Author[];
}

/** Search and filters, kept in the address so a filtered list can be shared and reloaded. */
function FilterForm({ filters, sections, authors }: FilterFormProps) {
  const choice = (
    id: string,
    name: string,
    label: string,
    any: string,
    value: string,
    options: { value: string | number; label: string }[],
  ) => (
    <div>
      <label for={id}>{label}</label>
      <select id={id} name={name} value={value}>
        <option value="">{any}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form
      class="filters"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        navigate(pathFor(formFilters(event.currentTarget)));
      }}
    >
      <div>
        <label for="search">Search headlines</label>
        <input id="search" name="search" type="search" value={filters.search} />
      </div>
      {choice(
        'status',
        'status',
        'Status',
        'Any status',
        filters.status ?? '',
        Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label })),
      )}
      {choice(
        'section',
        'sectionId',
        'Section',
        'Any section',
        String(filters.sectionId ?? ''),
        sections.map((s) => ({ value: s.id, label: s.name })),
      )}
      {choice(
        'author',
        'authorId',
        'Author',
        'Any author',
        String(filters.authorId ?? ''),
        authors.map((a) => ({ value: a.id, label: a.name })),
      )}
      <button type="submit">Filter</button>
    </form>
  );
}

/** Every article the user may see, searchable by headline and filtered by state, section, author. */
export function ArticleListPage({ query }: { query: URLSearchParams }) {
  usePageTitle('Articles');
  const filters = filtersOf(query);
  const key = pathFor(filters);
  const [list] = useLoad(() => newsroom.list(filters), [key]);
  const [sections] = useLoad(() => newsroom.sections(), []);
  const [authors] = useLoad(() => newsroom.authors(), []);
  const page = filters.page ?? 1;
  const articles = valueOr(list, { page, articles: [] }).articles;

  return (
    <>
      <h1>Articles</h1>
      <FilterForm
        key={key}
        filters={filters}
        sections={valueOr(sections, [])}
        authors={valueOr(authors, [])}
      />
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
